package io.signalbox.app.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.signalbox.app.discovery.DiscoveryException.Kind;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery against real HTTP upstreams on loopback: the shapes servers answer, and failures. */
class ModelDiscoveryTest {

    /** Short, so that the timeout tests end quickly. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

    @TempDir static Path temp;

    private static Database database;
    private static ModelDiscovery discovery;

    /** Only for the timeout tests: a cold JVM's first request may take longer than this. */
    private static ModelDiscovery impatient;

    @BeforeAll
    static void open() {
        database = Database.open(temp.resolve("data"));
        discovery = discovery(Duration.ofSeconds(5));
        impatient = discovery(SHORT_TIMEOUT);
    }

    private static ModelDiscovery discovery(Duration requestTimeout) {
        return new ModelDiscovery(
                database.discoveryRepository(),
                SignalboxConfig::empty,
                Duration.ofSeconds(2),
                requestTimeout,
                Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void sendsTheKeyAndTheExtraHeaders() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.json("{\"data\":[]}")) {
            ProviderConfig provider =
                    new ProviderConfig(
                            "lab",
                            ProviderConfig.TYPE_OPENAI,
                            upstream.baseUrl(),
                            Optional.of("sk-lab-123"),
                            Map.of("X-Team", "ml", "HTTP-Referer", "https://signalbox.local"),
                            List.of(),
                            true);

            assertThat(discovery.listModels(provider)).isEmpty();

            FakeUpstream.Seen seen = upstream.onlyRequest();
            assertThat(seen.headers().getFirst("Authorization")).isEqualTo("Bearer sk-lab-123");
            assertThat(seen.headers().getFirst("X-Team")).isEqualTo("ml");
            assertThat(seen.headers().getFirst("HTTP-Referer"))
                    .isEqualTo("https://signalbox.local");
            // Plain HTTP/1.1: no h2c upgrade for small servers to stumble over.
            assertThat(seen.headers().containsKey("Upgrade")).isFalse();
        }
    }

    @Test
    void sendsNoAuthorizationWhenTheProviderHasNoKey() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.json("{\"data\":[{\"id\":\"m\"}]}")) {
            discovery.listModels(provider("local", upstream.baseUrl()));

            assertThat(upstream.onlyRequest().headers().containsKey("Authorization")).isFalse();
        }
    }

    @Test
    void forgivesATrailingSlashOnTheBaseUrl() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.json("{\"data\":[{\"id\":\"m\"}]}")) {
            discovery.listModels(provider("local", upstream.baseUrl() + "/"));

            assertThat(upstream.onlyRequest().path()).isEqualTo("/v1/models");
        }
    }

    @Test
    void namesTheProviderAndTheKeyOn401() throws Exception {
        try (FakeUpstream upstream =
                FakeUpstream.answering(401, "application/json", "{\"error\":{}}")) {
            DiscoveryException e =
                    failure(providerWithKey("lab-vllm", upstream.baseUrl(), "sk-wrong"));

            assertThat(e.kind()).isEqualTo(Kind.WRONG_KEY);
            assertThat(e.provider()).isEqualTo("lab-vllm");
            assertThat(e.getMessage())
                    .isEqualTo(
                            "Provider 'lab-vllm' rejected the API key (HTTP 401): check the key in"
                                    + " the provider settings");
        }
    }

    @Test
    void asksForAKeyOn401WhenTheProviderHasNone() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.answering(401, "application/json", "{}")) {
            DiscoveryException e = failure(provider("groq", upstream.baseUrl()));

            assertThat(e.kind()).isEqualTo(Kind.WRONG_KEY);
            assertThat(e.getMessage())
                    .isEqualTo(
                            "Provider 'groq' requires an API key (HTTP 401): add the key in the"
                                    + " provider settings");
        }
    }

    @Test
    void treats403AsAWrongKey() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.answering(403, "text/plain", "forbidden")) {
            DiscoveryException e = failure(providerWithKey("p", upstream.baseUrl(), "sk-x"));

            assertThat(e.kind()).isEqualTo(Kind.WRONG_KEY);
            assertThat(e.getMessage()).contains("(HTTP 403)");
        }
    }

    @Test
    void pointsAtTheV1SuffixOnA404Page() throws Exception {
        try (FakeUpstream upstream =
                FakeUpstream.answering(
                        404, "text/html", "<html><body><h1>404 Not Found</h1></body></html>")) {
            String baseUrl = upstream.baseUrl().replace("/v1", "");

            DiscoveryException e = failure(provider("lab-vllm", baseUrl));

            assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(e.getMessage())
                    .startsWith(
                            "Provider 'lab-vllm' answered 404 at "
                                    + baseUrl
                                    + "/models: check that the base URL ends with /v1");
        }
    }

    @Test
    void reportsAWebPageAnsweredWith200() throws Exception {
        try (FakeUpstream upstream =
                FakeUpstream.answering(
                        200, "text/html", "\n  <!DOCTYPE html><html><title>LM Studio</title>")) {
            DiscoveryException e = failure(provider("studio", upstream.baseUrl()));

            assertThat(e.kind()).isEqualTo(Kind.NOT_JSON);
            assertThat(e.getMessage())
                    .startsWith(
                            "Provider 'studio' answered with a web page instead of a model list")
                    .contains(upstream.baseUrl() + "/models")
                    .contains("/v1");
        }
    }

    @Test
    void reportsPlainTextAnsweredWith200() throws Exception {
        try (FakeUpstream upstream =
                FakeUpstream.answering(200, "text/plain", "Ollama is running")) {
            DiscoveryException e = failure(provider("ollama", upstream.baseUrl()));

            assertThat(e.kind()).isEqualTo(Kind.NOT_JSON);
            assertThat(e.getMessage())
                    .startsWith("Provider 'ollama' answered with something other than JSON");
        }
    }

    @Test
    void sendsOllamasOwnApiToItsV1Address() throws Exception {
        try (FakeUpstream upstream =
                FakeUpstream.json(
                        "{\"models\":[{\"name\":\"llama3:latest\",\"model\":\"llama3:latest\"}]}")) {
            DiscoveryException e = failure(provider("ollama", upstream.baseUrl()));

            assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_SHAPE);
            assertThat(e.getMessage()).contains("Ollama's own format", "http://localhost:11434/v1");
        }
    }

    @Test
    void reportsJsonWithoutAList() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.json("{\"object\":\"list\",\"data\":{}}")) {
            DiscoveryException e = failure(provider("odd", upstream.baseUrl()));

            assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_SHAPE);
            assertThat(e.getMessage())
                    .startsWith("Provider 'odd' answered JSON without a model list");
        }
    }

    @Test
    void reportsAServerError() throws Exception {
        try (FakeUpstream upstream =
                FakeUpstream.answering(500, "application/json", "{\"error\":\"boom\"}")) {
            DiscoveryException e = failure(provider("lab", upstream.baseUrl()));

            assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
            assertThat(e.getMessage())
                    .isEqualTo(
                            "Provider 'lab' had a server error (HTTP 500) at "
                                    + upstream.baseUrl()
                                    + "/models: check the server's logs, or try again later");
        }
    }

    @Test
    void reportsAnyOtherStatus() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.answering(429, "application/json", "{}")) {
            DiscoveryException e = failure(provider("lab", upstream.baseUrl()));

            assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_STATUS);
            assertThat(e.getMessage()).startsWith("Provider 'lab' answered HTTP 429 at");
        }
    }

    @Test
    void namesTheNewAddressOfARedirectInsteadOfFollowingIt() throws Exception {
        try (FakeUpstream upstream =
                FakeUpstream.withHeaders(
                        301, Map.of("Location", "https://api.example.com/v1/models?x=1"))) {
            DiscoveryException e = failure(providerWithKey("p", upstream.baseUrl(), "sk-x"));

            assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_STATUS);
            assertThat(e.getMessage())
                    .contains("redirected " + upstream.baseUrl() + "/models")
                    .contains("to https://api.example.com/v1/models (HTTP 301)");
            assertThat(upstream.requests).hasSize(1);
        }
    }

    @Test
    void reportsAClosedPortAsUnreachable() throws Exception {
        int port = closedPort();

        DiscoveryException e = failure(provider("lab", "http://127.0.0.1:" + port + "/v1"));

        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage())
                .startsWith("Provider 'lab' could not be reached at 127.0.0.1:" + port)
                .contains("check that the server is running");
    }

    @Test
    void reportsAnUnknownHostAsUnreachable() {
        // .invalid never resolves (RFC 6761).
        DiscoveryException e = failure(provider("lab", "http://no-such-host.invalid/v1"));

        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage())
                .startsWith(
                        "Provider 'lab' could not be reached: the host name"
                                + " 'no-such-host.invalid' is unknown");
    }

    @Test
    void timesOutOnAServerThatNeverAnswers() throws Exception {
        // The kernel accepts the connection into the backlog; nobody ever reads the request.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String baseUrl = "http://127.0.0.1:" + silent.getLocalPort() + "/v1";

            DiscoveryException e = failure(impatient, provider("slow", baseUrl));

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.getMessage())
                    .isEqualTo(
                            "Provider 'slow' did not answer within 0.50 s at "
                                    + baseUrl
                                    + "/models: check that the server is running and not"
                                    + " overloaded, then try again");
        }
    }

    @Test
    void timesOutOnABodyThatStallsHalfway() throws Exception {
        try (FakeUpstream upstream =
                FakeUpstream.stallingAfterHeaders("{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}]}")) {
            DiscoveryException e = failure(impatient, provider("slow", upstream.baseUrl()));

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        }
    }

    @Test
    void refusesABaseUrlThatIsNoHttpAddressWithoutQuotingIt() {
        DiscoveryException e = failure(provider("lab", "ftp://sk-pasted-key@host/v1"));

        assertThat(e.kind()).isEqualTo(Kind.INVALID_SETTINGS);
        assertThat(e.getMessage())
                .startsWith("Provider 'lab' has a base URL that is not a valid http(s) address")
                .doesNotContain("sk-pasted-key");
    }

    @Test
    void namesAHeaderThatCannotBeSentButNotItsValue() {
        ProviderConfig provider =
                new ProviderConfig(
                        "lab",
                        ProviderConfig.TYPE_OPENAI,
                        "http://127.0.0.1:1/v1",
                        Optional.empty(),
                        Map.of("X-Token", "secret-value\nwith-a-break"),
                        List.of(),
                        true);

        DiscoveryException e = failure(provider);

        assertThat(e.kind()).isEqualTo(Kind.INVALID_SETTINGS);
        assertThat(e.getMessage()).contains("'X-Token'").doesNotContain("secret-value");
        assertThat(e.getCause()).isNull();
    }

    private static DiscoveryException failure(ProviderConfig provider) {
        return failure(discovery, provider);
    }

    private static DiscoveryException failure(ModelDiscovery using, ProviderConfig provider) {
        DiscoveryException e =
                catchThrowableOfType(DiscoveryException.class, () -> using.listModels(provider));
        assertThat(e).as("a DiscoveryException").isNotNull();
        return e;
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static ProviderConfig provider(String name, String baseUrl) {
        return new ProviderConfig(
                name,
                ProviderConfig.TYPE_OPENAI,
                baseUrl,
                Optional.empty(),
                Map.of(),
                List.of(),
                true);
    }

    static ProviderConfig providerWithKey(String name, String baseUrl, String key) {
        return new ProviderConfig(
                name,
                ProviderConfig.TYPE_OPENAI,
                baseUrl,
                Optional.of(key),
                Map.of(),
                List.of(),
                true);
    }
}
