package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.chain;
import static io.signalbox.proxy.it.StreamingIT.goodStream;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.access.Caller;
import io.signalbox.proxy.usage.UsageEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A key's daily token limit over real HTTP: requests under it pass, a warning header from 80% on,
 * and once the tokens the upstream reported reach it, a 429 without calling the upstream, streamed
 * or not. The proxy's clock is in UTC, so its day starts at 00:00 UTC ({@link ProxyHarness#T0}).
 */
class DailyTokenLimitIT extends ProxyTestBase {

    private static final String ALICE = "sk-sb-alice-0123456789";
    private static final String BOB = "sk-sb-bob-0123456789ab";

    /** Each plain call costs 60 + 40 = 100 tokens, as the upstream reports. */
    private static final String HUNDRED_TOKENS = Chat.completion("a-model", "Hi", 60, 40);

    /** What the store says each key used today, and when the proxy asked. */
    private final Map<String, Long> stored = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<Instant> seedsSince = new CopyOnWriteArrayList<>();

    /** alice may use 250 tokens a day; bob has no limit. */
    private final AccessPolicy keys =
            new AccessPolicy() {
                @Override
                public boolean keysRequired() {
                    return true;
                }

                @Override
                public Optional<Caller> authenticate(String presentedKey) {
                    return switch (presentedKey) {
                        case ALICE ->
                                Optional.of(
                                        new Caller(
                                                Optional.of("alice"),
                                                Set.of(),
                                                OptionalLong.of(250)));
                        case BOB -> Optional.of(new Caller(Optional.of("bob"), Set.of()));
                        default -> Optional.empty();
                    };
                }

                @Override
                public Map<String, Long> tokensUsedSince(Instant since) {
                    seedsSince.add(since);
                    return Map.copyOf(stored);
                }
            };

    private HttpResponse<String> chatAs(String key) throws Exception {
        return proxy.chat(Chat.request("chat", "Hi"), "Authorization", "Bearer " + key);
    }

    @Test
    void underTheLimitCallsPassThenAWarningThenA429WithoutCallingTheUpstream() throws Exception {
        a.always(Reply.json(200, HUNDRED_TOKENS));
        start(chain("chat", a), keys);

        HttpResponse<String> first = chatAs(ALICE);
        proxy.nextUsage();
        HttpResponse<String> second = chatAs(ALICE);
        proxy.nextUsage();
        HttpResponse<String> third = chatAs(ALICE);
        UsageEvent over = proxy.nextUsage();
        HttpResponse<String> refused = chatAs(ALICE);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "x-signalbox-key-tokens-remaining")).isNull();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(header(second, "x-signalbox-key-tokens-remaining"))
                .as("100 of 250 used: below 80%")
                .isNull();
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(header(third, "x-signalbox-key-tokens-remaining"))
                .as("200 of 250 used before it: 80%, a warning")
                .isEqualTo("50");
        assertThat(over.usage().totalTokens()).isEqualTo(100);
        assertProxyError(refused, 429, "insufficient_quota", "daily_token_limit_reached");
        assertThat(json(refused).at("/error/message").asText())
                .contains("'alice'", "daily limit of 250 tokens", "300 used today");
        assertThat(header(refused, "x-signalbox-key-tokens-remaining")).isEqualTo("0");
        assertThat(header(refused, "x-should-retry")).isEqualTo("false");
        assertThat(header(refused, "Retry-After"))
                .as("until midnight UTC, a day after T0")
                .isEqualTo(String.valueOf(Duration.ofDays(1).toSeconds()));
        assertThat(a.hits()).as("the refused call never reached the upstream").isEqualTo(3);
        UsageEvent logged = proxy.onlyUsage();
        assertThat(logged.status()).isEqualTo(429);
        assertThat(logged.accessKeyName()).contains("alice");
        assertThat(logged.attempts()).isEmpty();
        assertThat(logged.usage().totalTokens()).isZero();
    }

    @Test
    void streamedUsageCountsTooAndAStreamedCallIsRefusedWithAPlainError() throws Exception {
        a.always(goodStream(a)); // reports 12 + 9 = 21 tokens
        start(chain("chat", a), keys);
        stored.put("alice", 230L);
        proxy.proxy().update(proxy.proxy().routingTable()); // a configuration change seeds again

        try (SseStream stream =
                proxy.stream(
                        Chat.streamRequest("chat", "Hi", null),
                        "Authorization",
                        "Bearer " + ALICE)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("x-signalbox-key-tokens-remaining")).isEqualTo("20");
            stream.rest();
        }
        assertThat(proxy.nextUsage().usage().totalTokens()).isEqualTo(21);
        HttpResponse<String> refused =
                proxy.chat(
                        Chat.streamRequest("chat", "Hi", null), "Authorization", "Bearer " + ALICE);

        assertProxyError(refused, 429, "insufficient_quota", "daily_token_limit_reached");
        assertThat(a.hits()).isEqualTo(1);
        assertThat(proxy.proxy().keyTokensToday().usedToday("alice")).isEqualTo(251);
    }

    @Test
    void theStoredCountOfTheDaySurvivesARestartAndTheLimitLiftsAtMidnight() throws Exception {
        a.always(Reply.json(200, HUNDRED_TOKENS));
        stored.put("alice", 260L);
        start(chain("chat", a), keys);

        HttpResponse<String> refused = chatAs(ALICE);
        HttpResponse<String> otherKey = chatAs(BOB);
        proxy.clock.advance(Duration.ofDays(1));
        HttpResponse<String> nextDay = chatAs(ALICE);

        assertThat(seedsSince).first().isEqualTo(ProxyHarness.T0);
        assertProxyError(refused, 429, "insufficient_quota", "daily_token_limit_reached");
        assertThat(otherKey.statusCode()).as("a key without a limit").isEqualTo(200);
        assertThat(nextDay.statusCode()).isEqualTo(200);
        assertThat(a.hits()).isEqualTo(2);
    }
}
