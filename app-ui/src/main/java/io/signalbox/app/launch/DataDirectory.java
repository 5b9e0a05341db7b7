package io.signalbox.app.launch;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The folder holding the database, the admin token, the encryption key and the logs, following each
 * OS's convention (CONTRACT section 1), kept owner-only.
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            PosixFilePermissions.fromString("rw-------");

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** Creates (or tightens) the folder so that only its owner can enter it. */
    public static DataDirectory open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        createOwnerOnlyDirectory(absolute);
        createOwnerOnlyDirectory(absolute.resolve("logs"));
        return new DataDirectory(absolute);
    }

    /**
     * The OS's data folder: {@code $XDG_DATA_HOME/signalbox} or {@code ~/.local/share/signalbox} on
     * Linux, {@code ~/Library/Application Support/Signalbox} on macOS, {@code %APPDATA%\Signalbox}
     * on Windows.
     */
    public static Path defaultLocation(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base =
                    appData != null && !appData.isBlank()
                            ? Path.of(appData)
                            : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Signalbox");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Signalbox");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("signalbox");
        }
        return home.resolve(".local").resolve("share").resolve("signalbox");
    }

    public static Path defaultLocation() {
        return defaultLocation(
                System.getProperty("os.name"),
                System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    public Path root() {
        return root;
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (isPosix(dir)) {
            try {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (FileAlreadyExistsException e) {
                // Already there: tighten below, it may have been made by hand with a wide umask.
            }
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Writes a small file that only the owner can read, created with those permissions (not widened
     * and then narrowed) so that no other user can open it in between.
     */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (isPosix(file)) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createFile(temp);
        }
        Files.write(temp, content);
        Files.move(
                temp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
