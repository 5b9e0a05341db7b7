package io.signalbox.app.routes;

import static io.signalbox.app.routes.StoreFixture.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.persistence.config.TargetMatch;
import io.signalbox.proxy.routing.TargetKey;
import io.signalbox.proxy.routing.TpmUse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route editor's tokens-per-minute field and meter, without a window (ADR 0014). */
class TpmLimitEditorTest {

    @TempDir Path temp;

    private StoreFixture store;

    private static TargetConfig limited(String model, long limit) {
        return new TargetConfig(
                "lab",
                model,
                TargetConfig.DEFAULT_WEIGHT,
                true,
                TargetMatch.NONE,
                OptionalLong.of(limit),
                false);
    }

    @BeforeEach
    void start() {
        store = new StoreFixture(temp.resolve("data"));
        store.put(
                new SignalboxConfig(
                        List.of(provider("lab", "big", "small", "spare")),
                        List.of(
                                new RouteConfig(
                                        "chat",
                                        true,
                                        List.of(limited("big", 60_000), limited("small", 30_000)),
                                        List.of(
                                                new FallbackConfig(
                                                        "lab", "spare", OptionalLong.of(1000))),
                                        60)),
                        List.of()));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private RouteConfig stored() {
        return RouteConfigs.find(store.current(), "chat").orElseThrow();
    }

    @Test
    void limitsWithoutWeightsShowTheirSharesAndSurviveASave() {
        RouteEditorViewModel editor = new RouteEditorViewModel(store);
        editor.open("chat");

        assertThat(editor.targets().get(0).tpm().limitProperty().get()).isEqualTo(60_000L);
        assertThat(editor.targets().get(0).shareProperty().get()).isCloseTo(2 / 3.0, within(1e-9));
        editor.timeoutSecondsProperty().set(30);
        assertThat(editor.save()).isTrue();

        RouteConfig route = stored();
        assertThat(route.targets())
                .containsExactly(limited("big", 60_000), limited("small", 30_000));
        assertThat(route.fallbacks().get(0).tpmLimit()).isEqualTo(OptionalLong.of(1000));
    }

    @Test
    void editingTheLimitMarksTheDraftChangedAndSavesIt() {
        RouteEditorViewModel editor = new RouteEditorViewModel(store);
        editor.open("chat");

        editor.targets().get(1).tpm().limitProperty().set(60_000L);
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(editor.targets().get(1).shareProperty().get()).isCloseTo(0.5, within(1e-9));
        editor.targets().get(0).tpm().limitProperty().set(null);
        assertThat(editor.save()).isTrue();

        assertThat(stored().targets().get(0).tpmLimit()).isEmpty();
        assertThat(stored().targets().get(1).tpmLimit()).isEqualTo(OptionalLong.of(60_000));
    }

    @Test
    void movingAWeightMakesTheWeightsDecide() {
        RouteEditorViewModel editor = new RouteEditorViewModel(store);
        editor.open("chat");

        editor.targets().get(0).weightProperty().set(300);

        assertThat(editor.targets().get(0).shareProperty().get()).isCloseTo(0.75, within(1e-9));
        assertThat(editor.save()).isTrue();
        assertThat(stored().targets().get(0).weightGiven()).isTrue();
    }

    @Test
    void aLimitTheStoreRefusesIsShownOnItsRow() {
        RouteEditorViewModel editor = new RouteEditorViewModel(store);
        editor.open("chat");

        editor.targets().get(1).tpm().limitProperty().set(0L);

        assertThat(editor.save()).isFalse();
        assertThat(editor.targets().get(1).problemProperty().get()).contains("from 1 to");
        assertThat(stored().targets().get(1).tpmLimit()).isEqualTo(OptionalLong.of(30_000));
    }

    @Test
    void theMeterShowsTheProxysCountForEachTargetsModel() {
        RouteEditorViewModel editor = new RouteEditorViewModel(store);
        editor.open("chat");
        Map<TargetKey, TpmUse> counts =
                Map.of(new TargetKey("lab", "big"), new TpmUse(60_000, 15_000));
        TpmMeters meters =
                new TpmMeters(
                        now -> counts,
                        Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC));

        meters.refresh(editor.targets());

        TpmLimitDraft big = editor.targets().get(0).tpm();
        assertThat(big.fillProperty().get()).isEqualTo(0.25);
        assertThat(big.meterTextProperty().get()).isEqualTo("15,000 / 60,000 tokens this minute");
        TpmLimitDraft small = editor.targets().get(1).tpm();
        assertThat(small.fillProperty().get()).isZero();
        assertThat(small.meterTextProperty().get()).isEqualTo("0 / 30,000 tokens this minute");
    }
}
