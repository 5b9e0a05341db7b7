package io.signalbox.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.usage.AttemptOutcome;
import java.net.http.HttpResponse;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * Three fake providers {@code a}, {@code b}, {@code c} and one proxy per test. A test that hangs
 * fails after 30 s instead of blocking the build.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class ProxyTestBase {

    protected FakeUpstream a;
    protected FakeUpstream b;
    protected FakeUpstream c;
    protected ProxyHarness proxy;

    @BeforeEach
    void startUpstreams() {
        a = FakeUpstream.start("a");
        b = FakeUpstream.start("b");
        c = FakeUpstream.start("c");
    }

    @AfterEach
    void stopAll() {
        // Upstreams first: whatever a test left pending then fails fast, so the proxy stops at
        // once.
        a.close();
        b.close();
        c.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    protected ProxyHarness start(RoutingTable table) {
        proxy = ProxyHarness.start(table);
        return proxy;
    }

    protected ProxyHarness start(RoutingTable table, AccessPolicy access) {
        proxy = ProxyHarness.start(table, access, o -> o);
        return proxy;
    }

    static JsonNode json(HttpResponse<String> response) {
        return Chat.parse(response.body());
    }

    /** The proxy's own error shape, CONTRACT section 3, with the status, type and code given. */
    static void assertProxyError(
            HttpResponse<String> response, int status, String type, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        JsonNode error = json(response).get("error");
        assertThat(error).isNotNull();
        assertThat(error.get("message").isTextual()).isTrue();
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(error.get("code").asText()).isEqualTo(code);
    }

    static void assertAttempt(
            AttemptOutcome attempt,
            FakeUpstream upstream,
            String outcome,
            OptionalInt status,
            boolean committed) {
        assertThat(attempt.provider()).isEqualTo(upstream.name());
        assertThat(attempt.model()).isEqualTo(Config.modelOf(upstream));
        assertThat(attempt.outcome()).isEqualTo(outcome);
        assertThat(attempt.status()).isEqualTo(status);
        assertThat(attempt.committed()).isEqualTo(committed);
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
