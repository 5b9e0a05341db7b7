package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.app.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/health} after real failures: each target's state as the proxy sees it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HealthApiIT {

    @TempDir Path temp;

    private FakeProvider up;
    private FakeProvider busy;
    private FakeProvider locked;
    private Signalbox signalbox;
    private String config;

    @BeforeEach
    void start() throws Exception {
        up = new FakeProvider();
        busy = new FakeProvider().failingChats(429);
        locked = new FakeProvider().failingChats(401);
        signalbox = Signalbox.start(temp.resolve("data"));
        config =
                """
                { "providers": [ { "name": "up", "baseUrl": "%s" }, { "name": "busy", "baseUrl": "%s" },
                                 { "name": "locked", "baseUrl": "%s" } ],
                  "routes": [ { "name": "chat", "targets": [ { "provider": "up", "model": "real-model" } ] },
                              { "name": "busy", "targets": [ { "provider": "busy", "model": "m" } ] },
                              { "name": "locked", "targets": [ { "provider": "locked", "model": "m" } ] } ] }
                """
                        .formatted(up.baseUrl(), busy.baseUrl(), locked.baseUrl());
        ok(signalbox.put("/api/config", config));
    }

    @AfterEach
    void stop() {
        signalbox.close();
        up.close();
        busy.close();
        locked.close();
    }

    private static JsonNode target(JsonNode health, String provider) {
        for (JsonNode target : health.get("targets")) {
            if (target.get("provider").asText().equals(provider)) {
                return target;
            }
        }
        throw new AssertionError("no target of " + provider + " in " + health);
    }

    @Test
    void everyConfiguredTargetIsHealthyAtFirst() throws Exception {
        JsonNode health = signalbox.getJson("/api/health");

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("version").asText())
                .isEqualTo(Version.current())
                .isNotEqualTo("unknown");
        assertThat(health.get("targets"))
                .extracting(t -> t.get("provider").asText() + "/" + t.get("model").asText())
                .containsExactly("busy/m", "locked/m", "up/real-model");
        for (JsonNode target : health.get("targets")) {
            assertThat(target.get("state").asText()).isEqualTo("healthy");
            assertThat(target.get("until").isNull()).isTrue();
        }
    }

    @Test
    void aRateLimitedTargetCoolsAndARejectedKeyIsHeldOutUntilTheConfigChanges() throws Exception {
        Instant before = Instant.now();
        assertThat(signalbox.chat("busy", false).statusCode()).isEqualTo(429);
        assertThat(signalbox.chat("locked", false).statusCode()).isEqualTo(401);

        JsonNode health = signalbox.getJson("/api/health");

        JsonNode cooling = target(health, "busy");
        assertThat(cooling.get("state").asText()).isEqualTo("cooling");
        // The provider said Retry-After: 30.
        assertThat(Instant.parse(cooling.get("until").asText()))
                .isCloseTo(before.plusSeconds(30), within(5, ChronoUnit.SECONDS));
        assertThat(cooling.get("reason").asText()).contains("rate limiting");
        JsonNode heldOut = target(health, "locked");
        assertThat(heldOut.get("state").asText()).isEqualTo("held_out");
        assertThat(heldOut.get("until").isNull()).isTrue();
        assertThat(heldOut.get("reason").asText()).contains("rejected the API key");
        assertThat(target(health, "up").get("state").asText()).isEqualTo("healthy");

        // A new configuration may carry a fixed key: the held-out target gets another chance.
        ok(signalbox.put("/api/config", config));
        JsonNode after = signalbox.getJson("/api/health");
        assertThat(target(after, "locked").get("state").asText()).isEqualTo("healthy");
        assertThat(target(after, "busy").get("state").asText()).isEqualTo("cooling");
    }
}
