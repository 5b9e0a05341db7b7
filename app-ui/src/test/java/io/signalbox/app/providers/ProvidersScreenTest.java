package io.signalbox.app.providers;

import static io.signalbox.app.ui.FxWait.onFx;
import static io.signalbox.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.ui.FxWait;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The Providers screen in the real app (headless Monocle): a real runtime on a temp data dir, and
 * providers that are real HTTP servers on loopback port 0.
 */
@ExtendWith(ApplicationExtension.class)
class ProvidersScreenTest {

    private static final String KEY = "sk-or-canary-7f3a9c";

    @TempDir static Path temp;

    /** Stands in for an Ollama already running on this machine. */
    private static FakeProviderServer localOllama;

    private FakeProviderServer upstream;
    private SignalboxRuntime runtime;
    private Stage stage;

    @BeforeAll
    static void startLocalServer() throws Exception {
        localOllama = new FakeProviderServer(List.of("llama3.1:8b", "qwen2.5:7b"));
    }

    @AfterAll
    static void stopLocalServer() {
        localOllama.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        upstream = new FakeProviderServer(List.of("gpt-4o", "gpt-4o-mini", "o3-mini"));
        runtime = RunningApp.runtime(temp);
        RunningApp.show(
                stage,
                runtime,
                List.of(new LocalServer(ProviderPreset.OLLAMA, localOllama.baseUrl())));
    }

    @AfterEach
    void stop() {
        runtime.close();
        upstream.close();
    }

    /** Stores providers before the screen is first opened (it is built on the first visit). */
    private void given(List<ProviderConfig> providers, List<RouteConfig> routes) throws Exception {
        runtime.config().replace(new SignalboxConfig(providers, routes, List.of()));
    }

    private ProviderConfig atUpstream(String name, Optional<String> key, String... models) {
        return new ProviderConfig(
                name,
                ProviderConfig.TYPE_OPENAI,
                upstream.baseUrl(),
                key,
                Map.of(),
                List.of(models),
                true);
    }

    private ProviderConfig stored(String name) {
        return ProviderChanges.find(runtime.config().current(), name).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private ListView<ModelRow> modelList(FxRobot robot) {
        return robot.lookup("#model-list").queryAs(ListView.class);
    }

    private Node modelCell(FxRobot robot, String id) {
        return robot.lookup("#model-list .list-cell")
                .match(
                        (ListCell<?> cell) ->
                                cell.getItem() instanceof ModelRow row && row.id().equals(id))
                .query();
    }

    private void discover(FxRobot robot, int expectedModels) throws Exception {
        robot.clickOn("#discover");
        until(() -> modelList(robot).getItems().size() == expectedModels);
    }

    @Test
    void aProviderAddedFromAPresetIsStoredAndItsKeyIsShownOnlyWhenRevealed(FxRobot robot)
            throws Exception {
        robot.clickOn("#nav-providers");
        until(() -> robot.lookup("#first-run").tryQuery().isPresent());

        robot.clickOn("#first-run-add");
        robot.clickOn("#preset");
        robot.clickOn(LabeledMatchers.hasText("OpenRouter"));
        assertThat(robot.lookup("#provider-base-url").queryAs(TextField.class).getText())
                .isEqualTo("https://openrouter.ai/api/v1");
        assertThat(robot.lookup("#provider-name-field").queryAs(TextField.class).getText())
                .isEqualTo("openrouter");
        robot.clickOn("#api-key").write(KEY);

        assertThat(onFx(() -> FxWait.visibleTexts(stage.getScene().getRoot())))
                .noneMatch(text -> text.contains(KEY));

        robot.clickOn("#save-provider");
        until(() -> runtime.config().current().providers().size() == 1);

        ProviderConfig saved = stored("openrouter");
        assertThat(saved.baseUrl()).isEqualTo("https://openrouter.ai/api/v1");
        assertThat(saved.apiKey()).contains(KEY);
        assertThat(onFx(() -> FxWait.visibleTexts(stage.getScene().getRoot())))
                .noneMatch(text -> text.contains(KEY));

        robot.clickOn("#reveal-key");
        assertThat(robot.lookup("#api-key-plain").queryAs(TextField.class).getText())
                .isEqualTo(KEY);
        assertThat(onFx(() -> FxWait.visibleTexts(stage.getScene().getRoot())))
                .anyMatch(text -> text.contains(KEY));
        robot.clickOn("#reveal-key");
        assertThat(robot.lookup("#api-key-plain").tryQuery()).isEmpty();
    }

    @Test
    void discoveryFillsTheChecklistAndTwoSelectedModelsAreStored(FxRobot robot) throws Exception {
        given(List.of(atUpstream("openai", Optional.empty())), List.of());
        robot.clickOn("#nav-providers");

        discover(robot, 3);
        assertThat(robot.lookup("#discovery-status").queryAs(Label.class).getText())
                .isEqualTo("3 models found");
        // One by its check box, one from the keyboard.
        robot.clickOn(
                robot.from(modelCell(robot, "gpt-4o-mini"))
                        .lookup(".check-box")
                        .queryAs(Node.class));
        robot.clickOn(modelCell(robot, "o3-mini")).type(KeyCode.SPACE);
        robot.clickOn("#save-provider");

        until(() -> stored("openai").models().equals(List.of("gpt-4o-mini", "o3-mini")));
        assertThat(robot.lookup("#unsaved").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aSlowDiscoveryShowsProgressAndCanBeCancelledFromTheKeyboard(FxRobot robot)
            throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        upstream.holdingModelListsUntil(gate);
        given(List.of(atUpstream("openai", Optional.empty(), "gpt-4o")), List.of());
        robot.clickOn("#nav-providers");

        try {
            robot.clickOn("#discover");
            until(() -> robot.lookup("#discovery-progress").queryAs(Node.class).isVisible());
            assertThat(robot.lookup("#cancel-discovery").queryAs(Node.class).isFocused()).isTrue();
            robot.type(KeyCode.SPACE);

            until(() -> !robot.lookup("#discovery-progress").queryAs(Node.class).isVisible());
            assertThat(robot.lookup("#discovery-status").queryAs(Label.class).getText())
                    .startsWith("Discovery cancelled");
            assertThat(robot.lookup("#discover").queryAs(Node.class).isFocused()).isTrue();
            assertThat(modelList(robot).getItems())
                    .extracting(ModelRow::id)
                    .containsExactly("gpt-4o");
        } finally {
            gate.countDown();
        }
    }

    @Test
    void aWrongKeyIsShownInPlaceInPlainWords(FxRobot robot) throws Exception {
        upstream.requiringKey("sk-right");
        given(List.of(atUpstream("openai", Optional.of("sk-wrong-canary"))), List.of());
        robot.clickOn("#nav-providers");

        robot.clickOn("#discover");
        until(() -> robot.lookup("#discovery-error").queryAs(Node.class).isVisible());

        assertThat(robot.lookup("#discovery-error .problem-title").queryAs(Label.class).getText())
                .isEqualTo("Wrong or missing API key");
        assertThat(robot.lookup("#discovery-error-text").queryAs(Label.class).getText())
                .isEqualTo(
                        "Provider 'openai' rejected the API key (HTTP 401): check the key in the"
                                + " provider settings");
        assertThat(modelList(robot).getItems()).isEmpty();
    }

    @Test
    void testShowsHowLongTheModelTookToAnswer(FxRobot robot) throws Exception {
        given(List.of(atUpstream("openai", Optional.empty(), "gpt-4o")), List.of());
        robot.clickOn("#nav-providers");

        robot.clickOn(modelCell(robot, "gpt-4o"));
        robot.clickOn("#test-model");

        until(
                () ->
                        robot.lookup("#action-result")
                                .queryAs(Label.class)
                                .getText()
                                .contains("answered"));
        assertThat(robot.lookup("#action-result").queryAs(Label.class).getText())
                .matches("gpt-4o answered in \\d+ ms");
        assertThat(upstream.chatRequests()).hasSize(1);
    }

    @Test
    void theFirstRunFindsARunningLocalServerAndAddsItWithOneClick(FxRobot robot) throws Exception {
        robot.clickOn("#nav-providers");
        until(() -> robot.lookup("#local-ollama").tryQuery().isPresent());

        robot.clickOn("#add-local-ollama");

        until(() -> !runtime.config().current().providers().isEmpty());
        assertThat(stored("ollama").baseUrl()).isEqualTo(localOllama.baseUrl());
        assertThat(stored("ollama").models()).containsExactly("llama3.1:8b", "qwen2.5:7b");
        until(() -> modelList(robot).getItems().size() == 2);
    }

    @Test
    void createRouteMakesARouteForTheModelAndOpensRoutes(FxRobot robot) throws Exception {
        given(List.of(atUpstream("openai", Optional.empty(), "gpt-4o")), List.of());
        robot.clickOn("#nav-providers");

        robot.clickOn(modelCell(robot, "gpt-4o"));
        robot.clickOn("#create-route");

        until(() -> robot.lookup("#nav-routes").queryAs(ToggleButton.class).isSelected());
        RouteConfig route = runtime.config().current().routes().get(0);
        assertThat(route.name()).isEqualTo("gpt-4o");
        assertThat(route.targets())
                .containsExactly(new TargetConfig("openai", "gpt-4o", 100, true));
        assertThat(runtime.proxy().routingTable().routes())
                .extracting(served -> served.name())
                .containsExactly("gpt-4o");
    }

    @Test
    void aConfigurationProblemIsShownNextToItsField(FxRobot robot) throws Exception {
        given(List.of(atUpstream("openai", Optional.empty())), List.of());
        robot.clickOn("#nav-providers");

        robot.clickOn("#provider-base-url")
                .press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL);
        robot.write("ftp://example.com/v1");
        robot.clickOn("#save-provider");

        until(() -> robot.lookup("#error-base-url").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#error-base-url").queryAs(Label.class).getText())
                .isEqualTo("Must start with http:// or https://");
        assertThat(stored("openai").baseUrl()).isEqualTo(upstream.baseUrl());
    }

    @Test
    void aProviderUsedByARouteIsNotRemovedAndTheRouteIsNamed(FxRobot robot) throws Exception {
        given(
                List.of(atUpstream("openai", Optional.empty(), "gpt-4o")),
                List.of(
                        new RouteConfig(
                                "chat",
                                true,
                                List.of(new TargetConfig("openai", "gpt-4o", 100, true)),
                                List.of(),
                                60)));
        robot.clickOn("#nav-providers");

        robot.clickOn(robot.lookup("#provider-list .list-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.DELETE);

        until(() -> robot.lookup("#removal-bar").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#removal-text").queryAs(Label.class).getText())
                .startsWith("'openai' is used by the route chat.");
        assertThat(robot.lookup("#confirm-remove").queryAs(Node.class).isVisible()).isFalse();
        robot.type(KeyCode.ESCAPE);
        until(() -> !robot.lookup("#removal-bar").queryAs(Node.class).isVisible());
        assertThat(runtime.config().current().providers()).hasSize(1);
    }
}
