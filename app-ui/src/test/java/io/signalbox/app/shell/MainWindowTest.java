package io.signalbox.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.providers.FakeProviderServer;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.ui.FxWait;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
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

/** The first shell of the desktop window, driven through TestFX with a real running proxy. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir static Path temp;

    private SignalboxRuntime runtime;

    @Start
    void start(Stage stage) throws Exception {
        runtime = RunningApp.runtime(temp);
        SignalboxApp.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void titleNavigationAndProxyStatusAreShown(FxRobot robot) {
        assertThat(robot.listWindows())
                .anySatisfy(w -> assertThat(((Stage) w).getTitle()).isEqualTo("Signalbox"));
        for (String section :
                new String[] {"routes", "providers", "access", "usage", "requests", "settings"}) {
            assertThat(robot.lookup("#nav-" + section).queryAs(ToggleButton.class)).isNotNull();
        }
        assertThat(robot.lookup("#proxy-status").queryAs(Label.class).getText())
                .isEqualTo("Proxy running");
        assertThat(robot.lookup("#base-url").queryAs(Label.class).getText())
                .isEqualTo("http://127.0.0.1:" + runtime.proxy().port() + "/v1");
    }

    @Test
    void clickingANavigationButtonShowsItsSection(FxRobot robot) {
        robot.clickOn("#nav-access");

        assertThat(robot.lookup("#access-screen").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-access").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-routes").queryAs(ToggleButton.class).isSelected()).isFalse();

        robot.clickOn("#nav-providers");
        assertThat(robot.lookup("#providers-screen").tryQuery()).isPresent();
    }

    @Test
    void theThemeSwitchChangesTheLookAndIsRemembered(FxRobot robot) throws Exception {
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");

        robot.clickOn("#theme-switch");

        FxWait.until(() -> Application.getUserAgentStylesheet().contains("primer-dark"));
        assertThat(runtime.database().settingsRepository().get(Theme.SETTING)).contains("dark");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D)
                .release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(() -> Application.getUserAgentStylesheet().contains("primer-light"));
        assertThat(runtime.database().settingsRepository().get(Theme.SETTING)).contains("light");
    }

    @Test
    void theStatusBarShowsTheRequestsTheProxyFinishesPerSecond(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#request-rate").queryAs(Label.class).getText())
                .isEqualTo("0 req/s");
        try (FakeProviderServer upstream = new FakeProviderServer(List.of("m"))) {
            runtime.config()
                    .replace(
                            new SignalboxConfig(
                                    List.of(
                                            new ProviderConfig(
                                                    "fake",
                                                    ProviderConfig.TYPE_OPENAI,
                                                    upstream.baseUrl(),
                                                    Optional.empty(),
                                                    Map.of(),
                                                    List.of("m"),
                                                    true)),
                                    List.of(
                                            new RouteConfig(
                                                    "chat",
                                                    true,
                                                    List.of(
                                                            new TargetConfig(
                                                                    "fake", "m", 100, true)),
                                                    List.of(),
                                                    60)),
                                    List.of()));
            sendChatRequests(5);
        }

        FxWait.until(
                () ->
                        !robot.lookup("#request-rate")
                                .queryAs(Label.class)
                                .getText()
                                .equals("0 req/s"));
        assertThat(robot.lookup("#request-rate").queryAs(Label.class).getText())
                .matches("\\d+(\\.\\d)? req/s");
    }

    private void sendChatRequests(int count) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest chat =
                HttpRequest.newBuilder(URI.create(runtime.proxy().baseUrl() + "/chat/completions"))
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"chat\",\"messages\":[]}"))
                        .header("Content-Type", "application/json")
                        .build();
        long before = runtime.completedRequests();
        for (int i = 0; i < count; i++) {
            assertThat(client.send(chat, HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(200);
        }
        FxWait.until(() -> runtime.completedRequests() >= before + count);
    }

    @Test
    void keyboardShortcutsReachEverySection(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);

        assertThat(robot.lookup("#settings-screen").tryQuery()).isPresent();
    }

    @Test
    void theCopyButtonPutsTheBaseUrlOnTheClipboard(FxRobot robot) {
        robot.clickOn("#copy-base-url");
        WaitForAsyncUtils.waitForFxEvents();

        String copied =
                WaitForAsyncUtils.waitFor(
                        WaitForAsyncUtils.asyncFx(
                                () -> Clipboard.getSystemClipboard().getString()));
        assertThat(copied).isEqualTo(runtime.proxy().baseUrl());
    }
}
