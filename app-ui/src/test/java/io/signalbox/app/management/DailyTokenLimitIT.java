package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.json;
import static io.signalbox.app.management.Signalbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An access key's daily token limit in the whole app: set and read through {@code /api/config},
 * enforced by the proxy after the tokens the provider reported (plain and streamed) reach it, and
 * still enforced after a restart on the same data dir, which reads the day's count from the store.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DailyTokenLimitIT {

    private static final String ALICE_KEY = "sk-sb-alice-0123456789abcdef";
    private static final String BOB_KEY = "sk-sb-bob-0123456789abcdefgh";

    /** A plain call costs 13 + 8 = 21 tokens, a streamed one 21 + 5 = 26: two calls pass 40. */
    private static final long LIMIT = 40;

    @TempDir Path temp;

    private FakeProvider up;
    private Signalbox signalbox;

    @BeforeEach
    void start() throws Exception {
        up = new FakeProvider();
        signalbox = Signalbox.start(temp.resolve("data"));
        ok(
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "up", "baseUrl": "%s" } ],
                          "routes": [ { "name": "chat", "targets": [ { "provider": "up", "model": "m" } ] } ],
                          "accessKeys": [ { "name": "alice", "key": "%s", "dailyTokenLimit": %d },
                                          { "name": "bob", "key": "%s" } ] }
                        """
                                .formatted(up.baseUrl(), ALICE_KEY, LIMIT, BOB_KEY)));
    }

    @AfterEach
    void stop() {
        signalbox.close();
        up.close();
    }

    private HttpResponse<String> chat(String key, boolean stream) throws Exception {
        return signalbox.chat("chat", stream, "Authorization", "Bearer " + key);
    }

    /**
     * Waits, with a deadline, until the store holds {@code tokens} for alice: the proxy counted
     * them before it handed the call to the request log, so its count is there too.
     */
    private void awaitStoredTokens(long tokens) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (storedTokens() != tokens) {
            assertThat(System.nanoTime()).as("alice's tokens in the store").isLessThan(deadline);
            Thread.sleep(20); // between polls only; the deadline is what counts
        }
    }

    private long storedTokens() throws Exception {
        for (JsonNode row : signalbox.getJson("/api/usage?groupBy=key").get("rows")) {
            if (row.get("group").asText().equals("alice")) {
                return row.get("totalTokens").asLong();
            }
        }
        return 0;
    }

    @Test
    void theLimitTravelsWithTheConfigurationAndIsCheckedOnEveryPut() throws Exception {
        JsonNode keys = signalbox.getJson("/api/config").get("accessKeys");
        assertThat(keys.get(0).get("dailyTokenLimit").asLong()).isEqualTo(LIMIT);
        assertThat(keys.get(1).has("dailyTokenLimit")).as("absent means no limit").isFalse();

        ObjectNode zero = (ObjectNode) signalbox.getJson("/api/config");
        ((ObjectNode) zero.get("accessKeys").get(0)).put("dailyTokenLimit", 0);
        HttpResponse<String> refused = signalbox.put("/api/config", zero.toString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("errors").get(0).get("path").asText())
                .isEqualTo("accessKeys[0].dailyTokenLimit");
        assertThat(
                        signalbox
                                .getJson("/api/config")
                                .get("accessKeys")
                                .get(0)
                                .get("dailyTokenLimit")
                                .asLong())
                .isEqualTo(LIMIT);
    }

    @Test
    void plainAndStreamedTokensReachTheLimitThenA429AlsoAfterARestart() throws Exception {
        HttpResponse<String> plain = chat(ALICE_KEY, false);
        awaitStoredTokens(21);
        HttpResponse<String> streamed = chat(ALICE_KEY, true);
        awaitStoredTokens(47);
        HttpResponse<String> refused = chat(ALICE_KEY, false);
        HttpResponse<String> bob = chat(BOB_KEY, false);

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("x-signalbox-key-tokens-remaining"))
                .as("21 of 40 used before it: below 80%")
                .isEmpty();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("daily_token_limit_reached");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(bob.statusCode()).isEqualTo(200);
        assertThat(up.chatCalls.get()).as("the refused call was not sent upstream").isEqualTo(3);

        signalbox.close();
        signalbox = Signalbox.start(temp.resolve("data"));
        HttpResponse<String> afterRestart = chat(ALICE_KEY, true);

        assertThat(afterRestart.statusCode()).as(afterRestart.body()).isEqualTo(429);
        assertThat(json(afterRestart).at("/error/message").asText()).contains("47 used today");
        assertThat(up.chatCalls.get()).isEqualTo(3);
        assertThat(chat(BOB_KEY, false).statusCode()).isEqualTo(200);
    }
}
