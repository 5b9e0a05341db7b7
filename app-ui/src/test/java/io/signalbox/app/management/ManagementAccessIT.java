package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use the management API of a running Signalbox: programs on this machine with the token
 * from the data dir, and nobody else, whatever they send.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ManagementAccessIT {

    private static final List<String[]> CALLS =
            List.of(
                    new String[] {"GET", "/api/config"},
                    new String[] {"GET", "/api/config?secrets=true"},
                    new String[] {"PUT", "/api/config"},
                    new String[] {"POST", "/api/providers/lab/discover"},
                    new String[] {"GET", "/api/usage"},
                    new String[] {"GET", "/api/requests?limit=5"},
                    new String[] {"GET", "/api/health"});

    private static final String CONFIG =
            """
            { "providers": [ { "name": "lab", "baseUrl": "http://127.0.0.1:9/v1" } ],
              "routes": [ { "name": "chat", "targets": [ { "provider": "lab", "model": "m" } ] } ],
              "accessKeys": [ { "name": "lan", "key": "sk-sb-lan-key-0123456789abcdef" } ] }
            """;

    @TempDir Path temp;

    @Test
    void everyCallRefusesAMissingOrWrongTokenAndChangesNothing() throws Exception {
        try (Signalbox signalbox = Signalbox.start(temp.resolve("data"))) {
            String before = signalbox.get("/api/config?secrets=true").body();
            String nearMiss = nearMiss(signalbox.token);
            SoftAssertions softly = new SoftAssertions();
            for (String[] call : CALLS) {
                HttpResponse<String> missing = signalbox.send(call[0], call[1], CONFIG);
                HttpResponse<String> wrong =
                        signalbox.send(
                                call[0], call[1], CONFIG, "Authorization", "Bearer " + nearMiss);
                // On the connection that carried the real token: Jetty's header cache must not
                // match it while ignoring case.
                HttpResponse<String> lowercase =
                        signalbox.send(
                                call[0],
                                call[1],
                                CONFIG,
                                "Authorization",
                                "bearer " + signalbox.token.toLowerCase(Locale.ROOT));
                for (HttpResponse<String> response : List.of(missing, wrong, lowercase)) {
                    softly.assertThat(response.statusCode())
                            .as(call[0] + " " + call[1])
                            .isEqualTo(401);
                    softly.assertThat(response.body()).doesNotContain(signalbox.token, nearMiss);
                }
                softly.assertThat(json(missing).get("error").get("code").asText())
                        .isEqualTo("admin_token_missing");
                softly.assertThat(json(wrong).get("error").get("code").asText())
                        .isEqualTo("admin_token_invalid");
            }
            softly.assertAll();
            assertThat(signalbox.get("/api/config?secrets=true").body()).isEqualTo(before);
        }
    }

    @Test
    void aRequestAddressedToAForeignHostIsRefusedAsDnsRebinding() throws Exception {
        try (Signalbox signalbox = Signalbox.start(temp.resolve("data"))) {
            int port = signalbox.port();

            assertThat(signalbox.rawGet("/api/health", "attacker.example:" + port))
                    .startsWith("HTTP/1.1 403")
                    .contains("\"code\":\"host_not_allowed\"");
            assertThat(signalbox.rawGet("/api/health", "localhost:" + port))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aBrowserPageIsRefused() throws Exception {
        try (Signalbox signalbox = Signalbox.start(temp.resolve("data"))) {
            HttpResponse<String> response =
                    signalbox.send(
                            "GET",
                            "/api/config?secrets=true",
                            null,
                            "Authorization",
                            "Bearer " + signalbox.token,
                            "Origin",
                            "https://evil.example");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json(response).get("error").get("code").asText())
                    .isEqualTo("origin_not_allowed");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    /**
     * Listening on every address (which needs an access key) serves {@code /v1} to the network, but
     * the management API still only to loopback callers, even with the right token.
     */
    @Test
    void aCallerOnTheNetworkIsRefusedEvenWithTheToken() throws Exception {
        Optional<InetAddress> lan = nonLoopbackIpv4();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");
        Path importFile = temp.resolve("config.json");
        Files.writeString(importFile, CONFIG, StandardCharsets.UTF_8);
        try (Signalbox signalbox =
                Signalbox.start(
                        temp.resolve("data"), Optional.of("0.0.0.0"), Optional.of(importFile))) {
            URI base = URI.create("http://" + lan.get().getHostAddress() + ":" + signalbox.port());
            String auth = "Bearer " + signalbox.token;

            HttpResponse<String> remote =
                    signalbox.send(base.resolve("/api/health"), "GET", null, "Authorization", auth);
            HttpResponse<String> local = signalbox.get("/api/health");
            HttpResponse<String> proxy =
                    signalbox.send(
                            base.resolve("/v1/models"),
                            "GET",
                            null,
                            "Authorization",
                            "Bearer sk-sb-lan-key-0123456789abcdef");

            assertThat(remote.statusCode()).isEqualTo(403);
            assertThat(json(remote).get("error").get("code").asText()).isEqualTo("not_loopback");
            assertThat(local.statusCode()).isEqualTo(200);
            assertThat(proxy.statusCode()).as("the proxy itself serves the network").isEqualTo(200);
        }
    }

    @Test
    void theTokenNeverReachesTheLogs() throws Exception {
        Path dataDir = temp.resolve("data");
        String token;
        String nearMiss;
        try (Signalbox signalbox = Signalbox.start(dataDir)) {
            token = signalbox.token;
            nearMiss = nearMiss(token);
            Signalbox.ok(signalbox.put("/api/config", CONFIG));
            for (String[] call : CALLS) {
                signalbox.send(call[0], call[1], CONFIG, "Authorization", "Bearer " + token);
                signalbox.send(call[0], call[1], CONFIG, "Authorization", "Bearer " + nearMiss);
                signalbox.send(call[0], call[1], CONFIG, "Authorization", nearMiss);
            }
        }
        // Closed: every log line is written.

        String logs = readAll(dataDir.resolve("logs"));
        assertThat(logs)
                .as("the management calls were logged")
                .contains("Configuration replaced through the management API")
                .contains("Management API refused GET /api/health")
                .contains("admin_token_invalid");
        assertThat(logs).doesNotContain(token).doesNotContain(nearMiss);
    }

    /**
     * The token with its last character changed (to a digit, which has no upper case, so that it
     * differs in any case): as long, and as secret.
     */
    private static String nearMiss(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static String readAll(Path logs) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address
                        && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
