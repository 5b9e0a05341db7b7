package io.signalbox.app.routes;

import static io.signalbox.app.routes.StoreFixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.RoutingTables;
import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.RouteSelection;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.persistence.config.TargetMatch;
import io.signalbox.proxy.routing.FailureKind;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.HealthPolicy;
import io.signalbox.proxy.routing.RouteHealth;
import io.signalbox.proxy.routing.RouteStatus;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.TargetKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditions, selection and retries in the route editor, and the route status on the list. */
class RouteEditorOptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir Path temp;

    private StoreFixture store;
    private RouteEditorViewModel editor;

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
                                        List.of(
                                                new TargetConfig("lab", "big", 100, true),
                                                new TargetConfig("lab", "small", 300, true)),
                                        List.of(new FallbackConfig("lab", "spare")),
                                        60)),
                        List.of()));
        editor = new RouteEditorViewModel(store);
        editor.open("chat");
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private RouteConfig stored() {
        return RouteConfigs.find(store.current(), "chat").orElseThrow();
    }

    private List<String> shareTexts() {
        return editor.targets().stream().map(t -> t.shareTextProperty().get()).toList();
    }

    @Test
    void aConditionAddedInTheEditorIsSavedOnItsTarget() {
        TargetDraft big = editor.targets().get(0);

        assertThat(editor.addCondition(big, MatchCondition.header("user-type", "premium")))
                .isNull();
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(editor.save()).isTrue();

        assertThat(stored().targets().get(0).match())
                .isEqualTo(
                        new TargetMatch(
                                Map.of("user-type", "premium"), Map.of(), Optional.empty()));
        assertThat(stored().targets().get(1).match()).isEqualTo(TargetMatch.NONE);
    }

    @Test
    void roundRobinChangesThePreviewToTurnsAndIsSaved() {
        assertThat(shareTexts()).containsExactly("25%", "75%");
        assertThat(editor.splitExplanationProperty().get()).contains("by weight");

        editor.options().selectionProperty().set(RouteSelection.ROUND_ROBIN);

        assertThat(shareTexts()).containsExactly("1 in 2", "1 in 2");
        assertThat(editor.splitProperty().get())
                .extracting(SplitSegment::share)
                .containsExactly(0.5, 0.5);
        assertThat(editor.splitExplanationProperty().get()).startsWith("Round robin");
        editor.targets().get(0).weightProperty().set(0);
        assertThat(shareTexts()).containsExactly("no turn", "every call");

        assertThat(editor.save()).isTrue();
        assertThat(stored().selection()).isEqualTo(RouteSelection.ROUND_ROBIN);
    }

    @Test
    void retriesAreSavedAndEmptyMeansEveryTarget() {
        assertThat(editor.options().retriesProperty().get()).isEmpty();

        editor.options().retriesProperty().set("1");
        assertThat(editor.save()).isTrue();
        assertThat(stored().retries()).isEqualTo(OptionalInt.of(1));

        editor.options().retriesProperty().set(RouteOptionsDraft.EVERY_TARGET);
        assertThat(editor.save()).isTrue();
        assertThat(stored().retries()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void retriesOutOfRangeOrNotANumberAreShownAndNothingIsSaved() {
        for (String wrong : List.of("21", "-1", "two")) {
            editor.options().retriesProperty().set(wrong);

            assertThat(editor.problems().retriesProperty().get())
                    .as(wrong)
                    .isEqualTo(
                            "Retries: use 0 to 20 other targets, or leave it empty to try every"
                                    + " target.");
            assertThat(editor.save()).isFalse();
        }
        assertThat(stored().retries()).isEqualTo(OptionalInt.empty());

        editor.options().retriesProperty().set("20");
        assertThat(editor.problems().retriesProperty().get()).isNull();
    }

    @Test
    void theListShowsEachRoutesStatusFromTheProxysHealth() {
        HealthBook health = new HealthBook(HealthPolicy.defaults());
        RoutesViewModel routes =
                new RoutesViewModel(
                        store,
                        health::snapshot,
                        now -> statuses(store.current(), health, now),
                        Clock.fixed(NOW, ZoneOffset.UTC));
        routes.reload();
        RouteHealth before = routes.routes().get(0).status();
        assertThat(before.status()).isEqualTo(RouteStatus.ACTIVE);
        assertThat(RouteStatusText.text(before)).isEqualTo("Active · 2/2");

        health.recordFailure(
                new TargetKey("lab", "big"),
                FailureKind.RATE_LIMITED,
                Optional.of(Duration.ofSeconds(30)),
                NOW);
        routes.refreshHealth();

        RouteHealth after = routes.routes().get(0).status();
        assertThat(RouteStatusText.text(after)).isEqualTo("Degraded · 1/2");
        assertThat(RouteStatusText.explanation(after)).startsWith("Degraded: 1 of 2 targets");
    }

    private static List<RouteHealth> statuses(
            SignalboxConfig config, HealthBook health, Instant now) {
        RoutingTable table = RoutingTables.from(config);
        return table.routes().stream()
                .map(route -> RouteHealth.of(route, table.providers(), health, now))
                .toList();
    }
}
