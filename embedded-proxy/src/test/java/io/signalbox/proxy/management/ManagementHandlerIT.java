package io.signalbox.proxy.management;

import static io.signalbox.proxy.management.ApiHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.management.ManagementApi.Bucket;
import io.signalbox.proxy.management.ManagementApi.Grouping;
import io.signalbox.proxy.management.ManagementApi.RequestSelection;
import io.signalbox.proxy.management.ManagementApi.UsageSelection;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The management handler over real HTTP: what each call hands to the port, the JSON it answers
 * with, and how the port's failures become statuses.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ManagementHandlerIT {

    private static final String AUTH = "Bearer " + ApiHarness.TOKEN;

    private ApiHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = ApiHarness.start();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static void assertJsonOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void getConfigLeavesSecretsOutUnlessAsked() throws Exception {
        HttpResponse<String> plain = harness.get("/api/config");
        HttpResponse<String> secret = harness.get("/api/config?secrets=true");

        assertJsonOk(plain);
        assertThat(json(plain).get("secrets").asBoolean()).isFalse();
        assertThat(json(secret).get("secrets").asBoolean()).isTrue();
        assertThat(harness.api.calls)
                .containsExactly("config secrets=false", "config secrets=true");
    }

    @Test
    void putConfigHandsTheBodyOverAsSent() throws Exception {
        String body = "{ \"providers\": [], \"note\": \"ünïcode\" }";

        HttpResponse<String> response =
                harness.send("PUT", "/api/config", body, "Authorization", AUTH);

        assertJsonOk(response);
        assertThat(json(response).get("replaced").asBoolean()).isTrue();
        assertThat(harness.api.calls).containsExactly(body);
    }

    @Test
    void discoverNamesTheProviderOfThePath() throws Exception {
        HttpResponse<String> response =
                harness.send(
                        "POST", "/api/providers/lab.v2_x-y/discover", null, "Authorization", AUTH);

        assertJsonOk(response);
        assertThat(harness.api.calls).containsExactly("lab.v2_x-y");
        JsonNode body = json(response);
        assertThat(body.get("models")).hasSize(2);
        assertThat(body.get("models").get(0).asText()).isEqualTo("a");
        assertThat(body.get("added").get(0).asText()).isEqualTo("b");
        assertThat(body.get("removed").get(0).asText()).isEqualTo("old");
        assertThat(body.get("previousDiscovery").asText()).isEqualTo("2026-03-10T11:59:00Z");
        JsonNode missing = body.get("missingTargets").get(0);
        assertThat(missing.get("route").asText()).isEqualTo("chat");
        assertThat(missing.get("list").asText()).isEqualTo("fallbacks");
        assertThat(missing.get("index").asInt()).isEqualTo(1);
    }

    @Test
    void usageHandsOverTheSelectionAndAnswersRowsAndASeries() throws Exception {
        HttpResponse<String> response =
                harness.get(
                        "/api/usage?since=2026-03-01T00:00:00Z&until=2026-03-02T00:00:00%2B01:00"
                                + "&groupBy=provider&bucket=day");

        assertJsonOk(response);
        assertThat(harness.api.calls)
                .containsExactly(
                        new UsageSelection(
                                Instant.parse("2026-03-01T00:00:00Z"),
                                Instant.parse("2026-03-01T23:00:00Z"),
                                Grouping.PROVIDER,
                                Optional.of(Bucket.DAY)));
        JsonNode body = json(response);
        assertThat(body.get("groupBy").asText()).isEqualTo("provider");
        assertThat(body.get("bucket").asText()).isEqualTo("day");
        JsonNode row = body.get("rows").get(0);
        assertThat(row.get("group").asText()).isEqualTo("chat");
        assertThat(row.get("requests").asLong()).isEqualTo(3);
        assertThat(row.get("errors").asLong()).isEqualTo(1);
        assertThat(row.get("promptTokens").asLong()).isEqualTo(30);
        assertThat(row.get("completionTokens").asLong()).isEqualTo(12);
        assertThat(row.get("totalTokens").asLong()).isEqualTo(42);
        JsonNode point = body.get("series").get(0);
        assertThat(point.get("start").asText()).isEqualTo("2026-03-10T12:00:00Z");
        assertThat(point.get("totalTokens").asLong()).isEqualTo(42);
    }

    @Test
    void usageWithoutParametersIsTheLastDayByRouteAndHasNoSeries() throws Exception {
        HttpResponse<String> response = harness.get("/api/usage");

        assertJsonOk(response);
        assertThat(harness.api.calls)
                .containsExactly(
                        new UsageSelection(
                                ScriptedApi.T.minusSeconds(24 * 3600),
                                ScriptedApi.T,
                                Grouping.ROUTE,
                                Optional.empty()));
        assertThat(json(response).has("series")).isFalse();
    }

    @Test
    void requestsListTheContractFieldsWithTheAttemptsBesideTheirCount() throws Exception {
        HttpResponse<String> response = harness.get("/api/requests?limit=7&status=5xx&route=chat");

        assertJsonOk(response);
        assertThat(harness.api.calls)
                .containsExactly(
                        new RequestSelection(
                                7,
                                Optional.of("chat"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("5xx"),
                                Optional.empty(),
                                Optional.empty()));
        JsonNode request = json(response).get("requests").get(0);
        assertThat(request.get("id").asText()).isEqualTo("req-1");
        assertThat(request.get("time").asText()).isEqualTo("2026-03-10T12:00:00Z");
        assertThat(request.get("route").asText()).isEqualTo("chat");
        assertThat(request.get("provider").asText()).isEqualTo("lab");
        assertThat(request.get("model").asText()).isEqualTo("m");
        assertThat(request.get("key").isNull()).isTrue();
        assertThat(request.get("status").asInt()).isEqualTo(200);
        assertThat(request.get("stream").asBoolean()).isTrue();
        assertThat(request.get("attempts").asInt()).isEqualTo(2);
        assertThat(request.get("latencyMs").asLong()).isEqualTo(120);
        assertThat(request.get("promptTokens").asLong()).isEqualTo(30);
        assertThat(request.get("completionTokens").asLong()).isEqualTo(12);
        JsonNode first = request.get("attemptDetails").get(0);
        assertThat(first.get("provider").asText()).isEqualTo("busy");
        assertThat(first.get("status").asInt()).isEqualTo(429);
        assertThat(first.get("error").asText()).isEqualTo("rate limited");
        assertThat(request.get("attemptDetails").get(1).get("committed").asBoolean()).isTrue();
    }

    @Test
    void healthIsOkWithTheVersionAndEachTargetsState() throws Exception {
        HttpResponse<String> response = harness.get("/api/health");

        assertJsonOk(response);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("version").asText()).isEqualTo("9.9.9");
        JsonNode healthy = body.get("targets").get(0);
        assertThat(healthy.get("provider").asText()).isEqualTo("lab");
        assertThat(healthy.get("state").asText()).isEqualTo("healthy");
        assertThat(healthy.get("until").isNull()).isTrue();
        JsonNode cooling = body.get("targets").get(1);
        assertThat(cooling.get("state").asText()).isEqualTo("cooling");
        assertThat(cooling.get("until").asText()).isEqualTo("2026-03-10T12:00:30Z");
        assertThat(cooling.get("reason").asText()).isEqualTo("rate limited");
    }

    @Test
    void aRefusedConfigurationIs400WithEveryProblem() throws Exception {
        harness.api.failWith(
                ManagementException.invalidConfig(
                        List.of(
                                new ManagementException.Problem(
                                        "routes[0].targets[0].weight", "must be 0 to 1000"),
                                new ManagementException.Problem("$", "not valid JSON"))));

        HttpResponse<String> response =
                harness.send("PUT", "/api/config", "{", "Authorization", AUTH);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("path").asText())
                .isEqualTo("routes[0].targets[0].weight");
        assertThat(body.get("errors").get(0).get("message").asText())
                .isEqualTo("must be 0 to 1000");
        assertThat(body.get("error").get("code").asText()).isEqualTo("invalid_config");
    }

    @Test
    void anUnknownProviderIs404AndAFailedDiscovery502WithItsReason() throws Exception {
        harness.api.failWith(ManagementException.unknownProvider("ghost"));
        HttpResponse<String> unknown =
                harness.send("POST", "/api/providers/ghost/discover", null, "Authorization", AUTH);
        harness.api.failWith(
                ManagementException.discoveryFailed(
                        "Provider 'lab' rejected the API key", "wrong_key"));
        HttpResponse<String> failed =
                harness.send("POST", "/api/providers/lab/discover", null, "Authorization", AUTH);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").get("code").asText()).isEqualTo("provider_not_found");
        assertThat(json(unknown).get("error").get("message").asText()).contains("'ghost'");
        assertThat(failed.statusCode()).isEqualTo(502);
        JsonNode error = json(failed).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Provider 'lab' rejected the API key");
        assertThat(error.get("kind").asText()).isEqualTo("wrong_key");
        assertThat(error.get("type").asText()).isEqualTo("upstream_error");
    }

    @Test
    void aFailureInsideThePortIs500WithoutItsMessage() throws Exception {
        harness.api.crashWith(new IllegalStateException("database file is locked: /secret/path"));

        HttpResponse<String> response = harness.get("/api/health");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("locked", "/secret/path");
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("internal_error");
    }

    @Test
    void aBadParameterIs400BeforeThePortIsAsked() throws Exception {
        HttpResponse<String> usage = harness.get("/api/usage?groupBy=team");
        HttpResponse<String> requests = harness.get("/api/requests?limit=0");
        HttpResponse<String> health = harness.get("/api/health?verbose=1");

        for (HttpResponse<String> response : List.of(usage, requests, health)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).get("error").get("code").asText())
                    .isEqualTo("invalid_parameter");
        }
        assertThat(json(usage).get("error").get("message").asText())
                .contains("groupBy must be one of route, provider, model, key");
        assertThat(harness.api.calls).isEmpty();
    }
}
