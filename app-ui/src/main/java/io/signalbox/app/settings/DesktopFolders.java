package io.signalbox.app.settings;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Opens a folder in the desktop's file manager: through AWT's {@link Desktop} where it supports
 * that (Windows, macOS, most GNOME desktops), else through the platform's own opener command, since
 * AWT is often missing or headless next to JavaFX on Linux.
 */
final class DesktopFolders implements SettingsViewModel.FolderOpener {

    private static final Logger LOG = Logger.getLogger(DesktopFolders.class.getName());

    @Override
    public void open(Path folder) throws IOException {
        if (desktopCanOpen()) {
            try {
                Desktop.getDesktop().open(folder.toFile());
                return;
            } catch (IOException e) {
                // AWT claims support on desktops it cannot really drive ("Failed to show URI"):
                // the platform's command may still work.
                LOG.fine("Desktop.open failed, trying " + opener() + ": " + e);
            }
        }
        Process process;
        try {
            process = new ProcessBuilder(opener(), folder.toString()).inheritIO().start();
        } catch (IOException e) {
            throw new IOException(opener() + " is not available (" + e.getMessage() + ")", e);
        }
        try {
            // xdg-open returns once it handed over; a non-zero code means nothing opened. Windows'
            // explorer exits with 1 even when it worked, so only xdg-open's code is trusted.
            int code = process.waitFor();
            if (code != 0 && opener().equals("xdg-open")) {
                throw new IOException(opener() + " " + folder + " exited with code " + code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean desktopCanOpen() {
        try {
            return Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError e) {
            // A headless AWT or a missing native library: fall back to the command.
            return false;
        }
    }

    private static String opener() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "open";
        }
        if (os.contains("win")) {
            return "explorer";
        }
        return "xdg-open";
    }
}
