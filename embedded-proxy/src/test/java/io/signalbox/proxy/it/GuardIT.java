package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.chain;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.access.AccessPolicy;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests the proxy answers itself, before any upstream is called. */
class GuardIT extends ProxyTestBase {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"model\":\"chat\",",
                "[{\"model\":\"chat\"}]",
                "{\"messages\":[]}",
                "{\"model\":null}",
                "{\"model\":42}",
                "{\"model\":\" \"}",
                ""
            })
    void aBodyThatIsNotAnObjectWithAModelIs400(String body) throws Exception {
        start(chain("chat", a));

        assertProxyError(proxy.chat(body), 400, "invalid_request_error", "invalid_request");
        assertThat(a.hits()).isZero();
        proxy.assertNoUsage();
    }

    @Test
    void anUnknownEndpointIs404() throws Exception {
        start(chain("chat", a));

        assertProxyError(
                proxy.post("/v1/images/generations", Chat.request("chat", "Hi")),
                404,
                "invalid_request_error",
                "unknown_url");
    }

    @Test
    void theWrongMethodIs405() throws Exception {
        start(chain("chat", a));

        assertProxyError(
                proxy.get("/v1/chat/completions"),
                405,
                "invalid_request_error",
                "method_not_allowed");
        assertProxyError(
                proxy.post("/v1/models", "{}"), 405, "invalid_request_error", "method_not_allowed");
        assertThat(a.hits()).isZero();
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        proxy =
                ProxyHarness.start(
                        chain("chat", a), AccessPolicy.OPEN, o -> o.withMaxBodyBytes(1024));
        String big = Chat.request("chat", "x".repeat(2000));

        HttpResponse<String> declared = proxy.chat(big);
        HttpResponse<String> chunked =
                proxy.send(
                        HttpRequest.newBuilder(proxy.uri("/v1/chat/completions"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofInputStream(
                                                () ->
                                                        new ByteArrayInputStream(
                                                                big.getBytes(
                                                                        StandardCharsets.UTF_8))))
                                .build());
        HttpResponse<String> small = proxy.chat(Chat.request("chat", "x".repeat(900)));

        assertProxyError(declared, 413, "invalid_request_error", "request_too_large");
        assertProxyError(chunked, 413, "invalid_request_error", "request_too_large");
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(a.hits()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attacker.example",
                "attacker.example:PORT",
                "127.0.0.1.nip.io:PORT",
                "10.0.0.5:PORT"
            })
    void aForeignHostHeaderIs403(String host) throws Exception {
        start(chain("chat", a));

        String response = rawChat(host.replace("PORT", String.valueOf(proxy.port())));

        assertThat(RawHttp.status(response)).isEqualTo(403);
        assertThat(response)
                .contains("\"code\":\"host_not_allowed\"", "\"type\":\"permission_error\"");
        assertThat(response.toLowerCase()).contains("content-type: application/json");
        assertThat(a.hits()).isZero();
    }

    @Test
    void anEmptyHostHeaderIsRefusedInTheOpenAiShape() throws Exception {
        start(chain("chat", a));

        String response = rawChat("");

        // Jetty refuses it before the proxy's own check (which would say 403 host_not_allowed).
        assertThat(RawHttp.status(response)).isEqualTo(400);
        assertThat(response).contains("\"error\":{").doesNotContain("<html");
        assertThat(a.hits()).isZero();
    }

    @Test
    void aRequestWithoutHostIsRefusedInTheOpenAiShape() throws Exception {
        start(chain("chat", a));
        String body = Chat.request("chat", "Hi");
        String withoutHost =
                "POST /v1/chat/completions HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: "
                        + body.length()
                        + "\r\nConnection: close\r\n\r\n"
                        + body;
        // HTTP/1.0 does not require Host, so Jetty lets it through to the proxy's own check.
        String oldWithoutHost = withoutHost.replace("HTTP/1.1", "HTTP/1.0");

        String refused;
        try (RawHttp client = RawHttp.connect(proxy.port())) {
            refused = client.send(withoutHost).readAll();
        }
        String oldRefused;
        try (RawHttp client = RawHttp.connect(proxy.port())) {
            oldRefused = client.send(oldWithoutHost).readAll();
        }

        assertThat(RawHttp.status(refused)).isEqualTo(400);
        assertThat(refused).contains("\"error\":{").doesNotContain("<html");
        assertThat(RawHttp.status(oldRefused)).isEqualTo(403);
        assertThat(oldRefused).contains("\"code\":\"host_not_allowed\"");
        assertThat(a.hits()).isZero();
    }

    @Test
    void byDefaultNoBrowserOriginIsAllowedAndNoneIsEchoed() throws Exception {
        start(chain("chat", a));

        HttpResponse<String> page =
                proxy.chat(Chat.request("chat", "Hi"), "Origin", "http://localhost:5173");
        HttpResponse<String> preflight = preflight("http://localhost:5173");

        assertProxyError(page, 403, "permission_error", "origin_not_allowed");
        assertThat(header(page, "Access-Control-Allow-Origin")).isNull();
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(a.hits()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:PORT",
                "127.0.0.1:PORT",
                "[::1]:PORT",
                "LOCALHOST",
                "signalbox.lan:PORT"
            })
    void loopbackNamesAndConfiguredHostsAreServed(String host) throws Exception {
        proxy =
                ProxyHarness.start(
                        chain("chat", a),
                        AccessPolicy.OPEN,
                        o -> ProxyHarness.withAllowed(o, Set.of("signalbox.lan"), Set.of()));

        String response = rawChat(host.replace("PORT", String.valueOf(proxy.port())));

        assertThat(RawHttp.status(response)).isEqualTo(200);
        assertThat(a.hits()).isEqualTo(1);
    }

    @Test
    void aBrowserOriginIs403UnlessAllowed() throws Exception {
        proxy =
                ProxyHarness.start(
                        chain("chat", a),
                        AccessPolicy.OPEN,
                        o ->
                                ProxyHarness.withAllowed(
                                        o, Set.of(), Set.of("http://localhost:5173")));

        HttpResponse<String> foreign =
                proxy.chat(Chat.request("chat", "Hi"), "Origin", "https://evil.example");
        HttpResponse<String> allowed =
                proxy.chat(Chat.request("chat", "Hi"), "Origin", "http://localhost:5173");

        assertProxyError(foreign, 403, "permission_error", "origin_not_allowed");
        assertThat(header(foreign, "Access-Control-Allow-Origin")).isNull();
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(header(allowed, "Access-Control-Allow-Origin"))
                .isEqualTo("http://localhost:5173");
        assertThat(header(allowed, "Access-Control-Expose-Headers")).contains("x-request-id");
        assertThat(header(allowed, "Access-Control-Allow-Private-Network")).isNull();
        assertThat(a.hits()).isEqualTo(1);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredAndOthersAreRefused() throws Exception {
        proxy =
                ProxyHarness.start(
                        chain("chat", a),
                        AccessPolicy.OPEN,
                        o ->
                                ProxyHarness.withAllowed(
                                        o, Set.of(), Set.of("http://localhost:5173")));

        HttpResponse<String> allowed = preflight("http://localhost:5173");
        HttpResponse<String> foreign = preflight("https://evil.example");

        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(header(allowed, "Access-Control-Allow-Origin"))
                .isEqualTo("http://localhost:5173");
        assertThat(header(allowed, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(header(allowed, "Access-Control-Allow-Headers")).contains("authorization");
        assertProxyError(foreign, 403, "permission_error", "origin_not_allowed");
        assertThat(a.hits()).isZero();
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return proxy.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(
                                        "http://127.0.0.1:"
                                                + proxy.port()
                                                + "/v1/chat/completions"))
                        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .build());
    }

    private String rawChat(String host) throws Exception {
        try (RawHttp client = RawHttp.connect(proxy.port())) {
            return client.send(
                            RawHttp.post("/v1/chat/completions", host, Chat.request("chat", "Hi")))
                    .readAll();
        }
    }
}
