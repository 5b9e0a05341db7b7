package io.signalbox.app.routes;

import static io.signalbox.app.routes.StoreFixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteEditorViewModelTest {

    private static final ModelRef QWEN = new ModelRef("ollama", "qwen2.5:7b");
    private static final ModelRef LLAMA = new ModelRef("ollama", "llama3.1:8b");
    private static final ModelRef MINI = new ModelRef("openrouter", "openai/gpt-4o-mini");
    private static final ModelRef HAIKU = new ModelRef("openrouter", "anthropic/claude-3.5-haiku");

    @TempDir Path temp;

    private StoreFixture store;
    private RouteEditorViewModel editor;

    @BeforeEach
    void start() {
        store = new StoreFixture(temp.resolve("data"));
        store.put(
                new SignalboxConfig(
                        List.of(
                                provider("ollama", QWEN.model(), LLAMA.model()),
                                provider("openrouter", MINI.model(), HAIKU.model())),
                        List.of(
                                new RouteConfig(
                                        "chat",
                                        true,
                                        List.of(
                                                new TargetConfig("ollama", QWEN.model(), 100, true),
                                                new TargetConfig(
                                                        "openrouter", MINI.model(), 200, true)),
                                        List.of(new FallbackConfig("ollama", LLAMA.model())),
                                        60),
                                new RouteConfig(
                                        "code",
                                        true,
                                        List.of(
                                                new TargetConfig(
                                                        "openrouter", HAIKU.model(), 100, true)),
                                        List.of(),
                                        60)),
                        List.of(
                                new AccessKeyConfig(
                                        "alice",
                                        Optional.of("sk-sb-0123456789abcdef0123"),
                                        List.of("chat")))));
        editor = new RouteEditorViewModel(store);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private List<String> percents() {
        return editor.targets().stream()
                .map(t -> SplitShares.percent(t.shareProperty().get()))
                .toList();
    }

    private List<ModelRef> targetModels() {
        return editor.targets().stream().map(TargetDraft::model).toList();
    }

    private List<ModelRef> fallbackModels() {
        return editor.fallbacks().stream().map(FallbackDraft::model).toList();
    }

    @Test
    void openingARouteShowsItsSplitAndIsNotDirty() {
        assertThat(editor.open("chat")).isTrue();

        assertThat(percents()).containsExactly("33.3%", "66.7%");
        assertThat(editor.splitProperty().get())
                .extracting(SplitSegment::share)
                .containsExactly(1.0 / 3, 2.0 / 3);
        assertThat(fallbackModels()).containsExactly(LLAMA);
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.problems().anyProperty().get()).isFalse();
    }

    @Test
    void sharesFollowEveryWeightChangeAndTheSwitch() {
        editor.open("chat");

        editor.targets().get(0).weightProperty().set(300);
        assertThat(percents()).containsExactly("60%", "40%");

        editor.targets().get(1).enabledProperty().set(false);
        assertThat(percents()).containsExactly("100%", "0%");
        assertThat(editor.splitProperty().get())
                .extracting(SplitSegment::share)
                .containsExactly(1.0, 0.0);

        editor.targets().get(1).enabledProperty().set(true);
        editor.targets().get(0).weightProperty().set(0);
        assertThat(percents()).containsExactly("0%", "100%");
        assertThat(editor.dirtyProperty().get()).isTrue();
    }

    @Test
    void aPaletteModelDroppedIntoAGapBecomesATargetWithTheDefaultWeight() {
        editor.open("chat");

        editor.lists().addTarget(HAIKU, 1);

        assertThat(targetModels()).containsExactly(QWEN, HAIKU, MINI);
        assertThat(editor.targets().get(1).weightProperty().get()).isEqualTo(100);
        assertThat(percents()).containsExactly("25%", "25%", "50%");
        // A new target gets a colour no other target has.
        assertThat(editor.targets().stream().map(TargetDraft::color).distinct()).hasSize(3);
    }

    @Test
    void reorderingMovesATargetIntoTheGap() {
        editor.open("chat");
        editor.lists().addTarget(HAIKU, 2);

        editor.lists().moveTarget(0, 3);
        assertThat(targetModels()).containsExactly(MINI, HAIKU, QWEN);

        editor.lists().moveTargetUp(2);
        assertThat(targetModels()).containsExactly(MINI, QWEN, HAIKU);

        editor.lists().moveTargetDown(0);
        assertThat(targetModels()).containsExactly(QWEN, MINI, HAIKU);

        editor.lists().moveTargetUp(0);
        assertThat(targetModels()).containsExactly(QWEN, MINI, HAIKU);
    }

    @Test
    void targetsAndFallbacksTradePlaces() {
        editor.open("chat");

        editor.lists().targetToFallback(1, 0);
        assertThat(targetModels()).containsExactly(QWEN);
        assertThat(fallbackModels()).containsExactly(MINI, LLAMA);
        assertThat(percents()).containsExactly("100%");

        editor.lists().fallbackToTarget(1, 0);
        assertThat(targetModels()).containsExactly(LLAMA, QWEN);
        assertThat(fallbackModels()).containsExactly(MINI);
        assertThat(editor.targets().get(0).weightProperty().get()).isEqualTo(100);
    }

    @Test
    void aModelIsInOneListOnly() {
        editor.open("chat");

        editor.lists().addFallback(QWEN, 0);
        assertThat(targetModels()).containsExactly(MINI);
        assertThat(fallbackModels()).containsExactly(QWEN, LLAMA);

        editor.lists().addTarget(LLAMA, 0);
        assertThat(targetModels()).containsExactly(LLAMA, MINI);
        assertThat(fallbackModels()).containsExactly(QWEN);

        editor.lists().addFallback(QWEN, 5);
        assertThat(fallbackModels()).containsExactly(QWEN);
        assertThat(editor.fallbackChoices()).containsExactly(HAIKU);
    }

    @Test
    void fallbacksReorderAndGoAway() {
        editor.open("chat");
        editor.lists().addFallback(HAIKU, 1);
        assertThat(fallbackModels()).containsExactly(LLAMA, HAIKU);

        editor.lists().moveFallbackUp(1);
        assertThat(fallbackModels()).containsExactly(HAIKU, LLAMA);
        editor.lists().moveFallback(0, 2);
        assertThat(fallbackModels()).containsExactly(LLAMA, HAIKU);

        editor.lists().removeFallback(0);
        assertThat(fallbackModels()).containsExactly(HAIKU);
    }

    @Test
    void changingATargetsModelKeepsItsPlaceWeightAndTheRouteName() throws Exception {
        editor.open("chat");
        editor.targets().get(1).weightProperty().set(250);

        assertThat(editor.lists().changeTargetModel(1, HAIKU)).isTrue();
        assertThat(editor.lists().changeTargetModel(0, HAIKU)).isFalse();
        assertThat(editor.save()).isTrue();

        RouteConfig stored = RouteConfigs.find(store.current(), "chat").orElseThrow();
        assertThat(stored.targets())
                .containsExactly(
                        new TargetConfig("ollama", QWEN.model(), 100, true),
                        new TargetConfig("openrouter", HAIKU.model(), 250, true));
    }

    @Test
    void aRouteWithoutAnEnabledTargetIsRefusedWithAMessage() {
        editor.open("chat");
        editor.targets().forEach(t -> t.enabledProperty().set(false));

        assertThat(editor.problems().targetsProperty().get())
                .isEqualTo("No enabled target: switch at least one target on.");
        assertThat(editor.save()).isFalse();
        assertThat(RouteConfigs.find(store.current(), "chat").orElseThrow().targets())
                .allMatch(TargetConfig::enabled);

        editor.targets().get(0).enabledProperty().set(true);
        editor.targets().get(0).weightProperty().set(0);
        assertThat(editor.problems().targetsProperty().get())
                .isEqualTo("Every enabled target has weight 0: give one a weight above 0.");

        editor.lists().removeTarget(1);
        editor.lists().removeTarget(0);
        assertThat(editor.problems().targetsProperty().get()).startsWith("Add at least one target");
    }

    @Test
    void nameProblemsAreShownAtTheName() {
        editor.open("chat");

        editor.nameProperty().set("code");
        assertThat(editor.problems().nameProperty().get())
                .isEqualTo("Another route is named 'code'.");

        editor.nameProperty().set("  ");
        assertThat(editor.problems().nameProperty().get()).startsWith("Give the route a name");

        editor.nameProperty().set("chat");
        assertThat(editor.problems().nameProperty().get()).isNull();
    }

    @Test
    void aProblemOnlyTheStoreFindsLandsAtItsField() {
        editor.open("chat");

        editor.nameProperty().set("bad[name]");

        assertThat(editor.save()).isFalse();
        assertThat(editor.problems().nameProperty().get())
                .startsWith("The name '[' is not supported");
        // The next edit checks again, and the store's message goes.
        editor.nameProperty().set("good-name");
        assertThat(editor.problems().nameProperty().get()).isNull();
    }

    @Test
    void timeoutOutsideItsRangeIsAProblem() {
        editor.open("chat");

        editor.timeoutSecondsProperty().set(0);

        assertThat(editor.problems().timeoutProperty().get()).isEqualTo("Use 1 to 3600 seconds.");
    }

    @Test
    void savingStoresTheDraftAndRenamesKeepAccessKeysWorking() {
        editor.open("chat");
        editor.nameProperty().set("chat-v2");
        editor.lists().addFallback(HAIKU, 1);

        assertThat(editor.save()).isTrue();

        SignalboxConfig stored = store.current();
        RouteConfig route = RouteConfigs.find(stored, "chat-v2").orElseThrow();
        assertThat(route.fallbacks())
                .containsExactly(
                        new FallbackConfig("ollama", LLAMA.model()),
                        new FallbackConfig("openrouter", HAIKU.model()));
        assertThat(RouteConfigs.names(stored)).containsExactly("chat-v2", "code");
        assertThat(stored.accessKeys().get(0).routes()).containsExactly("chat-v2");
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.storedName()).isEqualTo("chat-v2");
    }

    @Test
    void cancelDiscardsEveryChange() {
        editor.open("chat");
        editor.targets().get(0).weightProperty().set(900);
        editor.lists().targetToFallback(1, 0);
        editor.nameProperty().set("other");

        editor.cancel();

        assertThat(editor.nameProperty().get()).isEqualTo("chat");
        assertThat(targetModels()).containsExactly(QWEN, MINI);
        assertThat(editor.targets().get(0).weightProperty().get()).isEqualTo(100);
        assertThat(fallbackModels()).containsExactly(LLAMA);
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void aNewRouteGetsAFreeNameAndIsStoredOnSave() {
        editor.openNew();
        assertThat(editor.nameProperty().get()).isEqualTo("new-route");
        assertThat(editor.newRouteProperty().get()).isTrue();
        assertThat(editor.problems().targetsProperty().get()).startsWith("Add at least one target");

        editor.lists().addTarget(HAIKU, 0);
        assertThat(editor.save()).isTrue();

        assertThat(RouteConfigs.names(store.current()))
                .containsExactly("chat", "code", "new-route");
    }

    @Test
    void thePaletteListsEveryProvidersModelsAndFilters() {
        editor.open("chat");
        assertThat(editor.visiblePalette())
                .extracting(ProviderModels::provider)
                .containsExactly("ollama", "openrouter");

        editor.paletteFilterProperty().set("3.1:8");
        assertThat(editor.visiblePalette()).hasSize(1);
        assertThat(editor.visiblePalette().get(0).models()).containsExactly(LLAMA.model());

        editor.paletteFilterProperty().set("router");
        assertThat(editor.visiblePalette().get(0).models())
                .containsExactly(MINI.model(), HAIKU.model());
        assertThat(editor.lists().roleOf(MINI)).isEqualTo("target");
        assertThat(editor.lists().roleOf(LLAMA)).isEqualTo("fallback");
        assertThat(editor.lists().roleOf(HAIKU)).isNull();
    }
}
