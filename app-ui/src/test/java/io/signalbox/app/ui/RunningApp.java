package io.signalbox.app.ui;

import io.signalbox.app.launch.CommandLine;
import io.signalbox.app.providers.LocalServer;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.runtime.StartupException;
import io.signalbox.app.shell.SignalboxApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.stage.Stage;

/** The real app for UI tests: a runtime on a fresh data dir and port 0, and its window. */
public final class RunningApp {

    private RunningApp() {}

    /** Starts a runtime whose data lives under {@code temp}; close it after the test. */
    public static SignalboxRuntime runtime(Path temp) throws StartupException {
        return start(temp, Optional.empty());
    }

    /** Like {@link #runtime(Path)}, with the configuration imported from {@code config} first. */
    public static SignalboxRuntime runtime(Path temp, Path config) throws StartupException {
        return start(temp, Optional.of(config));
    }

    private static SignalboxRuntime start(Path temp, Optional<Path> config)
            throws StartupException {
        return SignalboxRuntime.start(
                new CommandLine(
                        false,
                        false,
                        false,
                        Optional.of(temp.resolve("data-" + System.nanoTime())),
                        OptionalInt.of(0),
                        Optional.empty(),
                        config),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** Shows the main window; the first run looks for local servers only at {@code local}. */
    public static void show(Stage stage, SignalboxRuntime runtime, List<LocalServer> local) {
        SignalboxApp.show(stage, runtime, local);
    }
}
