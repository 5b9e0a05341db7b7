package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.chain;
import static io.signalbox.proxy.it.StreamingIT.assertStreamError;
import static io.signalbox.proxy.it.StreamingIT.goodEvents;
import static io.signalbox.proxy.it.StreamingIT.goodStream;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.usage.UsageEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The faults of issue 8 that no other suite injects, each against the real proxy through the one
 * scripted fake upstream ({@link FakeUpstream} with {@link Reply}). The others are proven where the
 * behaviour they break is specified: any status and headers in {@code FallbackIT} and {@code
 * ExhaustedIT}, an error as the first event and a cut after one event in {@code StreamingIT}, an
 * upstream that never answers in {@code FallbackIT} and {@code StreamFlowIT} (see
 * docs/reliability.md). The harness waits 1 s for a first byte and 2 s between bytes.
 */
class FaultInjectionIT extends ProxyTestBase {

    private static final String HI = Chat.request("chat", "Hi");
    private static final String STREAM = Chat.streamRequest("chat", "Hi", null);

    // Delay before headers

    @Test
    void aDelayBeforeHeadersWithinTheFirstByteTimeoutIsWaitedOut() throws Exception {
        a.always(
                Reply.delayed(
                        Duration.ofMillis(300),
                        Reply.json(200, Chat.completion("a-model", "late"))));
        start(chain("chat", a, b));

        long started = System.nanoTime();
        HttpResponse<String> response = proxy.chat(HI);

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("a");
        assertThat(response.body()).isEqualTo(Chat.completion("a-model", "late"));
        assertThat(b.hits()).isZero();
    }

    @Test
    void aDelayBeforeHeadersPastTheFirstByteTimeoutFallsBack() throws Exception {
        a.always(Reply.delayed(Duration.ofMillis(2500), goodStream(a)));
        b.always(goodStream(b));
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("b");
            assertThat(stream.rest()).isEqualTo(goodEvents(b));
        }
        assertAttempt(
                proxy.onlyUsage().attempts().get(0), a, "timeout", OptionalInt.empty(), false);
    }

    // Delay between events

    @Test
    void delaysBetweenEventsWithinTheIdleTimeoutKeepTheStreamWhole() throws Exception {
        Duration gap = Duration.ofMillis(400);
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .pause(gap)
                        .event(Chat.contentChunk("a-model", "Hello"))
                        .pause(gap)
                        .event(Chat.contentChunk("a-model", " world"))
                        .pause(gap)
                        .event(Chat.finishChunk("a-model"))
                        .done());
        start(chain("chat", a, b));

        long started = System.nanoTime();
        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.rest()).isEqualTo(goodEvents(a));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(gap.multipliedBy(3));
        assertThat(proxy.onlyUsage().attempts())
                .singleElement()
                .satisfies(t -> assertAttempt(t, a, "ok", OptionalInt.of(200), true));
    }

    // Cut after N events

    @ParameterizedTest(name = "after {0} events")
    @ValueSource(ints = {1, 3, 5})
    void aCutAfterNEventsEndsTheStreamWithThoseEventsAndOneErrorEvent(int n) throws Exception {
        Reply.Sse reply = Reply.sse().event(Chat.roleChunk("a-model"));
        List<String> sent = new ArrayList<>(List.of(Chat.roleChunk("a-model")));
        for (int i = 1; i < n; i++) {
            reply = reply.event(Chat.contentChunk("a-model", "w" + i));
            sent.add(Chat.contentChunk("a-model", "w" + i));
        }
        a.always(reply.cut());
        start(chain("chat", a, b));

        List<String> events;
        try (SseStream stream = proxy.stream(STREAM)) {
            events = stream.rest();
        }

        assertThat(events).hasSize(n + 1).startsWith(sent.toArray(String[]::new));
        assertStreamError(events.get(n));
        assertThat(b.hits()).as("no fallback once the stream began").isZero();
        assertThat(proxy.onlyUsage().attempts().get(0).outcome()).isEqualTo("failed_after_commit");
    }

    @Test
    void aCutAfterTheHeadersBeforeAnyEventFallsBack() throws Exception {
        a.always(Reply.sse().headersOnly().cut());
        b.always(goodStream(b));
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("b");
            assertThat(stream.rest()).isEqualTo(goodEvents(b));
        }
        assertAttempt(
                proxy.onlyUsage().attempts().get(0),
                a,
                "connect_failed",
                OptionalInt.of(200),
                false);
    }

    // Reset (RST) mid-body

    @Test
    void aResetInTheMiddleOfAJsonBodyFallsBack() throws Exception {
        a.always(Reply.resetAfter(200, "application/json", "{\"id\":\"chatcmpl-1\",\"choi"));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(HI);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("b");
        assertThat(response.body()).isEqualTo(Chat.completion("b-model", "Hello from b"));
        assertAttempt(
                proxy.onlyUsage().attempts().get(0),
                a,
                "connect_failed",
                OptionalInt.of(200),
                false);
    }

    @Test
    void aResetBeforeTheFirstEventFallsBackAndAfterItEndsTheStreamWithAnErrorEvent()
            throws Exception {
        a.then(Reply.sse().raw(": warming up\n\n").reset())
                .then(Reply.sse().event(Chat.roleChunk("a-model")).reset());
        b.always(goodStream(b));
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("b");
            assertThat(stream.rest()).isEqualTo(goodEvents(b));
        }
        assertThat(proxy.nextUsage().attempts().get(0).outcome()).isEqualTo("connect_failed");
        proxy.clock.advance(Duration.ofMinutes(5)); // past any ejection of a

        List<String> events;
        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("a");
            events = stream.rest();
        }
        assertThat(events).hasSize(2).startsWith(Chat.roleChunk("a-model"));
        assertStreamError(events.get(1));
        assertThat(proxy.nextUsage().attempts().get(0).outcome()).isEqualTo("failed_after_commit");
    }

    // Malformed JSON

    @Test
    void aSuccessWhoseBodyIsNotJsonFallsBackInsteadOfReachingTheClient() throws Exception {
        a.always(Reply.json(200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":"));
        start(chain("chat", a, b));

        HttpResponse<String> response = proxy.chat(HI);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("b");
        assertThat(response.body()).isEqualTo(Chat.completion("b-model", "Hello from b"));
        UsageEvent usage = proxy.onlyUsage();
        assertAttempt(usage.attempts().get(0), a, "server_error", OptionalInt.of(200), false);
        assertThat(usage.attempts().get(0).error())
                .hasValueSatisfying(e -> assertThat(e).contains("not JSON"));
    }

    @Test
    void aFirstEventThatIsNotJsonFallsBack() throws Exception {
        a.always(
                Reply.sse()
                        .event("{\"choices\":[{\"delta\":")
                        .event(Chat.finishChunk("a-model"))
                        .done());
        b.always(goodStream(b));
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("b");
            assertThat(stream.rest()).isEqualTo(goodEvents(b));
        }
        assertAttempt(
                proxy.onlyUsage().attempts().get(0), a, "error_event", OptionalInt.of(200), false);
    }

    @Test
    void anEventThatIsNotJsonAfterTheStreamBeganIsPassedOnAndTheStreamGoesOn() throws Exception {
        String broken = "{\"choices\":[{\"delta\":";
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .event(broken)
                        .event(Chat.finishChunk("a-model"))
                        .done());
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.rest())
                    .containsExactly(
                            Chat.roleChunk("a-model"),
                            broken,
                            Chat.finishChunk("a-model"),
                            "[DONE]");
        }
        assertThat(proxy.onlyUsage().attempts().get(0).outcome()).isEqualTo("ok");
    }

    // Malformed event (SSE framing)

    @Test
    void linesThatAreNoSseFieldsAreIgnoredAndTheStreamIsServed() throws Exception {
        a.always(
                Reply.sse()
                        .raw("garbage without a colon\n\n")
                        .raw("retry: soon\nid\nevent: ping\n\n")
                        .raw("data:" + Chat.roleChunk("a-model") + "\nunknown-field: x\n\n")
                        .event(Chat.contentChunk("a-model", "Hello"))
                        .event(Chat.contentChunk("a-model", " world"))
                        .event(Chat.finishChunk("a-model"))
                        .done());
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("a");
            assertThat(stream.rest()).isEqualTo(goodEvents(a));
        }
        assertThat(b.hits()).isZero();
    }

    // Split writes at chosen byte offsets

    @Test
    void eventsSplitAtAnyByteArriveWhole() throws Exception {
        String role = Chat.roleChunk("a-model");
        String greeting = Chat.contentChunk("a-model", "Grüße 👋");
        String wire =
                "data: " + role + "\r\n\r\ndata: " + greeting + "\r\n\r\ndata: [DONE]\r\n\r\n";
        byte[] bytes = wire.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int firstCr = wire.indexOf('\r');
        int emoji = indexOfBytes(bytes, "👋".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int umlaut = indexOfBytes(bytes, "ü".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int done = indexOfBytes(bytes, "[DONE]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        a.always(
                Reply.sse()
                        .split(
                                wire,
                                3, // inside "data:"
                                firstCr + 1, // between CR and LF
                                umlaut + 1, // inside a two-byte character
                                emoji + 1, // inside a four-byte character
                                emoji + 3,
                                done + 2, // inside [DONE]
                                bytes.length - 1)); // before the final LF
        start(chain("chat", a, b));

        try (SseStream stream = proxy.stream(STREAM)) {
            assertThat(stream.header("x-signalbox-provider")).isEqualTo("a");
            assertThat(stream.rest()).containsExactly(role, greeting, "[DONE]");
        }
        assertThat(proxy.onlyUsage().attempts().get(0).outcome()).isEqualTo("ok");
    }

    private static int indexOfBytes(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
