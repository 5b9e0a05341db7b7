package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.StreamingIT.goodStream;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.routing.MatchRule;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Target;
import io.signalbox.proxy.routing.TargetKey;
import io.signalbox.proxy.routing.TpmUse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Tokens-per-minute limits over real HTTP: the tokens an upstream reports fill its model's window;
 * a model at its limit is skipped until the window frees up (the clock is moved, nothing sleeps),
 * and when every target is at its limit the client gets 429 with Retry-After.
 */
class TpmLimitIT extends ProxyTestBase {

    /** Each plain call costs 60 + 40 = 100 tokens, as the upstream reports. */
    private static String hundredTokens(FakeUpstream upstream) {
        return Chat.completion(Config.modelOf(upstream), "Hi", 60, 40);
    }

    private static Target limited(FakeUpstream upstream, long limit, int weight) {
        return new Target(
                upstream.name(),
                Config.modelOf(upstream),
                weight,
                true,
                MatchRule.ANY,
                OptionalLong.of(limit));
    }

    private RoutingTable table(List<Target> targets, List<Target> fallbacks) {
        return RoutingTable.of(
                List.of(Config.provider(a), Config.provider(b)),
                List.of(Config.route("chat", targets, fallbacks)));
    }

    private HttpResponse<String> chat() throws Exception {
        HttpResponse<String> response = proxy.chat(Chat.request("chat", "Hi"));
        proxy.nextUsage(); // the call's tokens are counted when it ends, before its usage event
        return response;
    }

    @Test
    void aTargetAtItsLimitIsSkippedThenEveryTargetOutIs429ThenTheWindowFreesUp() throws Exception {
        a.always(Reply.json(200, hundredTokens(a)));
        b.always(Reply.json(200, hundredTokens(b)));
        start(table(List.of(limited(a, 150, 100)), List.of(limited(b, 100, 0))));

        HttpResponse<String> first = chat();
        HttpResponse<String> second = chat();
        proxy.clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> third = chat();
        TpmUse aUse = proxy.proxy().tpmLimits().snapshot(proxy.clock.instant()).get(key(a));
        HttpResponse<String> refused = chat();
        proxy.clock.advance(Duration.ofSeconds(50));
        HttpResponse<String> freed = chat();

        assertThat(header(first, "x-signalbox-provider")).isEqualTo("a");
        assertThat(header(second, "x-signalbox-provider"))
                .as("a sent 100 of 150: still under its limit")
                .isEqualTo("a");
        assertThat(header(third, "x-signalbox-provider"))
                .as("a sent 200 of 150: its fallback serves")
                .isEqualTo("b");
        assertThat(aUse).isEqualTo(new TpmUse(150, 200));
        assertProxyError(refused, 429, "rate_limit_error", "no_target_available");
        assertThat(header(refused, "x-should-retry")).isEqualTo("false");
        assertThat(header(refused, "Retry-After"))
                .as("a's window frees up 60 s after its first calls, 50 s from now")
                .isEqualTo("50");
        assertThat(header(freed, "x-signalbox-provider")).isEqualTo("a");
        assertThat(a.hits()).isEqualTo(3);
        assertThat(b.hits()).isEqualTo(1);
    }

    @Test
    void streamedUsageFillsTheWindowToo() throws Exception {
        a.always(goodStream(a)); // reports 12 + 9 = 21 tokens
        b.always(Reply.json(200, hundredTokens(b)));
        start(table(List.of(limited(a, 21, 100)), List.of(Config.fallback("b", "b-model"))));

        try (SseStream stream = proxy.stream(Chat.streamRequest("chat", "Hi", null))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("a");
            stream.rest();
        }
        proxy.nextUsage();
        HttpResponse<String> next = chat();

        assertThat(proxy.proxy().tpmLimits().used(key(a), proxy.clock.instant())).isEqualTo(21);
        assertThat(header(next, "x-signalbox-provider")).isEqualTo("b");
    }

    @Test
    void theEstimateCountsWhenTheUpstreamReportsNoUsage() throws Exception {
        a.always(
                Reply.json(
                        200,
                        """
                        {"id":"x","object":"chat.completion","model":"a-model",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},
                                     "finish_reason":"stop"}]}"""));
        start(table(List.of(limited(a, 1_000_000, 100)), List.of()));

        chat();

        assertThat(proxy.proxy().tpmLimits().used(key(a), proxy.clock.instant())).isPositive();
    }

    private static TargetKey key(FakeUpstream upstream) {
        return new TargetKey(upstream.name(), Config.modelOf(upstream));
    }
}
