package io.signalbox.proxy.management;

import static io.signalbox.proxy.management.ApiHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the management handler refuses before it asks the port, and that mounting it leaves the
 * proxy's {@code /v1} as it was.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ManagementGuardIT {

    private static final String AUTH = "Bearer " + ApiHarness.TOKEN;

    private ApiHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = ApiHarness.start();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static void assertError(HttpResponse<String> response, int status, String code)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.has("type")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/config",
        "PUT, /api/config",
        "POST, /api/providers/lab/discover",
        "GET, /api/usage",
        "GET, /api/requests",
        "GET, /api/health",
        "GET, /api/unknown"
    })
    void everyCallNeedsTheToken(String method, String path) throws Exception {
        HttpResponse<String> missing = harness.send(method, path, "{}");
        HttpResponse<String> notBearer =
                harness.send(method, path, "{}", "Authorization", "Basic " + ApiHarness.TOKEN);
        HttpResponse<String> wrong = harness.send(method, path, "{}", "Authorization", AUTH + "x");
        HttpResponse<String> prefix =
                harness.send(method, path, "{}", "Authorization", AUTH.substring(0, 20));

        assertError(missing, 401, "admin_token_missing");
        assertError(notBearer, 401, "admin_token_missing");
        assertError(wrong, 401, "admin_token_invalid");
        assertError(prefix, 401, "admin_token_invalid");
        assertThat(missing.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"signalbox\"");
        assertThat(wrong.body()).doesNotContain(ApiHarness.TOKEN);
        assertThat(harness.api.calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attacker.example",
                "attacker.example:PORT",
                "127.0.0.1.nip.io:PORT",
                "10.0.0.5"
            })
    void aForeignHostIsRefusedEvenWithTheToken(String host) {
        String response = harness.rawGet("/api/health", host.replace("PORT", "8337"));

        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(response).contains("\"code\":\"host_not_allowed\"");
        assertThat(harness.api.calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:8337",
                "127.0.0.1",
                "[::1]:8337",
                "LocalHost",
                "signalbox.lan:8337"
            })
    void loopbackNamesAndAllowedHostsAreServed(String host) {
        String response = harness.rawGet("/api/health", host);

        assertThat(response).startsWith("HTTP/1.1 200");
    }

    @Test
    void aWebPageIsRefusedUnlessItsOriginIsAllowed() throws Exception {
        HttpResponse<String> foreign =
                harness.send(
                        "GET",
                        "/api/health",
                        null,
                        "Authorization",
                        AUTH,
                        "Origin",
                        "http://evil.example");
        HttpResponse<String> allowed =
                harness.send(
                        "GET",
                        "/api/health",
                        null,
                        "Authorization",
                        AUTH,
                        "Origin",
                        ApiHarness.ALLOWED_ORIGIN);

        assertError(foreign, 403, "origin_not_allowed");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                .as("no CORS for the management API")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api",
                "/api/",
                "/api/config/",
                "/api/providers/lab",
                "/api/providers/lab/discover/now",
                "/apis"
            })
    void anUnknownPathIs404(String path) throws Exception {
        HttpResponse<String> response = harness.send("GET", path, null, "Authorization", AUTH);

        if (path.equals("/apis")) {
            // Not under /api: the proxy's own 404, which also names its endpoints.
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).get("error").get("code").asText()).isEqualTo("unknown_url");
            assertThat(response.headers().firstValue("x-request-id")).isPresent();
        } else {
            assertError(response, 404, "unknown_url");
            assertThat(response.headers().firstValue("x-request-id")).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "DELETE, /api/config, 'GET, PUT'",
        "POST, /api/config, 'GET, PUT'",
        "GET, /api/providers/lab/discover, POST",
        "POST, /api/usage, GET",
        "PUT, /api/requests, GET",
        "HEAD, /api/health, GET"
    })
    void theWrongMethodIs405NamingTheRightOnes(String method, String path, String allow)
            throws Exception {
        HttpResponse<String> response = harness.send(method, path, null, "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains(allow);
        if (!method.equals("HEAD")) {
            assertError(response, 405, "method_not_allowed");
        }
        assertThat(harness.api.calls).isEmpty();
    }

    @Test
    void aBodyOverOneMebibyteIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"pad\":\"" + "x".repeat(ManagementHandler.MAX_BODY_BYTES) + "\"}";
        String fits = "{\"pad\":\"" + "x".repeat(ManagementHandler.MAX_BODY_BYTES - 100) + "\"}";

        HttpResponse<String> declared =
                harness.send("PUT", "/api/config", big, "Authorization", AUTH);
        HttpResponse<String> chunked =
                harness.send(
                        HttpRequest.newBuilder(harness.uri("/api/config"))
                                .header("Authorization", AUTH)
                                .PUT(
                                        HttpRequest.BodyPublishers.ofInputStream(
                                                () ->
                                                        new ByteArrayInputStream(
                                                                big.getBytes(
                                                                        StandardCharsets.UTF_8))))
                                .build());
        HttpResponse<String> small =
                harness.send("PUT", "/api/config", fits, "Authorization", AUTH);

        assertError(declared, 413, "request_too_large");
        assertError(chunked, 413, "request_too_large");
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(harness.api.calls).containsExactly(fits);
    }

    @Test
    void theProxyStillServesV1BesideTheManagementApi() throws Exception {
        HttpResponse<String> models = harness.send("GET", "/v1/models", null);

        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(json(models).get("data").get(0).get("id").asText()).isEqualTo("chat");
    }

    @Test
    void withoutTheManagementApiApiPathsAreUnknownProxyEndpoints() throws Exception {
        try (ApiHarness bare = ApiHarness.withoutManagement()) {
            HttpResponse<String> response = bare.get("/api/health");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).get("error").get("message").asText())
                    .contains("/v1/chat/completions");
        }
    }

    /**
     * Management calls may block for seconds (a slow provider's model list). They hold worker
     * threads, never the network threads, so /v1 keeps answering meanwhile.
     */
    @Test
    void blockedManagementCallsDoNotHoldUpTheProxy() throws Exception {
        harness.api.close();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            held.add(clients.submit(() -> harness.get("/api/health")));
        }
        while (harness.api.calls.size() < held.size()) {
            // Until every call reached the port and occupies a proxy thread (bounded by @Timeout).
            Thread.onSpinWait();
        }

        for (int i = 0; i < 20; i++) {
            assertThat(harness.send("GET", "/v1/models", null).statusCode()).isEqualTo(200);
        }
        assertThat(held).noneMatch(Future::isDone);

        harness.api.open();
        for (Future<HttpResponse<String>> call : held) {
            assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        clients.shutdown();
    }
}
