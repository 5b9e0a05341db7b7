package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir Path temp;

    @Test
    void migratesAFreshDatabaseToTheLatestVersion() {
        try (Database database = Database.open(temp.resolve("data"))) {
            assertThat(appliedMigrations(database))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            assertThat(tables(database))
                    .contains(
                            "PROVIDERS",
                            "PROVIDER_HEADERS",
                            "PROVIDER_MODELS",
                            "ROUTES",
                            "ROUTE_TARGETS",
                            "ROUTE_FALLBACKS",
                            "ACCESS_KEYS",
                            "ACCESS_KEY_ROUTES",
                            "SETTINGS",
                            "REQUESTS",
                            "REQUEST_ATTEMPTS",
                            "USAGE_HOURLY");
        }
    }

    @Test
    void readsBackAfterReopeningWithoutMigratingAgain() {
        Path dataDir = temp.resolve("data");
        try (Database database = Database.open(dataDir)) {
            database.settingsRepository().put("proxy.port", "8337");
        }
        try (Database database = Database.open(dataDir)) {
            assertThat(database.settingsRepository().get("proxy.port")).contains("8337");
            assertThat(appliedMigrations(database))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        }
    }

    @Test
    void refusesADataDirThatAnotherProcessHasOpen() throws Exception {
        Path dataDir = temp.resolve("data");
        Process holder =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                HoldDatabaseOpen.class.getName(),
                                dataDir.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        try (BufferedReader output =
                new BufferedReader(
                        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo(HoldDatabaseOpen.READY);

            assertThatThrownBy(() -> Database.open(dataDir))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessageContaining("in use");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Database.open(dataDir).close();
    }

    @Test
    void refusesASecondOpenOfTheSameDataDirInThisProcess() {
        Path dataDir = temp.resolve("data");
        try (Database first = Database.open(dataDir)) {
            assertThatThrownBy(() -> Database.open(dataDir))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessageContaining("in use");
            assertThat(first.settingsRepository().all()).isEmpty();
        }
        Database.open(dataDir).close();
    }

    @Test
    void canBeClosedTwice() {
        Database database = Database.open(temp.resolve("data"));
        database.close();
        database.close();
    }

    @Test
    void createsTheDataDirAndItsFilesOwnerOnly() throws IOException {
        assumeThat(OwnerOnlyFiles.isPosix(temp)).as("POSIX file permissions").isTrue();
        Path dataDir = temp.resolve("nested").resolve("data");
        try (Database database = Database.open(dataDir)) {
            database.settingsRepository().put("theme", "dark");
        }
        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(permissions(dataDir.resolve(SecretCipher.KEY_FILE_NAME))).isEqualTo("rw-------");
        List<Path> databaseFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataDir)) {
            files.filter(file -> file.getFileName().toString().endsWith(".db"))
                    .forEach(databaseFiles::add);
        }
        assertThat(databaseFiles).isNotEmpty();
        for (Path file : databaseFiles) {
            assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void narrowsDatabaseFilesThatWereLeftReadable() throws IOException {
        assumeThat(OwnerOnlyFiles.isPosix(temp)).as("POSIX file permissions").isTrue();
        Path dataDir = temp.resolve("data");
        Database.open(dataDir).close();
        Path main = dataDir.resolve("signalbox.mv.db");
        Files.setPosixFilePermissions(main, PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(dataDir).close();

        assertThat(permissions(main)).isEqualTo("rw-------");
    }

    @Test
    void rejectsADataDirThatH2WouldMisread() {
        assertThatThrownBy(() -> Database.open(temp.resolve("a;b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** The migrations Flyway recorded, leaving out its own "history table created" marker row. */
    static List<String> appliedMigrations(Database database) {
        return database.withConnection(
                "read the migration history",
                connection -> {
                    List<String> versions = new ArrayList<>();
                    try (PreparedStatement select =
                                    connection.prepareStatement(
                                            """
                                            SELECT "version" FROM "flyway_schema_history"
                                            WHERE "version" IS NOT NULL
                                            ORDER BY "installed_rank"
                                            """);
                            ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            versions.add(row.getString(1));
                        }
                    }
                    return versions;
                });
    }

    private static List<String> tables(Database database) {
        return database.withConnection(
                "list the tables",
                connection -> {
                    List<String> tables = new ArrayList<>();
                    try (PreparedStatement select =
                                    connection.prepareStatement(
                                            """
                                            SELECT table_name FROM information_schema.tables
                                            WHERE table_schema = 'PUBLIC'
                                            """);
                            ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            tables.add(row.getString(1));
                        }
                    }
                    return tables;
                });
    }
}
