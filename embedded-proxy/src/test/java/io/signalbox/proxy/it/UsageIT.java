package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.chain;
import static io.signalbox.proxy.it.StreamingIT.goodEvents;
import static io.signalbox.proxy.it.StreamingIT.goodStream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.usage.UsageEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What each call cost: the upstream's own count when it gives one, else a marked estimate. */
class UsageIT extends ProxyTestBase {

    /** 8 characters: 2 tokens of text plus 4 for the message, by the estimator's rule. */
    private static final String PROMPT = "abcdefgh";

    private static final long ESTIMATED_PROMPT = 6;

    @Test
    void aNonStreamedCountIsRecordedExactlyWithCacheAndReasoningDetail() throws Exception {
        ObjectNode answer = (ObjectNode) Chat.parse(Chat.completion("a-model", "Hi", 1, 1));
        ObjectNode usage = answer.putObject("usage");
        usage.put("prompt_tokens", 1200).put("completion_tokens", 345).put("total_tokens", 1545);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 1024);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 300);
        a.always(Reply.json(200, answer.toString()));
        start(chain("chat", a));

        assertThat(proxy.chat(Chat.request("chat", PROMPT)).body()).isEqualTo(answer.toString());

        UsageEvent event = proxy.onlyUsage();
        assertThat(event.usage()).isEqualTo(new UsageCounts(1200, 345, 1545, 1024, 300));
        assertThat(event.estimated()).isFalse();
        assertThat(event.stream()).isFalse();
    }

    @ParameterizedTest(name = "client include_usage = {0}")
    @NullSource
    @ValueSource(booleans = false)
    void aStreamAsksTheUpstreamForUsageAndHidesItFromAClientThatDidNotAsk(Boolean includeUsage)
            throws Exception {
        a.always(goodStream(a));
        start(chain("chat", a));

        List<String> events;
        try (SseStream stream = proxy.stream(Chat.streamRequest("chat", PROMPT, includeUsage))) {
            events = stream.rest();
        }

        JsonNode sent = a.onlyRequest().body();
        assertThat(sent.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(events).isEqualTo(goodEvents(a));
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.stream()).isTrue();
        assertThat(usage.usage()).isEqualTo(new UsageCounts(12, 9, 21, 0, 0));
        assertThat(usage.estimated()).isFalse();
    }

    @Test
    void aClientThatAskedForUsageGetsExactlyOneUsageChunk() throws Exception {
        a.always(goodStream(a));
        start(chain("chat", a));
        String request = Chat.streamRequest("chat", PROMPT, true);

        List<String> events;
        try (SseStream stream = proxy.stream(request)) {
            events = stream.rest();
        }

        assertThat(a.onlyRequest().body().get("stream_options"))
                .isEqualTo(Chat.parse(request).get("stream_options"));
        List<String> expected = new ArrayList<>(goodEvents(a));
        expected.add(expected.size() - 1, Chat.usageChunk("a-model", 12, 9));
        assertThat(events).isEqualTo(expected);
        assertThat(events).filteredOn(e -> e.contains("\"usage\"")).hasSize(1);
        assertThat(proxy.onlyUsage().usage()).isEqualTo(new UsageCounts(12, 9, 21, 0, 0));
    }

    @Test
    void withoutAnUpstreamCountANonStreamedCallIsEstimatedAndMarked() throws Exception {
        a.always(Reply.json(200, Chat.completion("a-model", "Hello world!")));
        start(chain("chat", a));

        proxy.chat(Chat.request("chat", PROMPT));

        UsageEvent usage = proxy.onlyUsage();
        // "Hello world!" is 12 characters: 3 tokens.
        assertThat(usage.usage()).isEqualTo(new UsageCounts(ESTIMATED_PROMPT, 3, 9, 0, 0));
        assertThat(usage.estimated()).isTrue();
    }

    @Test
    void withoutAnUpstreamCountAStreamedCallIsEstimatedFromTheTextThatWentThrough()
            throws Exception {
        // An older server that ignores stream_options: no usage chunk at all.
        a.always(
                Reply.sse()
                        .event(Chat.roleChunk("a-model"))
                        .event(Chat.contentChunk("a-model", "Hello "))
                        .event(Chat.contentChunk("a-model", "world!"))
                        .event(Chat.finishChunk("a-model"))
                        .done());
        start(chain("chat", a));

        try (SseStream stream = proxy.stream(Chat.streamRequest("chat", PROMPT, null))) {
            assertThat(stream.rest()).hasSize(5);
        }

        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.usage()).isEqualTo(new UsageCounts(ESTIMATED_PROMPT, 3, 9, 0, 0));
        assertThat(usage.estimated()).isTrue();
    }

    @Test
    void failedAttemptsAddNoTokens() throws Exception {
        a.always(Reply.error(503, "overloaded"));
        b.always(Reply.sse().event(Chat.error("overloaded", "server_error")).done());
        c.always(goodStream(c));
        start(chain("chat", a, b, c));

        try (SseStream stream = proxy.stream(Chat.streamRequest("chat", PROMPT, null))) {
            assertThat(stream.rest()).isEqualTo(goodEvents(c));
        }

        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.attempts())
                .extracting(t -> t.outcome())
                .containsExactly("server_error", "error_event", "ok");
        assertThat(usage.usage()).isEqualTo(new UsageCounts(12, 9, 21, 0, 0));
        assertThat(usage.estimated()).isFalse();
    }

    @Test
    void aResponsesApiStreamIsNotGivenStreamOptionsAndItsUsageComesFromTheLastEvent()
            throws Exception {
        String created = "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}";
        String delta = "{\"type\":\"response.output_text.delta\",\"delta\":\"Hello\"}";
        String completed =
                "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\","
                        + "\"usage\":{\"input_tokens\":5,\"output_tokens\":7,\"total_tokens\":12}}}";
        a.always(
                Reply.sse()
                        .raw("event: response.created\ndata: " + created + "\n\n")
                        .raw("event: response.output_text.delta\ndata: " + delta + "\n\n")
                        .raw("event: response.completed\ndata: " + completed + "\n\n"));
        start(chain("chat", a));

        List<String> events;
        try (SseStream stream =
                proxy.streamAt(
                        "/v1/responses", "{\"model\":\"chat\",\"input\":\"Hi\",\"stream\":true}")) {
            events = stream.rest();
        }

        assertThat(a.onlyRequest().path()).isEqualTo("/v1/responses");
        assertThat(a.onlyRequest().body().has("stream_options")).isFalse();
        assertThat(events).containsExactly(created, delta, completed);
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.usage()).isEqualTo(new UsageCounts(5, 7, 12, 0, 0));
        assertThat(usage.estimated()).isFalse();
    }

    @Test
    void anEmbeddingsCountHasPromptTokensOnly() throws Exception {
        a.always(
                Reply.json(
                        200,
                        "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                                + "\"embedding\":[0.0023,-0.0093]}],\"model\":\"a-model\","
                                + "\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}"));
        start(chain("chat", a));

        proxy.post("/v1/embeddings", "{\"model\":\"chat\",\"input\":\"The food was delicious\"}");

        UsageEvent usage = proxy.onlyUsage();
        assertThat(a.onlyRequest().path()).isEqualTo("/v1/embeddings");
        assertThat(usage.usage()).isEqualTo(new UsageCounts(8, 0, 8, 0, 0));
        assertThat(usage.estimated()).isFalse();
    }
}
