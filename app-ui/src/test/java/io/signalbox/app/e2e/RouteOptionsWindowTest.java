package io.signalbox.app.e2e;

import static io.signalbox.app.e2e.RouteEditorRows.open;
import static io.signalbox.app.e2e.RouteEditorRows.shares;
import static io.signalbox.app.e2e.RouteEditorRows.storedRoute;
import static io.signalbox.app.e2e.RouteEditorRows.targetRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.SignalboxApp;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.config.RouteSelection;
import io.signalbox.persistence.config.TargetMatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9's route options in the real app: condition chips, selection and retries saved from the
 * editor and obeyed by the running proxy over real HTTP, and the route status badge on the list
 * following the proxy's health.
 */
@ExtendWith(ApplicationExtension.class)
class RouteOptionsWindowTest {

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
                    { "name": "local", "baseUrl": "%1$s", "models": ["model-a", "model-b"] },
                    { "name": "busy", "baseUrl": "%2$s", "models": ["model-r"] } ],
                  "routes": [
                    { "name": "chat", "targets": [ { "provider": "local", "model": "model-a", "weight": 100 },
                                                   { "provider": "local", "model": "model-b", "weight": 200 } ] },
                    { "name": "mixed", "targets": [ { "provider": "busy", "model": "model-r" } ],
                      "fallbacks": [ { "provider": "local", "model": "model-a" } ] } ] }
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

    private static List<String> chips(FxRobot robot, String model) {
        return robot
                .from(targetRow(robot, model))
                .lookup(".condition-chip-text")
                .queryAllAs(Button.class)
                .stream()
                .map(Button::getText)
                .toList();
    }

    private static void replaceText(FxRobot robot, TextField field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        robot.write(text);
    }

    private static void save(FxRobot robot) {
        robot.clickOn("#save-route");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#route-list").tryQuery()).isPresent();
    }

    @Test
    void aHeaderConditionChipSendsMatchingCallsToItsTarget(FxRobot robot) throws Exception {
        open(robot, "chat");
        Node row = targetRow(robot, "model-b");
        robot.clickOn(robot.from(row).lookup(".add-condition").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        Reveal.node(robot, row);
        TextField name = robot.from(row).lookup(".condition-name").queryAs(TextField.class);
        TextField value = robot.from(row).lookup(".condition-value").queryAs(TextField.class);

        // A header name with a space is refused where it was typed, and nothing changes.
        replaceText(robot, name, "user type");
        replaceText(robot, value, "premium");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.from(row).lookup(".condition-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("'user type' is not a valid header name");
        assertThat(chips(robot, "model-b")).isEmpty();

        replaceText(robot, name, "user-type");
        Button submit = robot.from(row).lookup(".condition-submit").queryAs(Button.class);
        Reveal.node(robot, submit);
        robot.clickOn(submit);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chips(robot, "model-b")).containsExactly("user-type = premium");
        assertThat(chips(robot, "model-a")).isEmpty();
        assertThat(robot.from(row).lookup(".condition-form").query().isVisible()).isFalse();
        save(robot);

        assertThat(storedRoute(runtime, "chat").targets().get(1).match())
                .isEqualTo(
                        new TargetMatch(
                                Map.of("user-type", "premium"), Map.of(), Optional.empty()));
        for (int i = 0; i < 4; i++) {
            assertThat(chat("chat", "premium").headers().firstValue("x-signalbox-model"))
                    .hasValue("model-b");
            assertThat(chat("chat", null).headers().firstValue("x-signalbox-model"))
                    .as("a call without the header goes to the target without conditions")
                    .hasValue("model-a");
        }
    }

    @Test
    void aChipIsRemovedWithItsCloseButtonAndFromTheKeyboard(FxRobot robot) {
        open(robot, "chat");
        Node row = targetRow(robot, "model-a");
        for (String header : List.of("x-team", "x-tier")) {
            robot.clickOn(robot.from(row).lookup(".add-condition").queryAs(Button.class));
            replaceText(
                    robot,
                    robot.from(row).lookup(".condition-name").queryAs(TextField.class),
                    header);
            replaceText(
                    robot,
                    robot.from(row).lookup(".condition-value").queryAs(TextField.class),
                    "1");
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(chips(robot, "model-a")).containsExactly("x-team = 1", "x-tier = 1");

        robot.clickOn(robot.from(row).lookup(".condition-chip-remove").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chips(robot, "model-a")).containsExactly("x-tier = 1");

        // Delete on a focused chip removes that condition, not the target.
        Button chip = robot.from(row).lookup(".condition-chip-text").queryAs(Button.class);
        robot.interact(chip::requestFocus);
        assertThat(chip.isFocused()).isTrue();
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chips(robot, "model-a")).isEmpty();
        assertThat(robot.lookup("#target-list .target-row").queryAll()).hasSize(2);
    }

    @Test
    void roundRobinShowsTurnsInsteadOfPercentagesAndTheProxyRotates(FxRobot robot)
            throws Exception {
        open(robot, "chat");
        assertThat(shares(robot)).containsExactly("33.3%", "66.7%");

        robot.clickOn("#selection-round-robin");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shares(robot)).containsExactly("1 in 2", "1 in 2");
        assertThat(robot.lookup("#split-explanation").queryAs(Label.class).getText())
                .startsWith("Round robin: calls take turns");
        save(robot);
        assertThat(storedRoute(runtime, "chat").selection()).isEqualTo(RouteSelection.ROUND_ROBIN);

        List<String> models = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            models.add(chat("chat", null).headers().firstValue("x-signalbox-model").orElseThrow());
        }
        assertThat(models.get(0)).isNotEqualTo(models.get(1));
        assertThat(models.subList(2, 4)).isEqualTo(models.subList(0, 2));
    }

    @Test
    void retriesTypedInTheEditorAreCheckedAndSaved(FxRobot robot) {
        open(robot, "chat");
        Spinner<?> retries = robot.lookup("#route-retries").queryAs(Spinner.class);
        assertThat(retries.getEditor().getText()).isEqualTo("every target");

        replaceText(robot, retries.getEditor(), "50");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#problem-retries").queryAs(Label.class).getText())
                .startsWith("Retries: use 0 to 20");
        assertThat(robot.lookup("#save-route").queryAs(Button.class).isDisabled()).isTrue();

        replaceText(robot, retries.getEditor(), "1");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#problem-retries").queryAs(Label.class).isVisible()).isFalse();
        save(robot);

        assertThat(storedRoute(runtime, "chat").retries()).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void aRouteGoesDegradedOnTheListWhenItsTargetCools(FxRobot robot) throws Exception {
        assertThat(badge(robot, "mixed")).isEqualTo("Active · 1/1");

        // The only target answers 429 with Retry-After: it cools, the fallback answers.
        assertThat(chat("mixed", null).statusCode()).isEqualTo(200);

        // The list reads the proxy every 2 s; poll with a deadline.
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> badge(robot, "mixed").equals("Degraded · 0/1"));
        assertThat(badge(robot, "chat")).isEqualTo("Active · 2/2");
    }

    private static String badge(FxRobot robot, String route) {
        return robot.lookup("#route-" + route + " .route-status").queryAs(Label.class).getText();
    }

    private HttpResponse<String> chat(String route, String userType) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(runtime.proxy().baseUrl() + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\""
                                                + route
                                                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        if (userType != null) {
            request.header("user-type", userType);
        }
        return HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .get(20, TimeUnit.SECONDS);
    }
}
