package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.chain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.usage.UsageEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Server-sent events: forwarded as they come, committed only by a good first event. */
class StreamingIT extends ProxyTestBase {

    private static final String STREAM = Chat.streamRequest("chat", "Hi", null);

    /** A complete, well-behaved stream from {@code upstream}: role, two words, finish, [DONE]. */
    static Reply.Sse goodStream(FakeUpstream upstream) {
        String model = Config.modelOf(upstream);
        return Reply.sse()
                .event(Chat.roleChunk(model))
                .event(Chat.contentChunk(model, "Hello"))
                .event(Chat.contentChunk(model, " world"))
                .event(Chat.finishChunk(model))
                .event(Chat.usageChunk(model, 12, 9))
                .done();
    }

    static List<String> goodEvents(FakeUpstream upstream) {
        String model = Config.modelOf(upstream);
        return List.of(
                Chat.roleChunk(model),
                Chat.contentChunk(model, "Hello"),
                Chat.contentChunk(model, " world"),
                Chat.finishChunk(model),
                "[DONE]");
    }

    @Test
    void forwardsEachEventAsSoonAsItArrives() throws Exception {
        CompletableFuture<Void> second = new CompletableFuture<>();
        CompletableFuture<Void> rest = new CompletableFuture<>();
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .event(Chat.contentChunk("a-model", "Hel"))
                        .await(second)
                        .event(Chat.contentChunk("a-model", "lo"))
                        .await(rest)
                        .event(Chat.finishChunk("a-model"))
                        .done());
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("a");
            assertThat(stream.header("x-signalbox-attempts")).isEqualTo("1");
            assertThat(stream.header("x-request-id")).isNotBlank();
            assertThat(stream.next()).isEqualTo(Chat.roleChunk("a-model"));
            // The upstream has not been allowed to send "lo" yet: "Hel" came through on its own.
            assertThat(stream.next()).isEqualTo(Chat.contentChunk("a-model", "Hel"));
            second.complete(null);
            assertThat(stream.next()).isEqualTo(Chat.contentChunk("a-model", "lo"));
            rest.complete(null);
            assertThat(stream.rest()).containsExactly(Chat.finishChunk("a-model"), "[DONE]");
        }
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.stream()).isTrue();
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.attempts())
                .singleElement()
                .satisfies(t -> assertAttempt(t, a, "ok", OptionalInt.of(200), true));
        assertThat(b.hits()).isZero();
    }

    @Test
    void anErrorAsTheFirstEventFallsBackWithoutTheClientSeeingIt() throws Exception {
        a.always(Reply.sse().event(Chat.error("The model is overloaded", "server_error")).done());
        b.always(goodStream(b));
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("b");
            assertThat(stream.header("x-signalbox-attempts")).isEqualTo("2");
            assertThat(stream.rest()).isEqualTo(goodEvents(b));
        }
        UsageEvent usage = proxy.onlyUsage();
        assertAttempt(usage.attempts().get(0), a, "error_event", OptionalInt.of(200), false);
        assertAttempt(usage.attempts().get(1), b, "ok", OptionalInt.of(200), true);
        assertThat(usage.provider()).contains("b");
    }

    @Test
    void keepAliveCommentsAloneDoNotCommitSoALaterFailureStillFallsBack() throws Exception {
        a.always(Reply.sse().raw(": OPENROUTER PROCESSING\n\n").raw(": still here\n\n").cut());
        b.always(goodStream(b));
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("b");
            assertThat(stream.rest()).isEqualTo(goodEvents(b));
        }
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.attempts().get(0).committed()).isFalse();
        assertThat(usage.attempts().get(0).outcome()).isEqualTo("connect_failed");
    }

    @Test
    void silenceBeforeTheFirstEventFallsBackAfterTheIdleTimeout() throws Exception {
        a.always(Reply.sse().headersOnly().hang());
        b.always(goodStream(b));
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("b");
            assertThat(stream.rest()).isEqualTo(goodEvents(b));
        }
        assertAttempt(
                proxy.onlyUsage().attempts().get(0), a, "timeout", OptionalInt.of(200), false);
    }

    @Test
    void aStreamThatFailsEverywhereBeforeCommitGetsAPlainJsonError() throws Exception {
        a.always(Reply.sse().event(Chat.error("overloaded", "server_error")).done());
        b.always(Reply.sse().end());
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(STREAM);

        assertProxyError(response, 502, "server_error", "upstream_failed");
        assertThat(header(response, "x-should-retry")).isEqualTo("false");
        assertThat(proxy.onlyUsage().attempts())
                .extracting(t -> t.outcome())
                .containsExactly("error_event", "server_error");
    }

    @Test
    void theClientsStreamEndsAtDoneEvenIfTheUpstreamKeepsTheAnswerOpen() throws Exception {
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .event(Chat.contentChunk("a-model", "Hello"))
                        .event(Chat.contentChunk("a-model", " world"))
                        .event(Chat.finishChunk("a-model"))
                        .event(Chat.usageChunk("a-model", 12, 9))
                        .raw("data: [DONE]\n\n")
                        .hang());
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            // Nothing may follow [DONE]: no error event once the upstream's silence times out.
            assertThat(stream.rest()).isEqualTo(goodEvents(a));
        }
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.error()).isEmpty();
        assertThat(usage.attempts())
                .singleElement()
                .satisfies(t -> assertAttempt(t, a, "ok", OptionalInt.of(200), true));
    }

    @Test
    void aCutAfterTheFirstEventEndsTheStreamWithOneErrorEventAndNoDone() throws Exception {
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .event(Chat.contentChunk("a-model", "Hel"))
                        .cut());
        start(chain("chat", a, b));

        List<String> events;
        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.status()).isEqualTo(200);
            events = stream.rest();
        }

        assertThat(events).hasSize(3).doesNotContain("[DONE]");
        assertThat(events.subList(0, 2))
                .containsExactly(Chat.roleChunk("a-model"), Chat.contentChunk("a-model", "Hel"));
        assertStreamError(events.get(2));
        assertThat(b.hits()).isZero();
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.error()).isPresent();
        assertThat(usage.attempts())
                .singleElement()
                .satisfies(
                        t -> assertAttempt(t, a, "failed_after_commit", OptionalInt.of(200), true));
    }

    @Test
    void silenceAfterTheFirstEventEndsTheStreamWithOneErrorEvent() throws Exception {
        a.always(Reply.sse().event(Chat.roleChunk("a-model")).hang());
        start(chain("chat", a, b));

        List<String> events;
        try (SseStream stream = proxy.stream(STREAM)) {
            events = stream.rest();
        }

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(Chat.roleChunk("a-model"));
        assertStreamError(events.get(1));
        assertThat(Chat.parse(events.get(1)).at("/error/message").asText()).contains("idle");
        assertThat(b.hits()).isZero();
        assertThat(proxy.onlyUsage().attempts().get(0).outcome()).isEqualTo("failed_after_commit");
    }

    @Test
    void aMalformedChunkAfterCommitEndsTheStreamWithOneErrorEvent() throws Exception {
        String event = "data: " + Chat.roleChunk("raw-model") + "\n\n";
        String answer =
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(event.getBytes(StandardCharsets.UTF_8).length)
                        + "\r\n"
                        + event
                        + "\r\nzz\r\n"; // "zz" is no chunk size: an HTTP protocol violation
        try (RawUpstream raw = RawUpstream.answering(answer)) {
            start(
                    RoutingTable.of(
                            List.of(
                                    Config.provider(
                                            "raw", raw.baseUrl(), Optional.empty(), Map.of()),
                                    Config.provider(b)),
                            List.of(
                                    Config.route(
                                            "chat",
                                            List.of(Config.target("raw", "raw-model")),
                                            List.of(Config.fallback("b", "b-model"))))));

            List<String> events;
            try (SseStream stream = proxy.stream(STREAM)) {
                events = stream.rest();
            }

            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isEqualTo(Chat.roleChunk("raw-model"));
            assertStreamError(events.get(1));
            assertThat(raw.hits()).isEqualTo(1);
            assertThat(b.hits()).isZero();
            UsageEvent usage = proxy.onlyUsage();
            assertThat(usage.attempts())
                    .singleElement()
                    .satisfies(t -> assertThat(t.outcome()).isEqualTo("failed_after_commit"))
                    .satisfies(t -> assertThat(t.committed()).isTrue());
        }
    }

    @Test
    void anInBandErrorAfterCommitIsForwardedAndEndsTheStream() throws Exception {
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .event(Chat.error("Provider returned error", "server_error"))
                        .end());
        start(chain("chat", a, b));

        List<String> events;
        try (SseStream stream = proxy.stream(STREAM)) {
            events = stream.rest();
        }

        assertThat(events)
                .containsExactly(
                        Chat.roleChunk("a-model"),
                        Chat.error("Provider returned error", "server_error"));
        assertThat(b.hits()).isZero();
        assertThat(proxy.onlyUsage().attempts().get(0).outcome()).isEqualTo("failed_after_commit");
    }

    @Test
    void aClientThatDisconnectsCancelsTheUpstreamRequest() throws Exception {
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .repeatUntilCancelled(
                                Chat.contentChunk("a-model", "tok"), Duration.ofMillis(20)));
        start(chain("chat", a, b));

        try (RawHttp client = RawHttp.connect(proxy.port())) {
            client.send(RawHttp.post("/v1/chat/completions", "127.0.0.1:" + proxy.port(), STREAM));
            assertThat(client.readUntil("\"tok\"")).startsWith("HTTP/1.1 200");
        }

        // The upstream keeps generating until the proxy drops its request.
        assertThat(a.onlyRequest().awaitCancelled(Duration.ofSeconds(5))).isNotNull();
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.attempts())
                .singleElement()
                .satisfies(t -> assertAttempt(t, a, "client_cancelled", OptionalInt.of(200), true));
        assertThat(b.hits()).isZero();
    }

    /** The proxy's in-band error event: OpenAI-shaped, naming the broken upstream stream. */
    static void assertStreamError(String data) {
        JsonNode error = Chat.parse(data).get("error");
        assertThat(error).as(data).isNotNull();
        assertThat(error.get("type").asText()).isEqualTo("server_error");
        assertThat(error.get("code").asText()).isEqualTo("upstream_stream_failed");
        assertThat(error.get("message").asText()).isNotBlank();
    }
}
