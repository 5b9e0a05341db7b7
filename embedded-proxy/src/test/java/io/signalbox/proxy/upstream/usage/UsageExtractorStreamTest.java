package io.signalbox.proxy.upstream.usage;

import static io.signalbox.proxy.upstream.usage.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streamed events: their usage, the usage-only chunk, and in-band errors, in each server's shape.
 */
class UsageExtractorStreamTest {

    static Stream<Arguments> streamEvents() {
        return Stream.of(
                arguments(
                        "OpenAI content chunk has usage null",
                        """
                        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}],"usage":null}
                        """,
                        Optional.empty()),
                arguments(
                        "OpenAI usage chunk",
                        """
                        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}
                        """,
                        Optional.of(new UsageCounts(19, 10, 29, 0, 0))),
                arguments(
                        "vLLM running usage on a content chunk",
                        """
                        {"id":"chatcmpl-2","object":"chat.completion.chunk","created":1,"model":"Qwen/Qwen2.5-7B-Instruct","choices":[{"index":0,"delta":{"content":" Gott"},"logprobs":null,"finish_reason":null}],"usage":{"prompt_tokens":12,"total_tokens":15,"completion_tokens":3}}
                        """,
                        Optional.of(new UsageCounts(12, 3, 15, 0, 0))),
                arguments(
                        "llama.cpp usage on the finishing choice chunk",
                        """
                        {"choices":[{"finish_reason":"stop","index":0,"delta":{}}],"created":1,"id":"chatcmpl-3","model":"m.gguf","object":"chat.completion.chunk","usage":{"completion_tokens":31,"prompt_tokens":75,"total_tokens":106},"timings":{"prompt_n":75,"predicted_n":31}}
                        """,
                        Optional.of(new UsageCounts(75, 31, 106, 0, 0))),
                arguments(
                        "Responses completed",
                        """
                        {"type":"response.completed","sequence_number":11,"response":{"id":"resp_1","object":"response","status":"completed","usage":{"input_tokens":13,"input_tokens_details":{"cached_tokens":0},"output_tokens":139,"output_tokens_details":{"reasoning_tokens":128},"total_tokens":152}}}
                        """,
                        Optional.of(new UsageCounts(13, 139, 152, 0, 128))),
                arguments(
                        "Responses incomplete",
                        """
                        {"type":"response.incomplete","sequence_number":40,"response":{"id":"resp_2","object":"response","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"usage":{"input_tokens":50,"input_tokens_details":{"cached_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":16},"total_tokens":66}}}
                        """,
                        Optional.of(new UsageCounts(50, 16, 66, 0, 16))),
                arguments(
                        "Responses failed",
                        """
                        {"type":"response.failed","sequence_number":5,"response":{"id":"resp_3","object":"response","status":"failed","error":{"code":"server_error","message":"The model failed."},"usage":{"input_tokens":9,"output_tokens":0,"total_tokens":9}}}
                        """,
                        Optional.of(new UsageCounts(9, 0, 9, 0, 0))),
                arguments(
                        "Responses created has usage null",
                        """
                        {"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","usage":null}}
                        """,
                        Optional.empty()),
                arguments(
                        "Responses in progress is not terminal even with usage",
                        """
                        {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_1","status":"in_progress","usage":{"input_tokens":13,"output_tokens":0,"total_tokens":13}}}
                        """,
                        Optional.empty()),
                arguments(
                        "Responses text delta",
                        """
                        {"type":"response.output_text.delta","sequence_number":6,"item_id":"msg_1","output_index":1,"content_index":0,"delta":"Four","logprobs":[]}
                        """,
                        Optional.empty()),
                arguments(
                        "Responses completed without a response",
                        """
                        {"type":"response.completed","sequence_number":11}
                        """,
                        Optional.empty()),
                arguments("done sentinel is not an object", "\"[DONE]\"", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamEvents")
    void readsUsageOfAStreamedEvent(String shape, String data, Optional<UsageCounts> expected) {
        assertThat(UsageExtractor.fromStreamEvent(json(data))).isEqualTo(expected);
    }

    static Stream<Arguments> chunks() {
        return Stream.of(
                arguments(
                        "OpenAI include_usage chunk",
                        """
                        {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29}}
                        """,
                        true),
                arguments(
                        "llama.cpp usage-only chunk with timings",
                        """
                        {"choices":[],"created":1758108431,"id":"chatcmpl-Ca3q","model":"gemma","system_fingerprint":"b6497","object":"chat.completion.chunk","usage":{"completion_tokens":31,"prompt_tokens":75,"total_tokens":106},"timings":{"cache_n":0}}
                        """,
                        true),
                arguments(
                        "usage on a chunk that still has a choice",
                        """
                        {"choices":[{"finish_reason":"stop","index":0,"delta":{}}],"object":"chat.completion.chunk","usage":{"completion_tokens":31,"prompt_tokens":75,"total_tokens":106}}
                        """,
                        false),
                arguments(
                        "Azure prompt filter chunk has empty choices but no usage",
                        """
                        {"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}]}
                        """,
                        false),
                arguments(
                        "empty choices with usage null",
                        """
                        {"choices":[],"object":"chat.completion.chunk","usage":null}
                        """,
                        false),
                arguments(
                        "usage without choices",
                        """
                        {"type":"response.completed","usage":{"input_tokens":1}}
                        """,
                        false),
                arguments("not an object", "[]", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunks")
    void recognisesTheUsageOnlyChunk(String shape, String data, boolean usageOnly) {
        assertThat(UsageExtractor.isUsageOnlyChunk(json(data))).isEqualTo(usageOnly);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments(
                        "OpenAI error object",
                        """
                        {"error":{"message":"Rate limit reached for gpt-4o in organization org-x on tokens per min.","type":"tokens","param":null,"code":"rate_limit_exceeded"}}
                        """,
                        Optional.of(
                                "Rate limit reached for gpt-4o in organization org-x on tokens per min.")),
                arguments(
                        "plain error string as llama.cpp and Ollama send it",
                        """
                        {"error":"model \\"llama9\\" not found, try pulling it first"}
                        """,
                        Optional.of("model \"llama9\" not found, try pulling it first")),
                arguments(
                        "OpenRouter mid-stream error chunk",
                        """
                        {"id":"cmpl-abc123","object":"chat.completion.chunk","created":1759140010,"model":"openai/gpt-4o","provider":"OpenAI","error":{"code":"server_error","message":"Provider disconnected unexpectedly"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}
                        """,
                        Optional.of("Provider disconnected unexpectedly")),
                arguments(
                        "Anthropic error event",
                        """
                        {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
                        """,
                        Optional.of("Overloaded")),
                arguments(
                        "Responses error event",
                        """
                        {"type":"error","code":"ERR_SOMETHING","message":"Something went wrong","param":null,"sequence_number":1}
                        """,
                        Optional.of("Something went wrong")),
                arguments(
                        "Responses failed event",
                        """
                        {"type":"response.failed","sequence_number":5,"response":{"id":"resp_3","object":"response","status":"failed","error":{"code":"server_error","message":"The model failed to generate a response."},"usage":null}}
                        """,
                        Optional.of("The model failed to generate a response.")),
                arguments(
                        "vLLM error response",
                        """
                        {"object":"error","message":"This model's maximum context length is 4096 tokens.","type":"BadRequestError","param":null,"code":400}
                        """,
                        Optional.of("This model's maximum context length is 4096 tokens.")),
                arguments(
                        "error without a message gives its JSON",
                        """
                        {"error":{"code":500}}
                        """,
                        Optional.of("{\"code\":500}")),
                arguments(
                        "blank error string gives the whole object",
                        """
                        {"error":" "}
                        """,
                        Optional.of("{\"error\":\" \"}")),
                arguments(
                        "error null next to a normal chunk",
                        """
                        {"id":"c1","object":"chat.completion.chunk","error":null,"choices":[{"index":0,"delta":{"content":"ok"}}]}
                        """,
                        Optional.empty()),
                arguments(
                        "normal chunk",
                        """
                        {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"error"}}],"usage":null}
                        """,
                        Optional.empty()),
                arguments(
                        "Responses created with error null inside",
                        """
                        {"type":"response.created","response":{"id":"resp_1","status":"in_progress","error":null}}
                        """,
                        Optional.empty()),
                arguments("done sentinel", "\"[DONE]\"", Optional.empty()),
                arguments("JSON null", "null", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void findsTheMessageOfAnInBandError(String shape, String data, Optional<String> expected) {
        assertThat(UsageExtractor.errorMessage(json(data))).isEqualTo(expected);
    }
}
