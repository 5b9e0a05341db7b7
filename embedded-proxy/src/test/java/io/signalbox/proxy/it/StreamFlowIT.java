package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.chain;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.usage.UsageEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * How a streamed call flows: the proxy reads the upstream only as fast as the client takes the
 * events, lets go of the upstream once it has the whole answer, and judges answers that are not
 * event streams (errors, JSON) like calls that are not streamed.
 */
class StreamFlowIT extends ProxyTestBase {

    private static final String STREAM = Chat.streamRequest("chat", "Hi", null);

    @Test
    void aClientThatStopsReadingStopsTheUpstreamReadInsteadOfBeingBuffered() throws Exception {
        // An endless stream of 64 KiB events, written as fast as the proxy takes them.
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .repeatUntilCancelled(
                                Chat.contentChunk("a-model", "x".repeat(64 * 1024)),
                                Duration.ZERO));
        start(chain("chat", a, b));

        try (RawHttp client = RawHttp.connect(proxy.port())) {
            client.send(RawHttp.post("/v1/chat/completions", "127.0.0.1:" + proxy.port(), STREAM));
            assertThat(client.readUntil("\"role\"")).startsWith("HTTP/1.1 200");

            // The client reads nothing more. Were the proxy buffering the stream, it would keep
            // reading the upstream forever; it stops instead, so the upstream connection goes
            // quiet and the idle timeout (2 s) cancels it.
            assertThat(a.onlyRequest().awaitCancelled(Duration.ofSeconds(10))).isNotNull();

            // What was on its way still reaches the client, then the error event, and no [DONE].
            String answer = client.readAll();
            assertThat(answer).contains("upstream_stream_failed").contains("idle");
            assertThat(answer).doesNotContain("[DONE]");
        }
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.attempts())
                .singleElement()
                .satisfies(
                        t -> assertAttempt(t, a, "failed_after_commit", OptionalInt.of(200), true));
    }

    @Test
    void anUpstreamThatKeepsTheAnswerOpenAfterDoneIsCutSoonAfter() throws Exception {
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .event(Chat.contentChunk("a-model", "Hello"))
                        .raw("data: [DONE]\n\n")
                        .repeatUntilCancelled(
                                Chat.contentChunk("a-model", "after the end"),
                                Duration.ofMillis(50)));
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.rest())
                    .containsExactly(
                            Chat.roleChunk("a-model"),
                            Chat.contentChunk("a-model", "Hello"),
                            "[DONE]");
        }

        // The upstream keeps the connection busy, so no idle timeout would ever end it.
        assertThat(a.onlyRequest().awaitCancelled(Duration.ofSeconds(5))).isNotNull();
        assertThat(proxy.onlyUsage().attempts())
                .singleElement()
                .satisfies(t -> assertAttempt(t, a, "ok", OptionalInt.of(200), true));
    }

    @Test
    void aCallerMistakeAnsweringAStreamedCallIsPassedThroughUnchanged() throws Exception {
        String body =
                "{\"error\":{\"message\":\"stream_options is not supported\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
        a.always(Reply.json(400, body));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(STREAM);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(body);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("a");
        assertThat(b.hits()).isZero();
        assertThat(proxy.onlyUsage().attempts())
                .singleElement()
                .satisfies(t -> assertAttempt(t, a, "caller_error", OptionalInt.of(400), true));
    }

    @Test
    void aJsonAnswerToAStreamedCallIsServedWholeWithItsUsage() throws Exception {
        String completion = Chat.completion("a-model", "Hello", 12, 9);
        a.always(Reply.json(200, completion));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(STREAM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(completion);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json");
        assertThat(header(response, "x-signalbox-attempts")).isEqualTo("1");
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.stream()).isTrue();
        assertThat(usage.usage()).isEqualTo(new UsageCounts(12, 9, 21, 0, 0));
        assertThat(usage.attempts())
                .singleElement()
                .satisfies(t -> assertAttempt(t, a, "ok", OptionalInt.of(200), true));
    }

    @Test
    void aStreamedCallFallsBackPastARefusedConnectionAndAMissingFirstByte() throws Exception {
        a.always(Reply.never());
        b.always(StreamingIT.goodStream(b));
        start(
                RoutingTable.of(
                        List.of(
                                Config.refusingProvider("down"),
                                Config.provider(a),
                                Config.provider(b)),
                        List.of(
                                Config.route(
                                        "chat",
                                        List.of(Config.target("down", "down-model")),
                                        List.of(
                                                Config.fallback("a", "a-model"),
                                                Config.fallback("b", "b-model"))))));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("b");
            assertThat(stream.header("x-signalbox-attempts")).isEqualTo("3");
            assertThat(stream.rest()).isEqualTo(StreamingIT.goodEvents(b));
        }
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.attempts())
                .extracting(t -> t.outcome())
                .containsExactly("connect_failed", "timeout", "ok");
        assertThat(usage.attempts().get(1).status()).isEmpty();
        assertThat(usage.usage()).isEqualTo(new UsageCounts(12, 9, 21, 0, 0));
    }
}
