package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.json;
import static io.signalbox.app.management.Signalbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.app.discovery.ModelDiscovery;
import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.ProxyServer;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.routing.RoutingTable;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/providers/{name}/discover} against providers on real ports: the models and what
 * changed, 404 for a name that is not configured, and 502 naming the provider and what to check for
 * each way a provider fails.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscoveryApiIT {

    private static final String PROVIDER_KEY = "sk-discovery-canary-31337";

    @TempDir Path temp;

    private FakeProvider lab;
    private Signalbox signalbox;

    @BeforeEach
    void start() throws Exception {
        lab = new FakeProvider();
        signalbox = Signalbox.start(temp.resolve("data"));
        configure(lab.baseUrl());
    }

    @AfterEach
    void stop() {
        signalbox.close();
        lab.close();
    }

    /** Provider {@code lab} with route {@code chat}: target m1, fallback gone-model. */
    private void configure(String baseUrl) throws Exception {
        ok(
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "lab", "baseUrl": "%s", "apiKey": "%s" } ],
                          "routes": [ { "name": "chat",
                                        "targets": [ { "provider": "lab", "model": "m1" } ],
                                        "fallbacks": [ { "provider": "lab", "model": "gone-model" } ] } ] }
                        """
                                .formatted(baseUrl, PROVIDER_KEY)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    @Test
    void discoveryListsTheModelsAndLaterWhatChanged() throws Exception {
        JsonNode first = ok(signalbox.post("/api/providers/lab/discover"));
        lab.models(200, "application/json", "{\"data\":[{\"id\":\"m3\"},{\"id\":\"m2\"}]}");
        JsonNode second = ok(signalbox.post("/api/providers/lab/discover"));

        assertThat(texts(first.get("models"))).containsExactly("m1", "m2");
        assertThat(texts(first.get("added"))).as("nothing is new the first time").isEmpty();
        assertThat(first.get("previousDiscovery").isNull()).isTrue();
        assertThat(first.get("missingTargets")).hasSize(1);
        JsonNode gone = first.get("missingTargets").get(0);
        assertThat(gone.get("route").asText()).isEqualTo("chat");
        assertThat(gone.get("list").asText()).isEqualTo("fallbacks");
        assertThat(gone.get("index").asInt()).isZero();
        assertThat(gone.get("model").asText()).isEqualTo("gone-model");

        assertThat(texts(second.get("models"))).containsExactly("m2", "m3");
        assertThat(texts(second.get("added"))).containsExactly("m3");
        assertThat(texts(second.get("removed"))).containsExactly("m1");
        assertThat(second.get("previousDiscovery").asText())
                .isEqualTo(first.get("discoveredAt").asText());
        assertThat(second.get("missingTargets"))
                .extracting(target -> target.get("model").asText())
                .containsExactly("m1", "gone-model");
    }

    @Test
    void anUnknownProviderIs404() throws Exception {
        HttpResponse<String> response = signalbox.post("/api/providers/ghost/discover");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("provider_not_found");
        assertThat(error.get("message").asText()).contains("'ghost'");
        assertThat(lab.chatCalls).hasValue(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "401 | application/json | {\"error\":\"no\"} | wrong_key | rejected the API key",
                "403 | application/json | {\"error\":\"no\"} | wrong_key | check the key",
                "404 | text/plain | not found | not_found | ends with /v1",
                "200 | text/plain | hello | not_json | something other than JSON",
                "200 | text/html | <html><body>Login</body></html> | not_json | a web page",
                "500 | text/plain | boom | server_error | server error (HTTP 500)"
            })
    void aFailingProviderIs502NamingItAndWhatToCheck(
            int status, String type, String body, String kind, String hint) throws Exception {
        lab.models(status, type, body);

        assertDiscoveryFailed(signalbox.post("/api/providers/lab/discover"), kind, hint);
    }

    @Test
    void anUnreachableProviderIs502() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        configure("http://127.0.0.1:" + closedPort + "/v1");

        assertDiscoveryFailed(
                signalbox.post("/api/providers/lab/discover"),
                "unreachable",
                "could not be reached at 127.0.0.1:" + closedPort);
    }

    /**
     * The runtime waits 10 s for a model list; this builds the same management service with a short
     * timeout over the same store, on a second proxy, so the test takes a second.
     */
    @Test
    void aProviderThatDoesNotAnswerIs502AfterTheTimeout() throws Exception {
        lab.stallingModels();
        ModelDiscovery impatient =
                new ModelDiscovery(
                        signalbox.runtime.database().discoveryRepository(),
                        signalbox.runtime.config()::current,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(500),
                        Clock.systemUTC());
        ProxyServer proxy =
                new ProxyServer(
                        ProxyOptions.defaults("127.0.0.1", 0),
                        RoutingTable.empty(),
                        AccessPolicy.OPEN,
                        events -> {},
                        Clock.systemUTC());
        proxy.enableManagement(
                new ManagementService(
                        signalbox.runtime.config(),
                        impatient,
                        signalbox.runtime.database().usageQueries(),
                        proxy,
                        Clock.systemUTC(),
                        "test"),
                signalbox.runtime.adminToken()::matches);
        proxy.start();
        try {
            HttpResponse<String> response =
                    signalbox.send(
                            URI.create(
                                    "http://127.0.0.1:"
                                            + proxy.port()
                                            + "/api/providers/lab/discover"),
                            "POST",
                            null,
                            "Authorization",
                            "Bearer " + signalbox.token);

            assertDiscoveryFailed(response, "timeout", "did not answer within 0.50 s");
        } finally {
            proxy.close();
        }
    }

    private void assertDiscoveryFailed(HttpResponse<String> response, String kind, String hint)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("discovery_failed");
        assertThat(error.get("kind").asText()).isEqualTo(kind);
        assertThat(error.get("message").asText()).startsWith("Provider 'lab' ").contains(hint);
        assertThat(response.body()).doesNotContain(PROVIDER_KEY);
    }
}
