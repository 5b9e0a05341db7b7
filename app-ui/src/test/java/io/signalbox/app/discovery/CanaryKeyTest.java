package io.signalbox.app.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.signalbox.persistence.Database;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No failure message may carry the provider's key or a header value: they are shown in the UI,
 * returned by the API and logged.
 */
class CanaryKeyTest {

    private static final String KEY = "sk-canary-" + UUID.randomUUID();
    private static final String HEADER_VALUE = "hdr-canary-" + UUID.randomUUID();

    @TempDir static Path temp;

    private static Database database;
    private static ModelDiscovery discovery;

    @BeforeAll
    static void open() {
        database = Database.open(temp.resolve("data"));
        discovery =
                new ModelDiscovery(
                        database.discoveryRepository(),
                        SignalboxConfig::empty,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(1),
                        Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void keepsTheKeyOutOfEveryHttpFailure() throws IOException {
        List<FakeUpstream> upstreams =
                List.of(
                        FakeUpstream.answering(
                                401, "application/json", "{\"error\":\"" + KEY + "\"}"),
                        FakeUpstream.answering(403, "text/plain", KEY),
                        FakeUpstream.answering(404, "text/html", "<html>" + KEY + "</html>"),
                        FakeUpstream.answering(200, "text/html", "<html>" + KEY + "</html>"),
                        FakeUpstream.answering(200, "text/plain", KEY),
                        FakeUpstream.json("{\"error\":{\"message\":\"bad key " + KEY + "\"}}"),
                        FakeUpstream.answering(500, "text/plain", KEY),
                        FakeUpstream.answering(429, "text/plain", KEY),
                        // A server that echoes the key and a header into where it redirects.
                        FakeUpstream.withHeaders(
                                302,
                                Map.of(
                                        "Location",
                                        "/login/" + KEY + "/" + HEADER_VALUE + "?k=" + KEY)),
                        FakeUpstream.stallingAfterHeaders("{\"data\":[\"" + KEY + "\"]}"));
        try {
            for (FakeUpstream upstream : upstreams) {
                assertKeptOut(failure(canaryProvider(upstream.baseUrl())));
            }
        } finally {
            upstreams.forEach(FakeUpstream::close);
        }
    }

    @Test
    void keepsTheKeyOutOfConnectionFailures() throws IOException {
        assertKeptOut(
                failure(
                        canaryProvider(
                                "http://127.0.0.1:" + ModelDiscoveryTest.closedPort() + "/v1")));
        assertKeptOut(failure(canaryProvider("http://no-such-host.invalid/v1")));
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertKeptOut(
                    failure(canaryProvider("http://127.0.0.1:" + silent.getLocalPort() + "/v1")));
        }
    }

    @Test
    void keepsAnUnsendableKeyOutOfTheMessage() {
        ProviderConfig provider =
                new ProviderConfig(
                        "canary",
                        ProviderConfig.TYPE_OPENAI,
                        "http://127.0.0.1:1/v1",
                        Optional.of(KEY + "\r\nX-Injected: 1"),
                        Map.of(),
                        List.of(),
                        true);

        assertKeptOut(failure(provider));
    }

    private static ProviderConfig canaryProvider(String baseUrl) {
        return new ProviderConfig(
                "canary",
                ProviderConfig.TYPE_OPENAI,
                baseUrl,
                Optional.of(KEY),
                Map.of("X-Canary", HEADER_VALUE),
                List.of(),
                true);
    }

    private static DiscoveryException failure(ProviderConfig provider) {
        DiscoveryException e =
                catchThrowableOfType(DiscoveryException.class, () -> discovery.discover(provider));
        assertThat(e).as("a DiscoveryException").isNotNull();
        return e;
    }

    /** The message, and everything a log would print of the exception and its causes. */
    private static void assertKeptOut(DiscoveryException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(e.getMessage()).startsWith("Provider 'canary' ");
        assertThat(trace.toString())
                .as("the stack trace of: %s", e.getMessage())
                .doesNotContain(KEY)
                .doesNotContain(HEADER_VALUE);
    }
}
