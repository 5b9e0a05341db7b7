package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.json;
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
 * Canaries through the whole app: set with {@code PUT /api/config}, demoted by the running proxy
 * when the fake canary provider fails, the decision stored in H2 and shown by {@code GET
 * /api/canaries} (also after a restart), and promote and roll back over the API.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CanaryApiIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir Path temp;

    private FakeProvider stable;
    private FakeProvider next;
    private Signalbox signalbox;

    @BeforeEach
    void start() throws Exception {
        stable = new FakeProvider();
        next = new FakeProvider();
        signalbox = Signalbox.start(temp.resolve("data"));
        ok(signalbox.put("/api/config", config(50, 6)));
    }

    private String config(int share, int minRequests) {
        return """
            { "providers": [ { "name": "stable", "baseUrl": "%s" },
                             { "name": "next", "baseUrl": "%s" } ],
              "routes": [
                { "name": "chat",
                  "targets": [
                    { "provider": "stable", "model": "m" },
                    { "provider": "next", "model": "m2",
                      "canary": { "share": %d, "minRequests": %d } } ] },
                { "name": "plain", "targets": [ { "provider": "stable", "model": "m" } ] } ] }
            """
                .formatted(stable.baseUrl(), next.baseUrl(), share, minRequests);
    }

    @AfterEach
    void stop() {
        signalbox.close();
        stable.close();
        next.close();
    }

    private JsonNode canary() throws Exception {
        JsonNode canaries = signalbox.getJson("/api/canaries").get("canaries");
        assertThat(canaries).hasSize(1);
        return canaries.get(0);
    }

    @Test
    void theConfigRoundTripKeepsTheCanary() throws Exception {
        JsonNode target = signalbox.getJson("/api/config").at("/routes/0/targets/1/canary");

        assertThat(target.get("share").asInt()).isEqualTo(50);
        assertThat(target.get("minSuccessPercent").asInt()).isEqualTo(95);
        assertThat(target.get("windowMinutes").asInt()).isEqualTo(5);
        assertThat(target.get("minRequests").asInt()).isEqualTo(6);
        assertThat(signalbox.getJson("/api/config").at("/routes/0/targets/0").has("canary"))
                .isFalse();
        JsonNode listed = canary();
        assertThat(listed.get("route").asText()).isEqualTo("chat");
        assertThat(listed.get("provider").asText()).isEqualTo("next");
        assertThat(listed.get("state").asText()).isEqualTo("active");
        assertThat(listed.get("currentShare").asInt()).isEqualTo(50);
    }

    @Test
    void aFailingCanaryIsDemotedRecordedAndStaysDemotedAfterARestart() throws Exception {
        next.failingChats(503);

        for (int calls = 0; calls < 400 && canary().get("state").asText().equals("active"); ) {
            for (int i = 0; i < 10; i++, calls++) {
                // The canary's failures fall back to the stable target: every call succeeds.
                assertThat(signalbox.chat("chat", false).statusCode()).isEqualTo(200);
            }
        }
        JsonNode demoted = canary();
        assertThat(demoted.get("state").asText()).isEqualTo("demoted");
        assertThat(demoted.get("currentShare").asInt()).isZero();
        int canaryCalls = next.chatCalls.get();
        for (int i = 0; i < 30; i++) {
            assertThat(signalbox.chat("chat", false).statusCode()).isEqualTo(200);
        }
        assertThat(next.chatCalls.get()).as("a demoted canary gets nothing").isEqualTo(canaryCalls);

        JsonNode decision = awaitDecision();
        assertThat(decision.get("action").asText()).isEqualTo("demoted");
        assertThat(decision.get("successes").asLong()).isZero();
        assertThat(decision.get("attempts").asLong()).isEqualTo(6);
        assertThat(decision.get("successPercent").asInt()).isZero();
        assertThat(decision.get("windowMinutes").asInt()).isEqualTo(5);

        signalbox.close();
        signalbox = Signalbox.start(temp.resolve("data"));
        assertThat(canary().get("state").asText()).isEqualTo("demoted");
        assertThat(canary().get("decisions").get(0)).isEqualTo(decision);
        for (int i = 0; i < 20; i++) {
            assertThat(signalbox.chat("chat", false).statusCode()).isEqualTo(200);
        }
        assertThat(next.chatCalls.get()).isEqualTo(canaryCalls);
    }

    /** The proxy hands the decision to a writer thread: poll for it, with a deadline. */
    private JsonNode awaitDecision() throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            JsonNode decisions = canary().get("decisions");
            if (decisions.size() > 0) {
                return decisions.get(0);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no canary decision recorded within " + DEADLINE);
    }

    @Test
    void promoteMakesTheCanaryTheOnlyTargetAndRecordsIt() throws Exception {
        JsonNode answer = ok(signalbox.post("/api/routes/chat/canary/promote"));

        assertThat(answer.at("/decision/action").asText()).isEqualTo("promoted");
        JsonNode targets = signalbox.getJson("/api/config").at("/routes/0/targets");
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).get("provider").asText()).isEqualTo("next");
        assertThat(targets.get(0).has("canary")).isFalse();
        assertThat(signalbox.getJson("/api/canaries").get("canaries")).isEmpty();
        for (int i = 0; i < 5; i++) {
            signalbox.chat("chat", false);
        }
        assertThat(next.chatCalls.get()).isEqualTo(5);
        assertThat(stable.chatCalls.get()).isZero();
    }

    @Test
    void rollbackRemovesTheCanaryTarget() throws Exception {
        JsonNode answer = ok(signalbox.post("/api/routes/chat/canary/rollback"));

        assertThat(answer.at("/decision/action").asText()).isEqualTo("rolled_back");
        assertThat(answer.at("/decision/provider").asText()).isEqualTo("next");
        JsonNode targets = signalbox.getJson("/api/config").at("/routes/0/targets");
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).get("provider").asText()).isEqualTo("stable");
        for (int i = 0; i < 5; i++) {
            signalbox.chat("chat", false);
        }
        assertThat(next.chatCalls.get()).isZero();
    }

    @Test
    void unknownRoutesAndRoutesWithoutCanaryAreRefusedInTheErrorShape() throws Exception {
        HttpResponse<String> unknown = signalbox.post("/api/routes/nope/canary/promote");
        HttpResponse<String> plain = signalbox.post("/api/routes/plain/canary/rollback");
        HttpResponse<String> wrongMethod = signalbox.get("/api/routes/chat/canary/promote");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("route_not_found");
        assertThat(plain.statusCode()).isEqualTo(409);
        assertThat(json(plain).at("/error/code").asText()).isEqualTo("no_canary");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(signalbox.getJson("/api/config").at("/routes/0/targets")).hasSize(2);
    }

    @Test
    void anInvalidCanaryConfigurationChangesNothing() throws Exception {
        HttpResponse<String> refused = signalbox.put("/api/config", config(100, 6));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/errors/0/path").asText())
                .isEqualTo("routes[0].targets[1].canary.share");
        assertThat(canary().get("share").asInt()).isEqualTo(50);
    }
}
