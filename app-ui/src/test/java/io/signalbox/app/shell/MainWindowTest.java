package io.signalbox.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.launch.CommandLine;
import io.signalbox.app.runtime.SignalboxRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
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
        runtime =
                SignalboxRuntime.start(
                        new CommandLine(
                                false,
                                false,
                                false,
                                Optional.of(temp.resolve("data-" + System.nanoTime())),
                                OptionalInt.of(0),
                                Optional.empty(),
                                Optional.empty()),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
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
        robot.clickOn("#nav-providers");

        assertThat(robot.lookup("#section-providers").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-providers").queryAs(ToggleButton.class).isSelected())
                .isTrue();
        assertThat(robot.lookup("#nav-routes").queryAs(ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void keyboardShortcutsReachEverySection(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);

        assertThat(robot.lookup("#section-settings").tryQuery()).isPresent();
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
