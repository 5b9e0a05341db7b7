package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.json;
import static io.signalbox.app.management.Signalbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 through the whole app: match conditions, retries and selection set with {@code PUT
 * /api/config} reach the running proxy, come back from {@code GET /api/config}, and each route's
 * status shows in {@code /api/health}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoutingOptionsApiIT {

    @TempDir Path temp;

    private FakeProvider premium;
    private FakeProvider standard;
    private FakeProvider busy;
    private Signalbox signalbox;

    @BeforeEach
    void start() throws Exception {
        premium = new FakeProvider();
        standard = new FakeProvider();
        busy = new FakeProvider().failingChats(429);
        signalbox = Signalbox.start(temp.resolve("data"));
        ok(
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "premium", "baseUrl": "%s" },
                                         { "name": "standard", "baseUrl": "%s" },
                                         { "name": "busy", "baseUrl": "%s" } ],
                          "routes": [
                            { "name": "chat", "retries": 0,
                              "targets": [
                                { "provider": "premium", "model": "big",
                                  "match": { "headers": { "user-type": "premium" } } },
                                { "provider": "standard", "model": "small" } ] },
                            { "name": "turns", "selection": "round_robin",
                              "targets": [ { "provider": "premium", "model": "big" },
                                           { "provider": "standard", "model": "small" } ] },
                            { "name": "mixed",
                              "targets": [ { "provider": "busy", "model": "m", "weight": 1000 },
                                           { "provider": "standard", "model": "small" } ] },
                            { "name": "busy", "targets": [ { "provider": "busy", "model": "m" } ] } ] }
                        """
                                .formatted(premium.baseUrl(), standard.baseUrl(), busy.baseUrl())));
    }

    @AfterEach
    void stop() {
        signalbox.close();
        premium.close();
        standard.close();
        busy.close();
    }

    private static String provider(HttpResponse<String> response) {
        return response.headers().firstValue("x-signalbox-provider").orElse(null);
    }

    @Test
    void theStoredConditionsRouteRealRequests() throws Exception {
        assertThat(provider(signalbox.chat("chat", false, "User-Type", "premium")))
                .isEqualTo("premium");
        assertThat(provider(signalbox.chat("chat", false))).isEqualTo("standard");
        assertThat(provider(signalbox.chat("chat", true, "user-type", "premium")))
                .isEqualTo("premium");

        List<String> turns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turns.add(provider(signalbox.chat("turns", false)));
        }
        assertThat(turns).containsExactly("premium", "standard", "premium", "standard");
    }

    @Test
    void theOptionsComeBackFromTheConfigurationApi() throws Exception {
        JsonNode routes = signalbox.getJson("/api/config").get("routes");

        assertThat(routes.get(0).get("retries").asInt()).isZero();
        assertThat(routes.get(0).has("selection")).isFalse();
        assertThat(
                        routes.get(0)
                                .get("targets")
                                .get(0)
                                .get("match")
                                .get("headers")
                                .get("user-type")
                                .asText())
                .isEqualTo("premium");
        assertThat(routes.get(0).get("targets").get(1).has("match")).isFalse();
        assertThat(routes.get(1).get("selection").asText()).isEqualTo("round_robin");
    }

    @Test
    void aBadOptionIsRefusedWithItsPathAndChangesNothing() throws Exception {
        String before = signalbox.get("/api/config").body();

        HttpResponse<String> refused =
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "p", "baseUrl": "http://127.0.0.1:9/v1" } ],
                          "routes": [ { "name": "r", "selection": "fastest", "retries": 99,
                            "targets": [ { "provider": "p", "model": "m",
                                           "match": { "path": "chat" } } ] } ] }
                        """);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("errors"))
                .extracting(error -> error.get("path").asText())
                .contains(
                        "routes[0].selection",
                        "routes[0].retries",
                        "routes[0].targets[0].match.path");
        assertThat(signalbox.get("/api/config").body()).isEqualTo(before);
    }

    @Test
    void eachRoutesStatusAndActiveTargetsShowInHealth() throws Exception {
        JsonNode before = signalbox.getJson("/api/health");
        assertThat(route(before, "mixed").get("status").asText()).isEqualTo("Active");
        assertThat(route(before, "mixed").get("activeTargets").asInt()).isEqualTo(2);

        // The busy provider answers 429 and cools down: the route with only it has failed, the
        // route with it and another target is degraded.
        assertThat(signalbox.chat("busy", false).statusCode()).isEqualTo(429);

        JsonNode after = signalbox.getJson("/api/health");
        assertThat(route(after, "busy").get("status").asText()).isEqualTo("Failed");
        assertThat(route(after, "busy").get("activeTargets").asInt()).isZero();
        assertThat(route(after, "mixed").get("status").asText()).isEqualTo("Degraded");
        assertThat(route(after, "mixed").get("activeTargets").asInt()).isEqualTo(1);
        assertThat(route(after, "mixed").get("targets").asInt()).isEqualTo(2);
        assertThat(route(after, "chat").get("status").asText()).isEqualTo("Active");
        // The fields the contract always had are still there.
        assertThat(after.get("status").asText()).isEqualTo("ok");
        assertThat(after.get("targets")).isNotEmpty();
    }

    private static JsonNode route(JsonNode health, String name) {
        for (JsonNode route : health.get("routes")) {
            if (route.get("name").asText().equals(name)) {
                return route;
            }
        }
        throw new AssertionError("no route " + name + " in " + health);
    }
}
