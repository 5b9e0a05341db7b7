package io.signalbox.app.launch;

import java.io.IOException;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Sends every log (ours, Jetty's and Flyway's through SLF4J) to {@code logs/signalbox-N.log} in the
 * data dir, rotated by size, and warnings to stderr. Every line passes through {@link
 * RedactingFormatter}, so a secret that slips into a message is masked before it is written.
 */
public final class LogSetup {

    static final int MAX_BYTES_PER_FILE = 10 * 1024 * 1024;
    static final int FILE_COUNT = 5;

    /**
     * java.util.logging holds loggers weakly: without this reference the level set below would be
     * lost at the next garbage collection.
     */
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    private LogSetup() {}

    public static void toDataDirectory(DataDirectory dataDir) throws IOException {
        toDataDirectory(dataDir, MAX_BYTES_PER_FILE, FILE_COUNT);
    }

    /** The same with a file size and count of the caller's choosing (tests of the rotation). */
    static void toDataDirectory(DataDirectory dataDir, int maxBytesPerFile, int fileCount)
            throws IOException {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        String pattern = dataDir.logs().resolve("signalbox-%g.log").toString();
        FileHandler file = new FileHandler(pattern, maxBytesPerFile, fileCount, true);
        file.setFormatter(new RedactingFormatter());
        file.setLevel(Level.INFO);
        root.addHandler(file);
        Handler console = new ConsoleHandler();
        console.setFormatter(new RedactingFormatter());
        console.setLevel(Level.WARNING);
        root.addHandler(console);
        // Jetty logs each request at DEBUG; INFO keeps the file about lifecycle and trouble.
        JETTY.setLevel(Level.WARNING);
    }
}
