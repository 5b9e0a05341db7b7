package io.signalbox.app.e2e;

import static io.signalbox.app.e2e.RouteEditorRows.open;
import static io.signalbox.app.e2e.RouteEditorRows.shares;
import static io.signalbox.app.e2e.RouteEditorRows.storedRoute;
import static io.signalbox.app.e2e.RouteEditorRows.targetRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.SignalboxApp;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The route editor in the real app on a running proxy and store, driven with the mouse and keys
 * (JavaFX's own drag and drop works under Monocle), checked in the store and through a real call.
 */
@ExtendWith(ApplicationExtension.class)
class RouteEditorWindowTest {

    @TempDir static Path temp;

    private TinyUpstream upstream;
    private TinyUpstream limited;
    private SignalboxRuntime runtime;

    @Start
    void start(Stage stage) throws Exception {
        upstream = TinyUpstream.serving();
        limited = TinyUpstream.rateLimited();
        Path config = temp.resolve("config-" + System.nanoTime() + ".json");
        Files.writeString(
                config,
                """
                { "version": 1,
                  "providers": [
                    { "name": "local", "baseUrl": "%1$s", "models": ["model-a", "model-b", "model-c"] },
                    { "name": "spare", "baseUrl": "%1$s", "models": ["model-x"] },
                    { "name": "busy", "baseUrl": "%2$s", "models": ["model-r"] } ],
                  "routes": [
                    { "name": "chat", "targets": [ { "provider": "local", "model": "model-a", "weight": 100 },
                                                   { "provider": "local", "model": "model-b", "weight": 200 } ] },
                    { "name": "solo", "targets": [ { "provider": "local", "model": "model-a" } ] },
                    { "name": "busy", "targets": [ { "provider": "busy", "model": "model-r" } ] } ] }
                """
                        .formatted(upstream.baseUrl(), limited.baseUrl()));
        runtime = RunningApp.runtime(temp, config);
        SignalboxApp.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        runtime.close();
        upstream.close();
        limited.close();
    }

    private static Node paletteModel(FxRobot robot, String model) {
        return robot.lookup(".palette-tree .tree-cell")
                .match((TreeCell<?> cell) -> model.equals(cell.getText()))
                .query();
    }

    private static List<String> targetModels(FxRobot robot) {
        return robot.lookup("#target-list .target-row .model-name").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
    }

    private static List<Double> barWidths(FxRobot robot) {
        return robot.lookup("#editor-split-bar .split-segment").queryAllAs(Region.class).stream()
                .map(Region::getWidth)
                .toList();
    }

    /** The bottom edge of a list: a drop there lands after the last row. */
    private static void dropAtEnd(FxRobot robot, String list) {
        Reveal.node(robot, robot.lookup(list).queryAs(Node.class));
        robot.moveTo(
                        robot.lookup(list).queryAs(Node.class),
                        Pos.BOTTOM_CENTER,
                        new Point2D(0, -4),
                        Motion.DIRECT)
                .drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aModelDraggedFromThePaletteIsSavedAndTheProxyRoutesToIt(FxRobot robot) throws Exception {
        open(robot, "solo");

        robot.drag(paletteModel(robot, "model-c"));
        dropAtEnd(robot, "#target-list");
        assertThat(targetModels(robot)).containsExactly("model-a", "model-c");
        assertThat(robot.lookup("#unsaved-changes").query().isVisible()).isTrue();

        // Dragged out of the lists (onto the palette), model-a goes.
        robot.drag(robot.from(targetRow(robot, "model-a")).lookup(".row-grip").queryAs(Node.class))
                .dropTo("#model-palette");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(targetModels(robot)).containsExactly("model-c");

        robot.clickOn("#save-route");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(storedRoute(runtime, "solo").targets())
                .containsExactly(new TargetConfig("local", "model-c", 100, true));
        assertThat(robot.lookup("#route-list").tryQuery()).isPresent();
        HttpResponse<String> answer = chat("solo");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("x-signalbox-model")).hasValue("model-c");
        assertThat(upstream.received.get(upstream.received.size() - 1).path("model").asText())
                .isEqualTo("model-c");
    }

    @Test
    void aTargetDraggedOntoTheFallbacksBecomesAFallback(FxRobot robot) {
        open(robot, "chat");

        robot.drag(robot.from(targetRow(robot, "model-b")).lookup(".row-grip").queryAs(Node.class));
        dropAtEnd(robot, "#fallback-list");

        assertThat(targetModels(robot)).containsExactly("model-a");
        assertThat(robot.lookup("#fallback-list .fallback-row .model-name").queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly("model-b");
        assertThat(shares(robot)).containsExactly("100%");

        robot.clickOn("#save-route");
        WaitForAsyncUtils.waitForFxEvents();

        RouteConfig chat = storedRoute(runtime, "chat");
        assertThat(chat.targets()).containsExactly(new TargetConfig("local", "model-a", 100, true));
        assertThat(chat.fallbacks()).containsExactly(new FallbackConfig("local", "model-b"));
    }

    @Test
    void weightsChangeSharesAndBarBeforeSaveAndCancelDiscardsThem(FxRobot robot) {
        open(robot, "chat");
        assertThat(shares(robot)).containsExactly("33.3%", "66.7%");
        List<Double> before = barWidths(robot);
        assertThat(before.get(1) / before.get(0))
                .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));

        Spinner<?> spinner =
                robot.from(targetRow(robot, "model-a"))
                        .lookup(".weight-spinner")
                        .queryAs(Spinner.class);
        robot.doubleClickOn(spinner.getEditor())
                .press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL);
        robot.write("300").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shares(robot)).containsExactly("60%", "40%");
        List<Double> after = barWidths(robot);
        assertThat(after.get(0) / after.get(1))
                .isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.05));

        Slider slider =
                robot.from(targetRow(robot, "model-b"))
                        .lookup(".weight-slider")
                        .queryAs(Slider.class);
        robot.drag(slider.lookup(".thumb")).moveBy(60, 0, Motion.DIRECT).drop();
        WaitForAsyncUtils.waitForFxEvents();
        int weightB = (int) Math.round(slider.getValue());
        assertThat(weightB).isGreaterThan(200);
        String expectedB = io.signalbox.app.routes.SplitShares.percent(weightB / (300.0 + weightB));
        assertThat(shares(robot)).element(1).isEqualTo(expectedB);

        // Nothing is stored before Save.
        assertThat(storedRoute(runtime, "chat").targets())
                .extracting(TargetConfig::weight)
                .containsExactly(100, 200);

        robot.clickOn("#cancel-route");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(storedRoute(runtime, "chat").targets())
                .extracting(TargetConfig::weight)
                .containsExactly(100, 200);
        open(robot, "chat");
        assertThat(shares(robot)).containsExactly("33.3%", "66.7%");
    }

    @Test
    void aRouteWithoutAnEnabledTargetShowsWhyAndCannotBeSaved(FxRobot robot) {
        open(robot, "chat");

        for (CheckBox enabled :
                robot.lookup("#target-list .target-enabled").queryAllAs(CheckBox.class)) {
            robot.clickOn(enabled);
        }
        WaitForAsyncUtils.waitForFxEvents();

        Label problem = robot.lookup("#problem-targets").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText())
                .isEqualTo("No enabled target: switch at least one target on.");
        assertThat(shares(robot)).containsExactly("0%", "0%");
        assertThat(robot.lookup("#save-route").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void aModelDroppedOnATargetRePointsItAndTheRouteKeepsItsName(FxRobot robot) throws Exception {
        open(robot, "solo");

        robot.drag(paletteModel(robot, "model-x")).dropTo(targetRow(robot, "model-a"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(targetModels(robot)).containsExactly("model-x");

        robot.clickOn("#save-route");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(storedRoute(runtime, "solo").targets())
                .containsExactly(new TargetConfig("spare", "model-x", 100, true));
        assertThat(chat("solo").headers().firstValue("x-signalbox-provider")).hasValue("spare");
    }

    @Test
    void theEditorWorksFromTheKeyboard(FxRobot robot) {
        robot.clickOn("#route-chat").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#route-editor").tryQuery()).isPresent();

        robot.clickOn(paletteModel(robot, "model-c")).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(targetModels(robot)).containsExactly("model-a", "model-b", "model-c");

        Node grip = robot.from(targetRow(robot, "model-c")).lookup(".row-grip").queryAs(Node.class);
        Reveal.node(robot, grip);
        robot.clickOn(grip);
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(targetModels(robot)).containsExactly("model-a", "model-c", "model-b");
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(targetModels(robot)).containsExactly("model-a", "model-b");

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#route-editor").tryQuery()).isEmpty();
    }

    @Test
    void theListDuplicatesAndDeletesWithUndo(FxRobot robot) {
        robot.clickOn("#route-chat");
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runtime.config().current().routes())
                .extracting(RouteConfig::name)
                .containsExactly("chat", "chat-copy", "solo", "busy");

        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runtime.config().current().routes())
                .extracting(RouteConfig::name)
                .containsExactly("chat", "solo", "busy");
        assertThat(robot.lookup("#undo-bar").query().isVisible()).isTrue();

        robot.clickOn("#undo-delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runtime.config().current().routes())
                .extracting(RouteConfig::name)
                .containsExactly("chat", "chat-copy", "solo", "busy");
        assertThat(robot.lookup("#undo-bar").query().isVisible()).isFalse();
    }

    @Test
    void aRateLimitedTargetsDotTurnsToCoolingWithoutAClick(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#route-busy .health-healthy").tryQuery()).isPresent();

        assertThat(chat("busy").statusCode()).isEqualTo(429);

        // The screen reads the proxy's health book every 2 s; poll with a deadline.
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#route-busy .health-cooling").tryQuery().isPresent());
    }

    private HttpResponse<String> chat(String route) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.sendAsync(
                        HttpRequest.newBuilder(
                                        URI.create(runtime.proxy().baseUrl() + "/chat/completions"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"model\":\""
                                                        + route
                                                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .get(20, TimeUnit.SECONDS);
    }
}
