package io.signalbox.app.e2e;

import static io.signalbox.app.e2e.RouteEditorRows.open;
import static io.signalbox.app.e2e.RouteEditorRows.storedRoute;
import static io.signalbox.app.e2e.RouteEditorRows.targetRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.SignalboxApp;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.CanaryDecisionRecord;
import io.signalbox.persistence.config.CanaryConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
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
 * Canaries in the route editor of the real app, on a running proxy and store: marking a target as
 * canary with its share, the badge turning to "Demoted" when the proxy demotes it, and Promote and
 * Roll back behind their confirmation.
 */
@ExtendWith(ApplicationExtension.class)
class CanaryEditorWindowTest {

    @TempDir static Path temp;

    private TinyUpstream upstream;
    private TinyUpstream limited;
    private SignalboxRuntime runtime;
    private final HttpClient http = HttpClient.newHttpClient();

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
                    { "name": "plain", "targets": [ { "provider": "local", "model": "model-a" },
                                                    { "provider": "local", "model": "model-b" } ] },
                    { "name": "trial", "targets": [
                        { "provider": "local", "model": "model-a" },
                        { "provider": "busy", "model": "model-r",
                          "canary": { "share": 50, "minRequests": 4 } } ] } ] }
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

    private static String badge(FxRobot robot, String model) {
        Label badge =
                robot.from(targetRow(robot, model)).lookup(".canary-badge").queryAs(Label.class);
        return badge.isVisible() ? badge.getText() : "";
    }

    private static void clickIn(FxRobot robot, String model, String styleClass) {
        Node node =
                robot.from(targetRow(robot, model)).lookup("." + styleClass).queryAs(Node.class);
        Reveal.node(robot, node);
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int chat(String route) throws Exception {
        return http.sendAsync(
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
                .get(20, TimeUnit.SECONDS)
                .statusCode();
    }

    @Test
    void aTargetMarkedAsCanaryIsSavedWithItsShareAndCanBePromoted(FxRobot robot) throws Exception {
        open(robot, "plain");
        assertThat(badge(robot, "model-b")).isEmpty();

        clickIn(robot, "model-b", "canary-toggle");
        Spinner<?> share =
                robot.from(targetRow(robot, "model-b"))
                        .lookup(".canary-share")
                        .queryAs(Spinner.class);
        robot.doubleClickOn(share.getEditor())
                .press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL);
        robot.write("20").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge(robot, "model-b")).isEqualTo("Canary 20%");

        // Marking the other target moves the mark: a route has one canary.
        clickIn(robot, "model-a", "canary-toggle");
        assertThat(
                        robot.from(targetRow(robot, "model-b"))
                                .lookup(".canary-toggle")
                                .queryAs(CheckBox.class)
                                .isSelected())
                .isFalse();
        clickIn(robot, "model-b", "canary-toggle");
        robot.clickOn("#save-route");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(storedRoute(runtime, "plain").targets())
                .containsExactly(
                        new TargetConfig("local", "model-a", 100, true),
                        new TargetConfig("local", "model-b", 100, true)
                                .withCanary(Optional.of(CanaryConfig.withShare(20))));

        open(robot, "plain");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () ->
                        robot.from(targetRow(robot, "model-b"))
                                .lookup(".canary-promote")
                                .queryAs(Node.class)
                                .isVisible());
        clickIn(robot, "model-b", "canary-promote");
        clickIn(robot, "model-b", "canary-cancel");
        assertThat(storedRoute(runtime, "plain").targets()).hasSize(2);

        clickIn(robot, "model-b", "canary-promote");
        clickIn(robot, "model-b", "canary-confirm");

        assertThat(storedRoute(runtime, "plain").targets())
                .containsExactly(new TargetConfig("local", "model-b", 100, true));
        assertThat(runtime.database().canaryDecisions().newest(5))
                .extracting(CanaryDecisionRecord::action)
                .containsExactly("promoted");
    }

    @Test
    void theBadgeSaysWhenTheProxyDemotedTheCanaryAndRollBackRemovesIt(FxRobot robot)
            throws Exception {
        open(robot, "trial");
        assertThat(badge(robot, "model-r")).isEqualTo("Canary 50%");

        // The canary always answers 429; each call tries it with probability 1/2, and four of its
        // attempts (or picks while it cools down) demote it.
        for (int calls = 0;
                calls < 400 && runtime.canaries().statuses().stream().noneMatch(s -> s.demoted());
                calls++) {
            assertThat(chat("trial")).isEqualTo(200);
        }
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> badge(robot, "model-r").equals("Demoted: 0% of 4 in 5 min"));

        clickIn(robot, "model-r", "canary-rollback");
        clickIn(robot, "model-r", "canary-confirm");

        assertThat(storedRoute(runtime, "trial").targets())
                .containsExactly(new TargetConfig("local", "model-a", 100, true));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> runtime.database().canaryDecisions().newest(5).size() == 2);
        assertThat(runtime.database().canaryDecisions().newest(5))
                .extracting(CanaryDecisionRecord::action)
                .containsExactly("rolled_back", "demoted");
        assertThat(List.of(chat("trial"), chat("trial"))).containsOnly(200);
    }
}
