package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.chain;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.TargetKey;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.usage.UsageEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failures worth another target are retried in the same client call; caller mistakes are not. */
class FallbackIT extends ProxyTestBase {

    private static final String HI = Chat.request("chat", "Hi");

    @Test
    void fallsBackOn429AndLeavesTheTargetAloneUntilItsRetryAfterPassed() throws Exception {
        a.always(Reply.error(429, "slow down").withHeader("Retry-After", "7"));
        b.always(Reply.json(200, Chat.completion("b-model", "Hello", 12, 9)));
        start(chain("chat", a, b));

        HttpResponse<String> first = proxy.chat(HI);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(Chat.completion("b-model", "Hello", 12, 9));
        assertThat(header(first, "x-signalbox-provider")).isEqualTo("b");
        assertThat(header(first, "x-signalbox-model")).isEqualTo("b-model");
        assertThat(header(first, "x-signalbox-attempts")).isEqualTo("2");
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.attempts()).hasSize(2);
        assertAttempt(usage.attempts().get(0), a, "rate_limited", OptionalInt.of(429), false);
        assertAttempt(usage.attempts().get(1), b, "ok", OptionalInt.of(200), true);
        assertThat(usage.attempts().get(1).attemptNo()).isEqualTo(2);
        assertThat(usage.provider()).contains("b");
        assertThat(usage.usage()).isEqualTo(new UsageCounts(12, 9, 21, 0, 0));

        proxy.clock.advance(Duration.ofMillis(6999));
        HttpResponse<String> cooling = proxy.chat(HI);
        assertThat(header(cooling, "x-signalbox-attempts")).isEqualTo("1");
        assertThat(a.hits()).isEqualTo(1);
        assertThat(b.hits()).isEqualTo(2);

        proxy.clock.advance(Duration.ofMillis(1));
        proxy.chat(HI);
        assertThat(a.hits()).isEqualTo(2);
    }

    @Test
    void a429WithoutRetryAfterCoolsTheTargetForFiveSeconds() throws Exception {
        a.then(Reply.error(429, "slow down"));
        start(chain("chat", a, b));

        proxy.chat(HI);
        proxy.clock.advance(Duration.ofMillis(4999));
        proxy.chat(HI);
        assertThat(a.hits()).isEqualTo(1);

        proxy.clock.advance(Duration.ofMillis(1));
        HttpResponse<String> back = proxy.chat(HI);
        assertThat(header(back, "x-signalbox-provider")).isEqualTo("a");
        assertThat(a.hits()).isEqualTo(2);
        assertThat(b.hits()).isEqualTo(2);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504, 524, 529})
    void fallsBackOnServerErrors(int status) throws Exception {
        a.always(Reply.error(status, "upstream broke"));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(HI);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("b");
        assertThat(header(response, "x-signalbox-attempts")).isEqualTo("2");
        assertThat(a.hits()).isEqualTo(1);
        assertThat(b.hits()).isEqualTo(1);
        UsageEvent usage = proxy.onlyUsage();
        assertAttempt(usage.attempts().get(0), a, "server_error", OptionalInt.of(status), false);
        assertAttempt(usage.attempts().get(1), b, "ok", OptionalInt.of(200), true);
    }

    @Test
    void fallsBackWhenTheConnectionIsRefused() throws Exception {
        RoutingTable table =
                RoutingTable.of(
                        List.of(Config.refusingProvider("down"), Config.provider(b)),
                        List.of(
                                Config.route(
                                        "chat",
                                        List.of(Config.target("down", "m")),
                                        List.of(Config.fallback("b", "b-model")))));
        start(table);

        HttpResponse<String> response = proxy.chat(HI);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("b");
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.attempts().get(0).provider()).isEqualTo("down");
        assertThat(usage.attempts().get(0).outcome()).isEqualTo("connect_failed");
        assertThat(usage.attempts().get(0).status()).isEmpty();
        assertThat(usage.attempts().get(0).committed()).isFalse();
        assertAttempt(usage.attempts().get(1), b, "ok", OptionalInt.of(200), true);
    }

    @Test
    void fallsBackWhenTheFirstByteDoesNotComeInTime() throws Exception {
        a.always(Reply.never());
        start(chain("chat", a, b));

        long started = System.nanoTime();
        HttpResponse<String> response = proxy.chat(HI);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("b");
        assertThat(took).isBetween(Config.FIRST_BYTE, Config.FIRST_BYTE.plusSeconds(3));
        UsageEvent usage = proxy.onlyUsage();
        assertAttempt(usage.attempts().get(0), a, "timeout", OptionalInt.empty(), false);
        assertAttempt(usage.attempts().get(1), b, "ok", OptionalInt.of(200), true);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403})
    void aRejectedProviderKeyHoldsTheTargetOutUntilTheConfigurationChanges(int status)
            throws Exception {
        a.then(Reply.error(status, "Incorrect API key provided"));
        RoutingTable table = chain("chat", a, b);
        start(table);

        HttpResponse<String> first = proxy.chat(HI);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "x-signalbox-provider")).isEqualTo("b");
        assertAttempt(
                proxy.onlyUsage().attempts().get(0),
                a,
                "auth_rejected",
                OptionalInt.of(status),
                false);

        proxy.clock.advance(Duration.ofHours(2));
        proxy.chat(HI);
        assertThat(a.hits()).isEqualTo(1);

        proxy.proxy().update(table);
        HttpResponse<String> afterUpdate = proxy.chat(HI);
        assertThat(header(afterUpdate, "x-signalbox-provider")).isEqualTo("a");
        assertThat(a.hits()).isEqualTo(2);
        assertThat(b.hits()).isEqualTo(2);
    }

    @Test
    void fallsBackWhenTheUpstreamDoesNotKnowTheModel() throws Exception {
        a.always(Reply.error(404, "The model `a-model` does not exist"));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(HI);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("b");
        assertAttempt(
                proxy.onlyUsage().attempts().get(0),
                a,
                "model_not_found",
                OptionalInt.of(404),
                false);
    }

    @Test
    void a200WithAnErrorBodyFallsBack() throws Exception {
        a.always(Reply.json(200, Chat.error("The server had an error", "server_error")));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(HI);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("b");
        assertAttempt(
                proxy.onlyUsage().attempts().get(0), a, "error_event", OptionalInt.of(200), false);
    }

    @Test
    void aBodyThatStallsCountsAsATimeout() throws Exception {
        a.always(Reply.stalled("application/json", "{\"id\":\"chatcmpl-1\","));
        start(chain("chat", a));

        HttpResponse<String> response = proxy.chat(HI);

        // The body stalls past the stream idle timeout (2 s): a timeout, so 504 rather than 502.
        assertProxyError(response, 504, "timeout_error", "upstream_failed");
        assertAttempt(
                proxy.onlyUsage().attempts().get(0), a, "timeout", OptionalInt.of(200), false);
    }

    @Test
    void anErrorAnswerWhoseBodyStallsStillCountsAsItsStatus() throws Exception {
        a.always(Reply.stalled(429, "application/json", "{\"error\":{\"message\":\"slow"));
        b.always(Reply.json(200, Chat.completion("b-model", "Hello", 12, 9)));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(HI);

        // Not a 'timeout': the status line said 429, so it is a rate limit, and b serves.
        assertThat(response.statusCode()).isEqualTo(200);
        assertAttempt(
                proxy.onlyUsage().attempts().get(0), a, "rate_limited", OptionalInt.of(429), false);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 413, 422})
    void callerMistakesGoBackUnchangedAfterOneAttemptAndLeaveTheTargetHealthy(int status)
            throws Exception {
        String body =
                "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"messages\","
                        + "\"code\":\"context_length_exceeded\"}}";
        a.then(
                Reply.json(status, body)
                        .withHeader("Content-Type", "application/json; charset=utf-8"));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(HI);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("a");
        assertThat(header(response, "x-signalbox-attempts")).isEqualTo("1");
        assertThat(a.hits()).isEqualTo(1);
        assertThat(b.hits()).isZero();
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.status()).isEqualTo(status);
        assertThat(usage.attempts())
                .singleElement()
                .satisfies(t -> assertThat(t.outcome()).isEqualTo("caller_error"))
                .satisfies(t -> assertThat(t.status()).hasValue(status));
        assertThat(usage.usage()).isEqualTo(UsageCounts.ZERO);
        assertThat(usage.estimated()).isFalse();
        assertThat(proxy.proxy().health().snapshot(proxy.clock.instant())).isEmpty();
        assertThat(
                        proxy.proxy()
                                .health()
                                .isAvailable(new TargetKey("a", "a-model"), proxy.clock.instant()))
                .isTrue();

        HttpResponse<String> next = proxy.chat(HI);
        assertThat(header(next, "x-signalbox-provider")).isEqualTo("a");
        assertThat(a.hits()).isEqualTo(2);
    }
}
