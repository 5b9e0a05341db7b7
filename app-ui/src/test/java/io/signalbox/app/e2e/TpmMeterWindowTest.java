package io.signalbox.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.SignalboxApp;
import io.signalbox.app.ui.FxWait;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.config.RouteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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
 * The route editor's tokens-per-minute meter in the real app: it moves while the editor is open as
 * calls with reported usage go through the running proxy, and the limit typed into the row is saved
 * and enforced (ADR 0014).
 */
@ExtendWith(ApplicationExtension.class)
class TpmMeterWindowTest {

    /** What each plain call of the tiny upstream costs, as it reports. */
    private static final int TOKENS_PER_CALL =
            TinyUpstream.PROMPT_TOKENS + TinyUpstream.COMPLETION_TOKENS;

    @TempDir static Path temp;

    private TinyUpstream upstream;
    private SignalboxRuntime runtime;

    @Start
    void start(Stage stage) throws Exception {
        upstream = TinyUpstream.serving();
        Path config = temp.resolve("config-" + System.nanoTime() + ".json");
        Files.writeString(
                config,
                """
                { "version": 1,
                  "providers": [ { "name": "local", "baseUrl": "%s", "models": ["model-a"] } ],
                  "routes": [
                    { "name": "metered",
                      "targets": [ { "provider": "local", "model": "model-a", "tpmLimit": 1000 } ] } ] }
                """
                        .formatted(upstream.baseUrl()));
        runtime = RunningApp.runtime(temp, config);
        SignalboxApp.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        runtime.close();
        upstream.close();
    }

    private static String meterText(FxRobot robot) {
        return robot.lookup("#target-list .tpm-meter-text").queryAs(Label.class).getText();
    }

    @Test
    void theMeterMovesAfterCallsAndTheTypedLimitIsSaved(FxRobot robot) throws Exception {
        robot.doubleClickOn("#route-metered");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(meterText(robot)).isEqualTo("0 / 1,000 tokens this minute");
        ProgressBar bar = robot.lookup("#target-list .tpm-meter").queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isZero();

        String baseUrl = runtime.proxy().baseUrl();
        assertThat(ProxyCalls.chat(baseUrl, "metered", false)).isEqualTo(200);
        assertThat(ProxyCalls.chat(baseUrl, "metered", false)).isEqualTo(200);

        String used = String.valueOf(2 * TOKENS_PER_CALL);
        FxWait.until(() -> meterText(robot).equals(used + " / 1,000 tokens this minute"));
        assertThat(FxWait.onFx(bar::getProgress)).isEqualTo(2.0 * TOKENS_PER_CALL / 1000);

        TextField field = robot.lookup("#target-list .tpm-limit-field").queryAs(TextField.class);
        robot.doubleClickOn(field).eraseText(field.getText().length()).write("30");
        robot.type(KeyCode.TAB);
        robot.clickOn("#save-route");
        WaitForAsyncUtils.waitForFxEvents();

        RouteConfig stored = runtime.config().current().routes().get(0);
        assertThat(stored.targets().get(0).tpmLimit()).isEqualTo(OptionalLong.of(30));
        assertThat(
                        runtime.proxy()
                                .tpmLimits()
                                .limitOf(
                                        new io.signalbox.proxy.routing.TargetKey(
                                                "local", "model-a")))
                .hasValue(30);
        assertThat(ProxyCalls.chat(baseUrl, "metered", false))
                .as("36 tokens this minute are over the new limit of 30")
                .isEqualTo(429);
    }
}
