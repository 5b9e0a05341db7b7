package io.signalbox.app.settings;

import static io.signalbox.app.ui.FxWait.onFx;
import static io.signalbox.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import io.signalbox.app.desktop.CloseAction;
import io.signalbox.app.desktop.LoginItem;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.Theme;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.SettingsRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Settings screen's desktop section on a real runtime: the start-at-login switch writes and
 * removes a real XDG autostart entry under a temp config home; keep-in-tray is stored.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopSettingsTest {

    @TempDir static Path temp;

    private SignalboxRuntime runtime;
    private Path configHome;
    private LoginItem loginItem;

    @Start
    void start(Stage stage) throws Exception {
        runtime = RunningApp.runtime(temp);
        configHome = temp.resolve("config-" + System.nanoTime());
        loginItem =
                LoginItem.forPlatform(
                        "Linux",
                        Map.of("XDG_CONFIG_HOME", configHome.toString()),
                        temp,
                        List.of("/opt/signalbox/bin/Signalbox", "--data-dir", "/tmp/sb"));
        SettingsView.Files none =
                new SettingsView.Files() {
                    @Override
                    public Optional<Path> exportTo(Window owner) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Path> importFrom(Window owner) {
                        return Optional.empty();
                    }
                };
        Scene scene =
                new Scene(
                        (javafx.scene.Parent)
                                SettingsScreen.create(
                                        runtime,
                                        new SimpleObjectProperty<>(Theme.LIGHT),
                                        () -> {},
                                        none,
                                        Optional.of(loginItem)),
                        1000,
                        780);
        scene.getStylesheets()
                .add(getClass().getResource("/io/signalbox/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        // The desktop section is the last one: scroll down to it, as a user would.
        ((ScrollPane) scene.getRoot()).setVvalue(1.0);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void theStartAtLoginSwitchWritesAndRemovesTheAutostartEntry(FxRobot robot) throws Exception {
        Path entry = configHome.resolve("autostart/signalbox.desktop");
        assertThat(entry).doesNotExist();
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .anySatisfy(l -> assertThat(l.getText()).isEqualTo("Written to " + entry));

        robot.clickOn("#settings-start-at-login");
        until(() -> Files.isRegularFile(entry));
        assertThat(Files.readString(entry)).contains("Exec=/opt/signalbox/bin/Signalbox");

        robot.clickOn("#settings-start-at-login");
        until(() -> !Files.exists(entry));
    }

    @Test
    void withoutATrayTheKeepInTraySwitchIsOffAndSaysWhy(FxRobot robot) throws Exception {
        // The tests run with java.awt.headless=true: no tray, as on GNOME without an extension.
        ToggleSwitch keep = robot.lookup("#settings-keep-in-tray").queryAs(ToggleSwitch.class);
        assertThat(onFx(keep::isDisabled)).isTrue();
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .anySatisfy(
                        l -> assertThat(l.getText()).isEqualTo(DesktopSettingsViewModel.NO_TRAY));
    }

    @Test
    void keepInTrayIsStoredAndAFailedLoginEntryIsShownAndUndone() throws Exception {
        SettingsRepository settings = runtime.database().settingsRepository();
        Path blocked = temp.resolve("blocked-" + System.nanoTime());
        Files.writeString(blocked, "a file where the config folder should be");
        LoginItem unwritable =
                LoginItem.forPlatform(
                        "Linux",
                        Map.of("XDG_CONFIG_HOME", blocked.toString()),
                        temp,
                        List.of("/x"));
        DesktopSettingsViewModel model =
                onFx(() -> new DesktopSettingsViewModel(settings, Optional.of(unwritable), true));

        onFx(
                () -> {
                    model.keepInTrayProperty().set(true);
                    model.startAtLoginProperty().set(true);
                    return null;
                });

        assertThat(settings.get(CloseAction.SETTING)).contains("true");
        assertThat(onFx(() -> model.startAtLoginProperty().get())).isFalse();
        assertThat(onFx(() -> model.loginErrorProperty().get()))
                .startsWith("Could not write " + blocked.resolve("autostart/signalbox.desktop"));
        DesktopSettingsViewModel reopened =
                onFx(() -> new DesktopSettingsViewModel(settings, Optional.empty(), true));
        assertThat(onFx(() -> reopened.keepInTrayProperty().get())).isTrue();
        assertThat(reopened.loginAvailable()).isFalse();
    }
}
