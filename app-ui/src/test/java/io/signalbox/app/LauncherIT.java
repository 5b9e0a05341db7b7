package io.signalbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's contract (CONTRACT section 1), checked on the real packaged process. */
class LauncherIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path temp;

    private Path dataDir() {
        return temp.resolve("data");
    }

    private Path writeConfig(String name, String json) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + ALICE_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The access key of {@link #VALID}; once it is imported, every call needs a key. */
    private static final String ALICE_KEY = "sk-sb-canary-access-5d1e8b40";

    private static final String VALID =
            """
            { "version": 1,
              "providers": [ { "name": "local", "baseUrl": "http://127.0.0.1:9/v1",
                               "apiKey": "sk-canary-provider-7f3a9c2e" } ],
              "routes": [ { "name": "chat", "targets": [ { "provider": "local", "model": "m" } ] },
                          { "name": "code-*", "targets": [ { "provider": "local", "model": "*" } ] } ],
              "accessKeys": [ { "name": "alice", "key": "sk-sb-canary-access-5d1e8b40" } ] }
            """;

    @Test
    void versionPrintsTheVersionAndExitsZero() throws Exception {
        try (SignalboxProcess app = SignalboxProcess.start("--version")) {
            assertThat(app.awaitExit()).isZero();
            assertThat(app.stdout()).containsExactly("signalbox " + Version.current());
            assertThat(Version.current()).isNotEqualTo("unknown");
        }
    }

    @Test
    void startsHeadlessOnAFreePortAndStopsCleanlyOnSigterm() throws Exception {
        try (SignalboxProcess app =
                SignalboxProcess.start(
                        "--headless", "--data-dir", dataDir().toString(), "--port", "0")) {
            int port = app.awaitReady();
            assertThat(port).isPositive();

            HttpResponse<String> models = get(port, "/v1/models");
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(models.body()).contains("\"object\":\"list\"");
            assertThat(models.headers().firstValue("x-request-id")).isPresent();

            assertThat(app.terminate()).isZero();
            assertThat(app.stdout()).hasSize(1);
        }
        assertThat(Files.readString(dataDir().resolve("logs/signalbox-0.log")))
                .contains("Signalbox stopped");
    }

    @Test
    void importAppliesTheConfigurationBeforeServing() throws Exception {
        Path config = writeConfig("valid.json", VALID);
        try (SignalboxProcess app =
                SignalboxProcess.start(
                        "--headless",
                        "--data-dir",
                        dataDir().toString(),
                        "--port",
                        "0",
                        "--import",
                        config.toString())) {
            int port = app.awaitReady();

            String body = get(port, "/v1/models").body();
            assertThat(body).contains("\"id\":\"chat\"").doesNotContain("code-*");
            HttpResponse<String> keyless =
                    HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/v1/models"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(keyless.statusCode())
                    .as("the imported access key makes keys required")
                    .isEqualTo(401);
            assertThat(app.terminate()).isZero();
        }
    }

    @Test
    void anInvalidImportExitsTwoNamesEachProblemAndChangesNothing() throws Exception {
        try (SignalboxProcess first =
                SignalboxProcess.start(
                        "--headless",
                        "--data-dir",
                        dataDir().toString(),
                        "--port",
                        "0",
                        "--import",
                        writeConfig("valid.json", VALID).toString())) {
            first.awaitReady();
            assertThat(first.terminate()).isZero();
        }
        Path invalid =
                writeConfig(
                        "invalid.json",
                        """
                        { "providers": [ { "name": "p", "baseUrl": "ftp://nowhere" } ],
                          "routes": [ { "name": "other", "targets": [ { "provider": "ghost", "model": "m", "weight": 5000 } ] } ] }
                        """);

        try (SignalboxProcess app =
                SignalboxProcess.start(
                        "--headless",
                        "--data-dir",
                        dataDir().toString(),
                        "--port",
                        "0",
                        "--import",
                        invalid.toString())) {
            assertThat(app.awaitExit()).isEqualTo(2);
            assertThat(app.stderr())
                    .contains("nothing changed")
                    .contains("providers[0].baseUrl")
                    .contains("routes[0].targets[0].provider")
                    .contains("routes[0].targets[0].weight");
            assertThat(app.stdout()).isEmpty();
        }

        try (SignalboxProcess again =
                SignalboxProcess.start(
                        "--headless", "--data-dir", dataDir().toString(), "--port", "0")) {
            int port = again.awaitReady();
            assertThat(get(port, "/v1/models").body())
                    .contains("\"id\":\"chat\"")
                    .doesNotContain("other");
            assertThat(again.terminate()).isZero();
        }
    }

    @Test
    void aMissingImportFileExitsTwo() throws Exception {
        try (SignalboxProcess app =
                SignalboxProcess.start(
                        "--headless",
                        "--data-dir",
                        dataDir().toString(),
                        "--import",
                        temp.resolve("nope.json").toString())) {
            assertThat(app.awaitExit()).isEqualTo(2);
            assertThat(app.stderr()).contains("no such file");
        }
    }

    @Test
    void badArgumentsExitTwoWithUsage() throws Exception {
        try (SignalboxProcess app = SignalboxProcess.start("--headless", "--port", "http")) {
            assertThat(app.awaitExit()).isEqualTo(2);
            assertThat(app.stderr()).contains("--port must be a number").contains("Usage:");
        }
    }

    @Test
    void aLanBindWithoutAnAccessKeyExitsTwo() throws Exception {
        try (SignalboxProcess app =
                SignalboxProcess.start(
                        "--headless",
                        "--data-dir",
                        dataDir().toString(),
                        "--port",
                        "0",
                        "--bind",
                        "0.0.0.0")) {
            assertThat(app.awaitExit()).isEqualTo(2);
            assertThat(app.stderr()).contains("without an access key");
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirExitsThreeNamingTheFirst() throws Exception {
        try (SignalboxProcess first =
                SignalboxProcess.start(
                        "--headless", "--data-dir", dataDir().toString(), "--port", "0")) {
            int port = first.awaitReady();
            try (SignalboxProcess second =
                    SignalboxProcess.start(
                            "--headless", "--data-dir", dataDir().toString(), "--port", "0")) {
                assertThat(second.awaitExit()).isEqualTo(3);
                assertThat(second.stderr())
                        .contains("already running")
                        .contains("pid " + first.pid())
                        .contains("http://127.0.0.1:" + port + "/v1");
            }
            assertThat(first.terminate()).isZero();
        }
    }

    @Test
    void aTakenPortExitsThree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SignalboxProcess app =
                        SignalboxProcess.start(
                                "--headless",
                                "--data-dir",
                                dataDir().toString(),
                                "--port",
                                String.valueOf(taken.getLocalPort()))) {
            assertThat(app.awaitExit()).isEqualTo(3);
            assertThat(app.stderr()).contains("in use");
        }
    }

    @Test
    void aKilledInstanceDoesNotBlockTheNextStart() throws Exception {
        try (SignalboxProcess first =
                SignalboxProcess.start(
                        "--headless", "--data-dir", dataDir().toString(), "--port", "0")) {
            first.awaitReady();
            first.kill();
        }
        try (SignalboxProcess next =
                SignalboxProcess.start(
                        "--headless", "--data-dir", dataDir().toString(), "--port", "0")) {
            assertThat(next.awaitReady()).isPositive();
            assertThat(next.terminate()).isZero();
        }
    }

    @Test
    void theDataDirAndItsSecretsAreOwnerOnly() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        try (SignalboxProcess app =
                SignalboxProcess.start(
                        "--headless", "--data-dir", dataDir().toString(), "--port", "0")) {
            app.awaitReady();
            assertThat(permissions(dataDir())).isEqualTo("rwx------");
            assertThat(permissions(dataDir().resolve("logs"))).isEqualTo("rwx------");
            for (String file : List.of("admin-token", "secret.key", "signalbox.mv.db")) {
                assertThat(permissions(dataDir().resolve(file))).as(file).isEqualTo("rw-------");
            }
            assertThat(Files.readString(dataDir().resolve("admin-token")).strip())
                    .hasSizeGreaterThanOrEqualTo(40);
            assertThat(app.terminate()).isZero();
        }
    }

    @Test
    void canarySecretsAreNeverInTheDataDirLogsOrOutput() throws Exception {
        try (SignalboxProcess app =
                SignalboxProcess.start(
                        "--headless",
                        "--data-dir",
                        dataDir().toString(),
                        "--port",
                        "0",
                        "--import",
                        writeConfig("valid.json", VALID).toString())) {
            app.awaitReady();
            assertThat(app.terminate()).isZero();
            assertThat(String.join("\n", app.stdout()) + app.stderr()).doesNotContain("canary");
        }
        try (Stream<Path> files = Files.walk(dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(SignalboxProcess.readAll(file))
                        .as(file.toString())
                        .doesNotContain("sk-canary-provider-7f3a9c2e")
                        .doesNotContain("sk-sb-canary-access-5d1e8b40");
            }
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
