package io.signalbox.app.settings;

import static io.signalbox.app.ui.FxWait.onFx;
import static io.signalbox.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.ui.RunningApp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Settings screen in the real app (headless Monocle): a real runtime on a temp data dir whose
 * proxy is moved between real ports and called over HTTP.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {

    @TempDir static Path temp;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SignalboxRuntime runtime;

    @Start
    void start(Stage stage) throws Exception {
        runtime = RunningApp.runtime(temp);
        RunningApp.show(stage, runtime, List.of());
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private void openSettings(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        until(() -> !robot.lookup("#settings-port").queryAll().isEmpty());
    }

    private void applyPort(FxRobot robot, int port) throws Exception {
        TextField field = robot.lookup("#settings-port").queryAs(TextField.class);
        onFx(
                () -> {
                    field.setText(Integer.toString(port));
                    return null;
                });
        robot.clickOn("#settings-apply");
    }

    private String statusBarUrl(FxRobot robot) throws Exception {
        Label url = robot.lookup(".status-bar .base-url").queryAs(Label.class);
        return onFx(url::getText);
    }

    private int getModels(int port) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/models"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void movesTheProxyToANewPortAndTheStatusBarFollows(FxRobot robot) throws Exception {
        int oldPort = runtime.proxy().port();
        assertThat(getModels(oldPort)).isEqualTo(200);
        openSettings(robot);
        int newPort = freePort();

        applyPort(robot, newPort);

        String newUrl = "http://127.0.0.1:" + newPort + "/v1";
        until(() -> statusBarUrl(robot).equals(newUrl));
        until(
                () ->
                        robot.lookup("#settings-proxy-state")
                                .queryAs(Label.class)
                                .getText()
                                .equals("Running at " + newUrl));
        assertThat(runtime.proxy().baseUrl()).isEqualTo(newUrl);
        assertThat(getModels(newPort)).isEqualTo(200);
        assertThatThrownBy(() -> getModels(oldPort)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenPortKeepsTheOldProxyAndShowsWhy(FxRobot robot) throws Exception {
        int oldPort = runtime.proxy().port();
        String oldUrl = runtime.proxy().baseUrl();
        openSettings(robot);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            applyPort(robot, taken.getLocalPort());

            until(() -> robot.lookup("#address-error").queryAs(Label.class).isVisible());
            assertThat(robot.lookup("#address-error").queryAs(Label.class).getText())
                    .contains("in use");
        }
        assertThat(runtime.proxy().isRunning()).isTrue();
        assertThat(runtime.proxy().port()).isEqualTo(oldPort);
        assertThat(getModels(oldPort)).isEqualTo(200);
        assertThat(statusBarUrl(robot)).isEqualTo(oldUrl);
        assertThat(runtime.database().settingsRepository().get(SignalboxRuntime.PORT_SETTING))
                .isEmpty();
    }

    @Test
    void stopsAndStartsTheProxy(FxRobot robot) throws Exception {
        int port = runtime.proxy().port();
        openSettings(robot);
        robot.clickOn("#settings-stop");
        until(() -> !runtime.proxy().isRunning() && statusBarUrl(robot).isEmpty());
        assertThatThrownBy(() -> getModels(port)).isInstanceOf(ConnectException.class);
        robot.clickOn("#settings-start");
        until(() -> runtime.proxy().isRunning() && !statusBarUrl(robot).isEmpty());
        assertThat(getModels(port)).isEqualTo(200);
    }
}
