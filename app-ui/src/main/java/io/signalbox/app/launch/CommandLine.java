package io.signalbox.app.launch;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parsed command line of CONTRACT section 1.
 *
 * @param port absent means the saved setting, else 8337
 * @param bind absent means the saved setting, else 127.0.0.1
 */
public record CommandLine(
        boolean headless,
        boolean version,
        boolean help,
        Optional<Path> dataDir,
        OptionalInt port,
        Optional<String> bind,
        Optional<Path> importFile) {}
