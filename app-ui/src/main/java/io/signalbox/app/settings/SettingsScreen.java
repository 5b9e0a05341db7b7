package io.signalbox.app.settings;

import io.signalbox.app.common.FxBackgroundWork;
import io.signalbox.app.desktop.LaunchCommand;
import io.signalbox.app.desktop.LoginItem;
import io.signalbox.app.desktop.TrayMenu;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.Theme;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Builds the Settings screen on the running runtime's services. */
public final class SettingsScreen {

    private SettingsScreen() {}

    /**
     * @param theme the window's theme, which the sidebar's switch also sets
     * @param proxyChanged reads the proxy's state into the status bar again
     */
    public static Node create(
            SignalboxRuntime runtime, ObjectProperty<Theme> theme, Runnable proxyChanged) {
        return create(
                runtime,
                theme,
                proxyChanged,
                new Choosers(),
                LoginItem.forThisPlatform(LaunchCommand.of(runtime.dataDir().root())));
    }

    /**
     * The same with export and import files and a start-at-login entry of the caller's choosing
     * (tests).
     */
    static Node create(
            SignalboxRuntime runtime,
            ObjectProperty<Theme> theme,
            Runnable proxyChanged,
            SettingsView.Files files,
            Optional<LoginItem> loginItem) {
        SettingsViewModel model =
                new SettingsViewModel(
                        runtime.proxyControl(),
                        runtime.database().settingsRepository(),
                        runtime.config(),
                        () -> runtime.database().accessKeyRepository().count(),
                        runtime.dataDir().root(),
                        new DesktopFolders(),
                        new FxBackgroundWork(),
                        proxyChanged,
                        theme);
        DesktopSettingsViewModel desktop =
                new DesktopSettingsViewModel(
                        runtime.database().settingsRepository(), loginItem, TrayMenu.isSupported());
        return new SettingsView(model, desktop, files).build();
    }

    /** Native file dialogs for a JSON file. */
    private static final class Choosers implements SettingsView.Files {

        @Override
        public Optional<Path> exportTo(Window owner) {
            FileChooser chooser = chooser("Export the configuration");
            chooser.setInitialFileName("signalbox-config.json");
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> importFrom(Window owner) {
            return Optional.ofNullable(chooser("Import a configuration").showOpenDialog(owner))
                    .map(File::toPath);
        }

        private static FileChooser chooser(String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter("Signalbox configuration", "*.json"));
            return chooser;
        }
    }
}
