package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.usage.AttemptOutcome;
import io.signalbox.proxy.usage.UsageEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When no target serves a call: the final status, and answering at once when all are out. */
class ExhaustedIT extends ProxyTestBase {

    private static final String HI = Chat.request("chat", "Hi");

    @Test
    void everyTargetUnreachableIs502AndTellsSdksNotToRetry() throws Exception {
        RoutingTable table =
                RoutingTable.of(
                        List.of(Config.refusingProvider("p1"), Config.refusingProvider("p2")),
                        List.of(
                                Config.route(
                                        "chat",
                                        List.of(Config.target("p1", "m1")),
                                        List.of(Config.fallback("p2", "m2")))));
        start(table);

        HttpResponse<String> response = proxy.chat(HI);

        assertProxyError(response, 502, "server_error", "upstream_failed");
        assertThat(header(response, "x-should-retry")).isEqualTo("false");
        assertThat(header(response, "x-signalbox-route")).isEqualTo("chat");
        assertThat(header(response, "x-signalbox-attempts")).isEqualTo("2");
        assertThat(header(response, "x-signalbox-provider")).isNull();
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.status()).isEqualTo(502);
        assertThat(usage.provider()).isEmpty();
        assertThat(usage.attempts())
                .extracting(AttemptOutcome::provider, AttemptOutcome::outcome)
                .containsExactly(tuple("p1", "connect_failed"), tuple("p2", "connect_failed"));
        assertThat(usage.usage()).isEqualTo(UsageCounts.ZERO);
        assertThat(usage.estimated()).isFalse();
        assertThat(usage.error()).isPresent();
    }

    @Test
    void aTimeoutAsTheLastFailureIs504() throws Exception {
        b.always(Reply.never());
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

        assertProxyError(response, 504, "timeout_error", "upstream_failed");
        assertThat(header(response, "x-should-retry")).isEqualTo("false");
        assertThat(proxy.onlyUsage().attempts())
                .extracting(AttemptOutcome::outcome)
                .containsExactly("connect_failed", "timeout");
    }

    @Test
    void theTotalDeadlineShortensTheLastAttemptAndStopsTheChain() throws Exception {
        a.always(Reply.never());
        b.always(Reply.never());
        proxy =
                ProxyHarness.start(
                        chain("chat", a, b, c),
                        AccessPolicy.OPEN,
                        o ->
                                o.withTimeouts(
                                        o.connectTimeout(),
                                        o.streamIdleTimeout(),
                                        Duration.ofMillis(1200)));

        long started = System.nanoTime();
        HttpResponse<String> response = proxy.chat(HI);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // a waits its full second, b only the 0.2 s left (2 s in all if it waited its own second);
        // then the deadline has passed and c is never tried.
        assertProxyError(response, 504, "timeout_error", "upstream_failed");
        assertThat(took).isBetween(Duration.ofMillis(1200), Duration.ofMillis(1900));
        assertThat(a.hits()).isEqualTo(1);
        assertThat(b.hits()).isEqualTo(1);
        assertThat(c.hits()).isZero();
        assertThat(proxy.onlyUsage().attempts())
                .extracting(AttemptOutcome::outcome)
                .containsExactly("timeout", "timeout");
    }

    @ParameterizedTest(name = "{0} then {1} gives {1}")
    @CsvSource({"500, 503, server_error", "503, 500, server_error", "502, 401, server_error"})
    void theLastUpstreamStatusIsTheAnswer(int first, int last, String type) throws Exception {
        a.always(Reply.error(first, "first failed"));
        b.always(Reply.error(last, "last failed"));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(HI);

        assertProxyError(response, last, type, "upstream_failed");
        assertThat(header(response, "x-should-retry")).isEqualTo("false");
        assertThat(header(response, "x-signalbox-attempts")).isEqualTo("2");
        assertThat(a.hits()).isEqualTo(1);
        assertThat(b.hits()).isEqualTo(1);
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.status()).isEqualTo(last);
        assertThat(usage.attempts())
                .extracting(t -> t.status().getAsInt())
                .containsExactly(first, last);
        assertThat(usage.attempts()).noneMatch(AttemptOutcome::committed);
    }

    @Test
    void whenEveryTargetIsCoolingTheAnswerIs429AtOnceWithWholeSecondsRetryAfter() throws Exception {
        a.always(Reply.error(429, "slow down").withHeader("Retry-After", "30"));
        b.then(Reply.error(429, "slow down").withHeader("Retry-After", "2.5"));
        start(chain("chat", a, b));

        HttpResponse<String> failed = proxy.chat(HI);
        assertProxyError(failed, 429, "rate_limit_error", "upstream_failed");
        assertThat(header(failed, "Retry-After")).isEqualTo("2.5");
        assertThat(header(failed, "x-should-retry")).isEqualTo("false");
        proxy.nextUsage();

        HttpResponse<String> out = proxy.chat(HI);

        assertProxyError(out, 429, "rate_limit_error", "no_target_available");
        // b comes back first, after 2.5 s: rounded up to whole seconds.
        assertThat(header(out, "Retry-After")).isEqualTo("3");
        assertThat(header(out, "x-should-retry")).isEqualTo("false");
        assertThat(header(out, "x-signalbox-attempts")).isEqualTo("0");
        assertThat(a.hits()).isEqualTo(1);
        assertThat(b.hits()).isEqualTo(1);
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.status()).isEqualTo(429);
        assertThat(usage.attempts()).isEmpty();
        assertThat(usage.usage()).isEqualTo(UsageCounts.ZERO);

        proxy.clock.advance(Duration.ofMillis(2500));
        HttpResponse<String> back = proxy.chat(HI);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(header(back, "x-signalbox-provider")).isEqualTo("b");
        assertThat(a.hits()).isEqualTo(1);
    }

    @Test
    void whenTheOnlyTargetIsEjectedTheAnswerIs503AtOnceWithRetryAfter() throws Exception {
        a.always(Reply.error(500, "broken"));
        start(chain("chat", a));

        for (int i = 0; i < 3; i++) {
            assertThat(proxy.chat(HI).statusCode()).isEqualTo(500);
        }
        HttpResponse<String> out = proxy.chat(HI);

        assertProxyError(out, 503, "server_error", "no_target_available");
        assertThat(header(out, "Retry-After")).isEqualTo("5");
        assertThat(header(out, "x-should-retry")).isEqualTo("false");
        assertThat(a.hits()).isEqualTo(3);
    }

    @Test
    void whenTheOnlyTargetIsHeldOutTheAnswerIs503WithoutRetryAfter() throws Exception {
        a.always(Reply.error(401, "Incorrect API key provided"));
        start(chain("chat", a));

        assertThat(proxy.chat(HI).statusCode()).isEqualTo(401);
        HttpResponse<String> out = proxy.chat(HI);

        assertProxyError(out, 503, "server_error", "no_target_available");
        assertThat(header(out, "Retry-After")).isNull();
        assertThat(a.hits()).isEqualTo(1);
    }
}
