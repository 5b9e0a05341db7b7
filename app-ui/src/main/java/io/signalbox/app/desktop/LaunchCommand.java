package io.signalbox.app.desktop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command that starts this Signalbox again, for a start-at-login entry: the installed launcher
 * (jpackage sets {@code jpackage.app-path}) or the {@code ./signalbox} script (which sets {@code
 * signalbox.launcher}), with this run's data dir.
 */
public final class LaunchCommand {

    private LaunchCommand() {}

    public static Optional<List<String>> of(Path dataDir) {
        return of(
                Optional.ofNullable(System.getProperty("jpackage.app-path")),
                Optional.ofNullable(System.getProperty("signalbox.launcher")),
                dataDir);
    }

    static Optional<List<String>> of(
            Optional<String> packagedLauncher, Optional<String> script, Path dataDir) {
        Optional<String> launcher =
                packagedLauncher
                        .filter(s -> !s.isBlank())
                        .or(() -> script.filter(s -> !s.isBlank()));
        return launcher.map(
                path -> {
                    List<String> command = new ArrayList<>();
                    command.add(path);
                    command.add("--data-dir");
                    command.add(dataDir.toString());
                    return List.copyOf(command);
                });
    }
}
