package io.signalbox.app;

import io.signalbox.app.launch.CommandLine;
import io.signalbox.app.launch.CommandLineParser;
import io.signalbox.app.launch.DataDirectory;
import io.signalbox.app.launch.FocusChannel;
import io.signalbox.app.launch.UsageException;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.runtime.StartupException;
import io.signalbox.app.shell.SignalboxApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * The main class. It is not a JavaFX {@code Application} on purpose: launching one straight from
 * the class path fails with "JavaFX runtime components are missing", and headless mode must not
 * touch JavaFX at all.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLineParser.parse(List.of(args));
        } catch (UsageException e) {
            System.err.println("signalbox: " + e.getMessage());
            System.err.print(CommandLineParser.USAGE);
            return StartupException.BAD_INPUT;
        }
        if (commandLine.version()) {
            System.out.println("signalbox " + Version.current());
            return 0;
        }
        if (commandLine.help()) {
            System.out.print(CommandLineParser.USAGE);
            return 0;
        }
        if (!commandLine.headless() && focusRunningWindow(commandLine)) {
            System.out.println("signalbox: already running; brought its window to the front");
            return 0;
        }
        if (!commandLine.headless() && !hasDisplay()) {
            System.err.println(
                    "signalbox: no display found (DISPLAY is not set). Start with --headless to serve"
                            + " the proxy without a window.");
            return StartupException.BAD_INPUT;
        }
        // Handlers go in before anything starts: a signal that arrives while starting must still
        // end in a graceful stop with exit code 0.
        CountDownLatch stop = new CountDownLatch(1);
        boolean headless = commandLine.headless();
        onStopSignal(
                () -> {
                    stop.countDown();
                    if (!headless) {
                        SignalboxApp.requestExit();
                    }
                });
        SignalboxRuntime runtime;
        try {
            runtime = SignalboxRuntime.start(commandLine, System.out);
        } catch (StartupException e) {
            System.err.println("signalbox: " + e.getMessage());
            return e.exitCode();
        }
        if (headless) {
            awaitUninterruptibly(stop);
        } else {
            SignalboxApp.run(runtime);
        }
        runtime.close();
        return 0;
    }

    /**
     * A second desktop launch on the data dir of a running window shows that window and exits 0, as
     * desktop programs do. Headless runs, and a data dir held by a headless instance, keep the exit
     * code 3 of CONTRACT section 1 (the start below fails on the lock).
     */
    private static boolean focusRunningWindow(CommandLine commandLine) {
        Path dataDir =
                commandLine
                        .dataDir()
                        .orElseGet(DataDirectory::defaultLocation)
                        .toAbsolutePath()
                        .normalize();
        return FocusChannel.askToFocus(dataDir);
    }

    /**
     * SIGTERM and SIGINT stop gracefully and exit 0 (CONTRACT section 1); a plain shutdown hook
     * would leave the JVM's exit status at 143 or 130.
     */
    private static void onStopSignal(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // The platform has no such signal (INT and TERM exist on Linux, macOS and Windows).
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // Only a stop signal ends headless mode.
            }
        }
    }

    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return true;
        }
        return isSet(System.getenv("DISPLAY")) || isSet(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
