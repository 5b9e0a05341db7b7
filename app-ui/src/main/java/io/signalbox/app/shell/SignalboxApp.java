package io.signalbox.app.shell;

import io.signalbox.app.providers.LocalServer;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.persistence.SettingsRepository;
import io.signalbox.proxy.ProxyServer;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application; started by the launcher once the runtime is up. */
public final class SignalboxApp extends Application {

    private static volatile SignalboxRuntime runtime;
    private static volatile boolean exitRequested;

    private DesktopShell desktop;

    /** Shows the window and returns when it is closed or the app is asked to exit. */
    public static void run(SignalboxRuntime started) {
        runtime = started;
        Application.launch(SignalboxApp.class);
    }

    /** Closes the window from any thread (a stop signal). */
    public static void requestExit() {
        exitRequested = true;
        Platform.exit();
    }

    @Override
    public void start(Stage stage) {
        if (exitRequested) {
            // A stop signal arrived before the toolkit was up, when Platform.exit could not act.
            Platform.exit();
            return;
        }
        show(stage, runtime);
        desktop = DesktopShell.attach(stage, runtime);
    }

    @Override
    public void stop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    /** Builds the main window for a running runtime; tests call this with their own stage. */
    public static MainView show(Stage stage, SignalboxRuntime runtime) {
        return show(stage, runtime, LocalServer.defaults());
    }

    /**
     * Builds the main window; the first run looks for local model servers at {@code localServers}
     * (tests point them at servers of their own).
     */
    public static MainView show(
            Stage stage, SignalboxRuntime runtime, List<LocalServer> localServers) {
        SettingsRepository settings = runtime.database().settingsRepository();
        MainViewModel model =
                new MainViewModel(
                        () -> {
                            // Read once: a restart from Settings swaps the server between calls.
                            ProxyServer proxy = runtime.proxy();
                            boolean running = proxy.isRunning();
                            return new ProxyStatus(running, running ? proxy.baseUrl() : "");
                        },
                        runtime::completedRequests,
                        System::nanoTime,
                        Theme.fromSetting(settings.get(Theme.SETTING)),
                        theme -> settings.put(Theme.SETTING, theme.settingValue()));
        MainView view = new MainView(model, Screens.of(runtime, model, localServers));
        Scene scene = new Scene(view.build(), 1100, 720);
        scene.getStylesheets()
                .add(SignalboxApp.class.getResource("/io/signalbox/app/app.css").toExternalForm());
        view.accelerators().forEach(scene.getAccelerators()::put);
        stage.setTitle("Signalbox");
        DesktopShell.addIcons(stage);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setScene(scene);
        stage.show();
        return view;
    }
}
