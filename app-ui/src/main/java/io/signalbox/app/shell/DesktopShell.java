package io.signalbox.app.shell;

import io.signalbox.app.desktop.CloseAction;
import io.signalbox.app.desktop.TrayMenu;
import io.signalbox.app.launch.FocusChannel;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.persistence.SettingsRepository;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * What makes the window behave like a desktop program: the app icon, a second launch bringing the
 * window to the front, the tray icon where there is a tray, and closing the window either quitting
 * or hiding to the tray (the setting {@link CloseAction#SETTING}).
 */
final class DesktopShell implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DesktopShell.class.getName());
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    private final Optional<FocusChannel> focus;
    private final Optional<TrayMenu> tray;

    private DesktopShell(Optional<FocusChannel> focus, Optional<TrayMenu> tray) {
        this.focus = focus;
        this.tray = tray;
    }

    static void addIcons(Stage stage) {
        for (int size : ICON_SIZES) {
            String path = "/io/signalbox/app/icons/signalbox-" + size + ".png";
            if (DesktopShell.class.getResource(path) != null) {
                stage.getIcons().add(new Image(path));
            }
        }
    }

    static DesktopShell attach(Stage stage, SignalboxRuntime runtime) {
        Optional<FocusChannel> focus;
        try {
            focus =
                    Optional.of(
                            FocusChannel.listen(
                                    runtime.dataDir(),
                                    () -> Platform.runLater(() -> bringToFront(stage))));
        } catch (IOException e) {
            LOG.warning("A second launch will not find this window: " + e);
            focus = Optional.empty();
        }
        Optional<TrayMenu> tray =
                TrayMenu.install(
                        new TrayActions(stage, runtime), () -> runtime.proxy().isRunning());
        // With a tray, a hidden window must not end the app; Quit and a closing window (when not
        // kept in the tray) end it explicitly.
        tray.ifPresent(t -> Platform.setImplicitExit(false));
        SettingsRepository settings = runtime.database().settingsRepository();
        boolean trayShown = tray.isPresent();
        stage.setOnCloseRequest(
                event -> {
                    boolean keep = settings.get(CloseAction.SETTING).orElse("false").equals("true");
                    if (CloseAction.choose(keep, trayShown) == CloseAction.HIDE_TO_TRAY) {
                        event.consume();
                        stage.hide();
                        LOG.info("Window closed; the proxy keeps running in the tray");
                    } else {
                        Platform.exit();
                    }
                });
        return new DesktopShell(focus, tray);
    }

    static void bringToFront(Stage stage) {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    @Override
    public void close() {
        focus.ifPresent(FocusChannel::close);
        tray.ifPresent(TrayMenu::close);
    }

    /** The tray's menu: the window on the FX thread, proxy changes on a worker thread. */
    private record TrayActions(Stage stage, SignalboxRuntime runtime) implements TrayMenu.Actions {

        @Override
        public void openWindow() {
            Platform.runLater(() -> bringToFront(stage));
        }

        @Override
        public void startProxy() {
            inBackground(
                    "start",
                    () -> {
                        try {
                            runtime.proxyControl().start();
                        } catch (Exception e) {
                            LOG.warning("The tray could not start the proxy: " + e.getMessage());
                        }
                    });
        }

        @Override
        public void stopProxy() {
            // Stopping waits for requests in flight (the grace period): not on the AWT thread.
            inBackground("stop", () -> runtime.proxyControl().stop());
        }

        @Override
        public void quit() {
            Platform.exit();
        }

        private static void inBackground(String name, Runnable work) {
            Thread thread = new Thread(work, "signalbox-tray-" + name);
            thread.setDaemon(true);
            thread.start();
        }
    }
}
