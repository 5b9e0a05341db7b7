package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens-per-minute limits through the whole app: set with {@code PUT /api/config}, kept by {@code
 * GET /api/config}, enforced by the running proxy, and each limited model's use shown live in
 * {@code /api/health}. Every chat call of the fake provider costs 13 + 8 = 21 tokens.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TpmLimitApiIT {

    private static final int TOKENS_PER_CALL =
            FakeProvider.PLAIN_PROMPT_TOKENS + FakeProvider.PLAIN_COMPLETION_TOKENS;

    @TempDir Path temp;

    private FakeProvider limited;
    private FakeProvider spare;
    private Signalbox signalbox;

    @BeforeEach
    void start() throws Exception {
        limited = new FakeProvider();
        spare = new FakeProvider();
        signalbox = Signalbox.start(temp.resolve("data"));
        ok(
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "limited", "baseUrl": "%s" },
                                         { "name": "spare", "baseUrl": "%s" } ],
                          "routes": [
                            { "name": "chat",
                              "targets": [ { "provider": "limited", "model": "m", "tpmLimit": 30 } ],
                              "fallbacks": [ { "provider": "spare", "model": "m", "tpmLimit": 5000 } ] } ] }
                        """
                                .formatted(limited.baseUrl(), spare.baseUrl())));
    }

    @AfterEach
    void stop() {
        signalbox.close();
        limited.close();
        spare.close();
    }

    private static String provider(HttpResponse<String> response) {
        return response.headers().firstValue("x-signalbox-provider").orElse(null);
    }

    private JsonNode target(String provider) throws Exception {
        for (JsonNode target : signalbox.getJson("/api/health").get("targets")) {
            if (target.get("provider").asText().equals(provider)) {
                return target;
            }
        }
        throw new AssertionError("no target of " + provider);
    }

    /** Tokens are counted as a call ends, just after its answer: wait for the count to show. */
    private void awaitUsed(String provider, long used) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (target(provider).path("tpmUsed").asLong() != used) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        provider + " never showed " + used + ": " + target(provider));
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void theLimitIsStoredEnforcedAndShownInHealth() throws Exception {
        JsonNode stored = signalbox.getJson("/api/config").at("/routes/0");
        assertThat(stored.at("/targets/0/tpmLimit").asLong()).isEqualTo(30);
        assertThat(stored.at("/targets/0").has("weight"))
                .as("a weight left out next to a limit stays out")
                .isFalse();
        assertThat(stored.at("/fallbacks/0/tpmLimit").asLong()).isEqualTo(5000);
        JsonNode before = target("limited");
        assertThat(before.get("tpmLimit").asLong()).isEqualTo(30);
        assertThat(before.get("tpmUsed").asLong()).isZero();

        HttpResponse<String> first = signalbox.chat("chat", false);
        awaitUsed("limited", TOKENS_PER_CALL);
        HttpResponse<String> second = signalbox.chat("chat", false);
        awaitUsed("limited", 2L * TOKENS_PER_CALL);
        HttpResponse<String> third = signalbox.chat("chat", false);
        awaitUsed("spare", TOKENS_PER_CALL);

        assertThat(provider(first)).isEqualTo("limited");
        assertThat(provider(second)).as("21 of 30 used: still under").isEqualTo("limited");
        assertThat(provider(third)).as("42 of 30 used: the fallback serves").isEqualTo("spare");
        JsonNode atLimit = target("limited");
        assertThat(atLimit.get("state").asText())
                .as("its health is its own; the limit shows in tpmUsed")
                .isEqualTo("healthy");
        assertThat(atLimit.get("tpmUsed").asLong()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void anInvalidLimitIsRefusedWithItsPathAndChangesNothing() throws Exception {
        HttpResponse<String> refused =
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "limited", "baseUrl": "%s" } ],
                          "routes": [ { "name": "chat",
                            "targets": [ { "provider": "limited", "model": "m", "tpmLimit": 0 } ] } ] }
                        """
                                .formatted(limited.baseUrl()));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = Signalbox.json(refused).at("/errors/0");
        assertThat(problem.get("path").asText()).isEqualTo("routes[0].targets[0].tpmLimit");
        assertThat(problem.get("message").asText()).contains("from 1 to");
        assertThat(signalbox.getJson("/api/config").at("/routes/0/fallbacks/0/tpmLimit").asLong())
                .isEqualTo(5000);
    }
}
