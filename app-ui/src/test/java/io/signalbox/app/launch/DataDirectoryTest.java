package io.signalbox.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHome() {
        assertThat(DataDirectory.defaultLocation("Linux", Map.of("XDG_DATA_HOME", "/data"), HOME))
                .isEqualTo(Path.of("/data/signalbox"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgIsUnsetOrRelative() {
        assertThat(DataDirectory.defaultLocation("Linux", Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/.local/share/signalbox"));
        assertThat(DataDirectory.defaultLocation("Linux", Map.of("XDG_DATA_HOME", "rel"), HOME))
                .isEqualTo(Path.of("/home/ada/.local/share/signalbox"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataDirectory.defaultLocation("Mac OS X", Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Signalbox"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataDirectory.defaultLocation("Windows 11", Map.of("APPDATA", "/appdata"), HOME))
                .isEqualTo(Path.of("/appdata/Signalbox"));
    }

    @Test
    void createsAndTightensOwnerOnlyFolders(@TempDir Path temp) throws Exception {
        assumeTrue(DataDirectory.isPosix(temp), "POSIX permissions");
        Path existing = temp.resolve("wide");
        Files.createDirectory(
                existing,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        DataDirectory created = DataDirectory.open(temp.resolve("a/b/signalbox"));
        DataDirectory tightened = DataDirectory.open(existing);

        for (Path dir : new Path[] {created.root(), created.logs(), tightened.root()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .as(dir.toString())
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void ownerOnlyFilesAreCreatedOwnerOnly(@TempDir Path temp) throws Exception {
        assumeTrue(DataDirectory.isPosix(temp), "POSIX permissions");
        Path file = temp.resolve("secret");

        DataDirectory.writeOwnerOnly(file, new byte[] {1, 2, 3});
        DataDirectory.writeOwnerOnly(file, new byte[] {4});

        assertThat(Files.readAllBytes(file)).containsExactly(4);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
