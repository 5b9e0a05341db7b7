package io.signalbox.app.management;

import static io.signalbox.app.management.FakeProvider.PLAIN_COMPLETION_TOKENS;
import static io.signalbox.app.management.FakeProvider.PLAIN_PROMPT_TOKENS;
import static io.signalbox.app.management.FakeProvider.STREAM_COMPLETION_TOKENS;
import static io.signalbox.app.management.FakeProvider.STREAM_PROMPT_TOKENS;
import static io.signalbox.app.management.Signalbox.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/usage} and {@code /api/requests} after real calls through the proxy: exactly the
 * tokens the provider reported, visible within 2 seconds of each call's end, and the same after a
 * restart on the same data dir.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UsageApiIT {

    /** CONTRACT section 4: a request's usage is visible this soon after its end. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);

    private static final String ALICE_KEY = "sk-sb-alice-0123456789abcdef";

    @TempDir Path temp;

    private FakeProvider up;
    private FakeProvider busy;
    private Signalbox signalbox;
    private String window;

    @BeforeEach
    void start() throws Exception {
        up = new FakeProvider();
        busy = new FakeProvider().failingChats(429);
        signalbox = Signalbox.start(temp.resolve("data"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        window =
                "since="
                        + now.minus(Duration.ofMinutes(1))
                        + "&until="
                        + now.plus(Duration.ofHours(1));
        ok(
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "up", "baseUrl": "%s" }, { "name": "busy", "baseUrl": "%s" } ],
                          "routes": [ { "name": "chat", "targets": [ { "provider": "up", "model": "real-model" } ] },
                                      { "name": "busy", "targets": [ { "provider": "busy", "model": "m" } ] } ] }
                        """
                                .formatted(up.baseUrl(), busy.baseUrl())));
    }

    @AfterEach
    void stop() {
        signalbox.close();
        up.close();
        busy.close();
    }

    /** Makes the call, then waits (at most 2 s) until both calls list it; returns its id. */
    private String callAndAwaitUsage(String model, boolean stream, int status, String... headers)
            throws Exception {
        HttpResponse<String> response = signalbox.chat(model, stream, headers);
        long ended = System.nanoTime();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        String id = response.headers().firstValue("x-request-id").orElseThrow();
        long deadline = ended + VISIBLE_WITHIN.toNanos();
        while (true) {
            List<String> listed = ids(signalbox.getJson("/api/requests?limit=100"));
            long counted = 0;
            for (JsonNode row : signalbox.getJson("/api/usage?" + window).get("rows")) {
                counted += row.get("requests").asLong();
            }
            if (listed.contains(id) && counted == listed.size()) {
                return id;
            }
            if (System.nanoTime() > deadline) {
                fail(
                        "request %s not in /api/requests and /api/usage within %s",
                        id, VISIBLE_WITHIN);
            }
            // A short pause between polls; the deadline above is what the test asserts.
            Thread.sleep(20);
        }
    }

    private static List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.get("requests").forEach(request -> ids.add(request.get("id").asText()));
        return ids;
    }

    private static JsonNode row(JsonNode usage, String group) {
        for (JsonNode row : usage.get("rows")) {
            if (row.get("group").asText().equals(group)) {
                return row;
            }
        }
        throw new AssertionError("no row '" + group + "' in " + usage);
    }

    private static void assertRow(
            JsonNode row, long requests, long errors, long prompt, long completion) {
        assertThat(row.get("requests").asLong()).as("requests").isEqualTo(requests);
        assertThat(row.get("errors").asLong()).as("errors").isEqualTo(errors);
        assertThat(row.get("promptTokens").asLong()).as("promptTokens").isEqualTo(prompt);
        assertThat(row.get("completionTokens").asLong())
                .as("completionTokens")
                .isEqualTo(completion);
        assertThat(row.get("totalTokens").asLong())
                .as("totalTokens")
                .isEqualTo(prompt + completion);
        assertThat(row.get("estimatedRequests").asLong()).as("estimated").isZero();
    }

    @Test
    void usageIsExactlyWhatTheProviderReportedAndSurvivesARestart() throws Exception {
        String plain = callAndAwaitUsage("chat", false, 200);
        String streamed = callAndAwaitUsage("chat", true, 200);
        String refused = callAndAwaitUsage("busy", false, 429);

        JsonNode byRoute = signalbox.getJson("/api/usage?" + window);
        assertThat(byRoute.get("groupBy").asText()).isEqualTo("route");
        assertThat(byRoute.get("rows")).hasSize(2);
        assertRow(
                row(byRoute, "chat"),
                2,
                0,
                PLAIN_PROMPT_TOKENS + STREAM_PROMPT_TOKENS,
                PLAIN_COMPLETION_TOKENS + STREAM_COMPLETION_TOKENS);
        assertRow(row(byRoute, "busy"), 1, 1, 0, 0);
        JsonNode byProvider = signalbox.getJson("/api/usage?groupBy=provider&" + window);
        assertRow(
                row(byProvider, "up"),
                2,
                0,
                PLAIN_PROMPT_TOKENS + STREAM_PROMPT_TOKENS,
                PLAIN_COMPLETION_TOKENS + STREAM_COMPLETION_TOKENS);
        assertRow(row(byProvider, ""), 1, 1, 0, 0);
        JsonNode byModel = signalbox.getJson("/api/usage?groupBy=model&" + window);
        assertThat(row(byModel, "real-model").get("totalTokens").asLong())
                .isEqualTo(row(byRoute, "chat").get("totalTokens").asLong());

        JsonNode requests = signalbox.getJson("/api/requests?limit=10");
        assertThat(ids(requests)).containsExactly(refused, streamed, plain);
        assertRequest(
                requests.get("requests").get(2),
                "chat",
                200,
                false,
                PLAIN_PROMPT_TOKENS,
                PLAIN_COMPLETION_TOKENS);
        assertRequest(
                requests.get("requests").get(1),
                "chat",
                200,
                true,
                STREAM_PROMPT_TOKENS,
                STREAM_COMPLETION_TOKENS);
        JsonNode failed = requests.get("requests").get(0);
        assertThat(failed.get("status").asInt()).isEqualTo(429);
        assertThat(failed.get("provider").isNull()).as("no target served it").isTrue();
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        JsonNode attempt = failed.get("attemptDetails").get(0);
        assertThat(attempt.get("provider").asText()).isEqualTo("busy");
        assertThat(attempt.get("status").asInt()).isEqualTo(429);
        assertThat(attempt.get("committed").asBoolean()).isFalse();

        signalbox.close();
        signalbox = Signalbox.start(temp.resolve("data"));

        assertThat(signalbox.getJson("/api/usage?" + window)).isEqualTo(byRoute);
        assertThat(signalbox.getJson("/api/usage?groupBy=provider&" + window))
                .isEqualTo(byProvider);
        assertThat(signalbox.getJson("/api/requests?limit=10")).isEqualTo(requests);
    }

    private static void assertRequest(
            JsonNode request,
            String route,
            int status,
            boolean stream,
            long prompt,
            long completion) {
        assertThat(request.get("route").asText()).isEqualTo(route);
        assertThat(request.get("provider").asText()).isEqualTo("up");
        assertThat(request.get("model").asText()).isEqualTo("real-model");
        assertThat(request.get("key").isNull()).isTrue();
        assertThat(request.get("status").asInt()).isEqualTo(status);
        assertThat(request.get("stream").asBoolean()).isEqualTo(stream);
        assertThat(request.get("attempts").asInt()).isEqualTo(1);
        assertThat(request.get("latencyMs").asLong()).isNotNegative();
        assertThat(Instant.parse(request.get("time").asText())).isBefore(Instant.now());
        assertThat(request.get("promptTokens").asLong()).isEqualTo(prompt);
        assertThat(request.get("completionTokens").asLong()).isEqualTo(completion);
        assertThat(request.get("estimated").asBoolean()).isFalse();
        assertThat(request.get("attemptDetails").get(0).get("committed").asBoolean()).isTrue();
    }

    @Test
    void aMinuteSeriesAddsUpToTheTotals() throws Exception {
        callAndAwaitUsage("chat", false, 200);
        callAndAwaitUsage("chat", true, 200);

        JsonNode usage = signalbox.getJson("/api/usage?bucket=minute&" + window);

        assertThat(usage.get("bucket").asText()).isEqualTo("minute");
        long seriesTokens = 0;
        for (JsonNode point : usage.get("series")) {
            assertThat(Instant.parse(point.get("start").asText()).getEpochSecond() % 60).isZero();
            seriesTokens += point.get("totalTokens").asLong();
        }
        assertThat(seriesTokens).isEqualTo(row(usage, "chat").get("totalTokens").asLong());
        assertThat(seriesTokens)
                .isEqualTo(
                        PLAIN_PROMPT_TOKENS
                                + PLAIN_COMPLETION_TOKENS
                                + STREAM_PROMPT_TOKENS
                                + STREAM_COMPLETION_TOKENS);
    }

    @Test
    void usageAndRequestsByAccessKey() throws Exception {
        ok(
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "up", "baseUrl": "%s" } ],
                          "routes": [ { "name": "chat", "targets": [ { "provider": "up", "model": "real-model" } ] } ],
                          "accessKeys": [ { "name": "alice", "key": "%s" } ] }
                        """
                                .formatted(up.baseUrl(), ALICE_KEY)));

        String id = callAndAwaitUsage("chat", false, 200, "Authorization", "Bearer " + ALICE_KEY);

        JsonNode byKey = signalbox.getJson("/api/usage?groupBy=key&" + window);
        assertRow(row(byKey, "alice"), 1, 0, PLAIN_PROMPT_TOKENS, PLAIN_COMPLETION_TOKENS);
        JsonNode mine = signalbox.getJson("/api/requests?key=alice");
        assertThat(ids(mine)).containsExactly(id);
        assertThat(mine.get("requests").get(0).get("key").asText()).isEqualTo("alice");
        assertThat(ids(signalbox.getJson("/api/requests?key=bob"))).isEmpty();
    }

    @Test
    void requestsAreFilteredAndLimited() throws Exception {
        String first = callAndAwaitUsage("chat", false, 200);
        String second = callAndAwaitUsage("chat", false, 200);
        String refused = callAndAwaitUsage("busy", false, 429);

        assertThat(ids(signalbox.getJson("/api/requests?limit=2")))
                .containsExactly(refused, second);
        assertThat(ids(signalbox.getJson("/api/requests?route=chat")))
                .containsExactly(second, first);
        assertThat(ids(signalbox.getJson("/api/requests?status=429"))).containsExactly(refused);
        assertThat(ids(signalbox.getJson("/api/requests?status=2xx")))
                .containsExactly(second, first);
        assertThat(ids(signalbox.getJson("/api/requests?status=5xx"))).isEmpty();
        assertThat(ids(signalbox.getJson("/api/requests?until=2000-01-01T00:00:00Z"))).isEmpty();
    }
}
