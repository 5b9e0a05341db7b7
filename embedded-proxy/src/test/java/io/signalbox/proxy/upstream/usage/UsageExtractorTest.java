package io.signalbox.proxy.upstream.usage;

import static io.signalbox.proxy.upstream.usage.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.NullNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole response bodies shaped like those of OpenAI, vLLM, llama.cpp, Ollama, OpenRouter, DeepSeek
 * and Gemini; streamed events are in {@link UsageExtractorStreamTest}.
 */
class UsageExtractorTest {

    static Stream<Arguments> responsesWithUsage() {
        return Stream.of(
                arguments(
                        "OpenAI chat with cached and reasoning details",
                        """
                        {"id":"chatcmpl-CLy2b9QxVfT0","object":"chat.completion","created":1759140000,"model":"o4-mini-2025-04-16",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Paris.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,
                                  "prompt_tokens_details":{"cached_tokens":1920,"audio_tokens":0},
                                  "completion_tokens_details":{"reasoning_tokens":256,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                         "service_tier":"default","system_fingerprint":null}
                        """,
                        new UsageCounts(2006, 300, 2306, 1920, 256)),
                arguments(
                        "OpenAI legacy completions",
                        """
                        {"id":"cmpl-9x","object":"text_completion","created":1759140001,"model":"gpt-3.5-turbo-instruct",
                         "choices":[{"text":" world","index":0,"logprobs":null,"finish_reason":"length"}],
                         "usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}
                        """,
                        new UsageCounts(5, 7, 12, 0, 0)),
                arguments(
                        "OpenAI embeddings",
                        """
                        {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023064255,-0.009327292]}],
                         "model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}
                        """,
                        new UsageCounts(8, 0, 8, 0, 0)),
                arguments(
                        "Responses API",
                        """
                        {"id":"resp_67ccd3a9da748190","object":"response","created_at":1741476777,"status":"completed","error":null,
                         "model":"gpt-4.1-2025-04-14","output":[{"type":"message","id":"msg_1","status":"completed","role":"assistant",
                           "content":[{"type":"output_text","text":"Hi!","annotations":[]}]}],
                         "usage":{"input_tokens":328,"input_tokens_details":{"cached_tokens":256},"output_tokens":52,
                                  "output_tokens_details":{"reasoning_tokens":0},"total_tokens":380}}
                        """,
                        new UsageCounts(328, 52, 380, 256, 0)),
                arguments(
                        "vLLM with null details and extra top-level fields",
                        """
                        {"id":"chatcmpl-b1c2d3","object":"chat.completion","created":1759140002,"model":"Qwen/Qwen2.5-7B-Instruct",
                         "choices":[{"index":0,"message":{"role":"assistant","reasoning_content":null,"content":"Hi","tool_calls":[]},
                                     "logprobs":null,"finish_reason":"stop","stop_reason":null}],
                         "usage":{"prompt_tokens":20,"total_tokens":29,"completion_tokens":9,"prompt_tokens_details":null},
                         "prompt_logprobs":null,"kv_transfer_params":null}
                        """,
                        new UsageCounts(20, 9, 29, 0, 0)),
                arguments(
                        "llama.cpp with cache details and timings",
                        """
                        {"choices":[{"finish_reason":"stop","index":0,"message":{"role":"assistant","content":"Hello"}}],
                         "created":1759140003,"model":"gemma-3-1b-it","system_fingerprint":"b6500-3f9a2c1d","object":"chat.completion",
                         "usage":{"completion_tokens":12,"prompt_tokens":40,"total_tokens":52,"prompt_tokens_details":{"cached_tokens":32}},
                         "id":"chatcmpl-Ca3q6j8N",
                         "timings":{"cache_n":32,"prompt_n":8,"prompt_ms":18.0,"predicted_n":12,"predicted_ms":87.5}}
                        """,
                        new UsageCounts(40, 12, 52, 32, 0)),
                arguments(
                        "Ollama OpenAI-compatible",
                        """
                        {"id":"chatcmpl-312","object":"chat.completion","created":1759140004,"model":"llama3.2","system_fingerprint":"fp_ollama",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Blue."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":26,"completion_tokens":9,"total_tokens":35}}
                        """,
                        new UsageCounts(26, 9, 35, 0, 0)),
                arguments(
                        "OpenRouter with cost fields",
                        """
                        {"id":"gen-1759140005","provider":"OpenAI","model":"openai/gpt-4o","object":"chat.completion","created":1759140005,
                         "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop","native_finish_reason":"stop"}],
                         "usage":{"prompt_tokens":14,"completion_tokens":2,"total_tokens":16,"cost":0.000055,"is_byok":false,
                                  "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                                  "cost_details":{"upstream_inference_cost":null},
                                  "completion_tokens_details":{"reasoning_tokens":0,"image_tokens":0}}}
                        """,
                        new UsageCounts(14, 2, 16, 0, 0)),
                arguments(
                        "DeepSeek cache hit fields only",
                        """
                        {"id":"d1","object":"chat.completion","model":"deepseek-chat",
                         "usage":{"prompt_tokens":74,"completion_tokens":10,"total_tokens":84,
                                  "prompt_cache_hit_tokens":64,"prompt_cache_miss_tokens":10}}
                        """,
                        new UsageCounts(74, 10, 84, 64, 0)),
                arguments(
                        "Gemini reasoning outside completion, no visible output",
                        """
                        {"id":"g1","object":"chat.completion","model":"gemini-2.5-flash",
                         "usage":{"completion_tokens":0,"total_tokens":81,"prompt_tokens":21,
                                  "completion_tokens_details":{"reasoning_tokens":60}}}
                        """,
                        new UsageCounts(21, 60, 81, 0, 60)),
                arguments(
                        "Gemini reasoning outside completion",
                        """
                        {"usage":{"prompt_tokens":20,"completion_tokens":151,"total_tokens":553,
                                  "completion_tokens_details":{"reasoning_tokens":382}}}
                        """,
                        new UsageCounts(20, 533, 553, 0, 382)),
                arguments(
                        "total missing",
                        """
                        {"usage":{"prompt_tokens":10,"completion_tokens":5}}
                        """,
                        new UsageCounts(10, 5, 15, 0, 0)),
                arguments(
                        "total null",
                        """
                        {"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":null}}
                        """,
                        new UsageCounts(10, 5, 15, 0, 0)),
                arguments(
                        "total zero next to real parts",
                        """
                        {"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":0}}
                        """,
                        new UsageCounts(10, 5, 15, 0, 0)),
                arguments(
                        "upstream total is kept when larger",
                        """
                        {"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":20}}
                        """,
                        new UsageCounts(10, 5, 20, 0, 0)),
                arguments(
                        "whole-number floats",
                        """
                        {"usage":{"prompt_tokens":10.0,"completion_tokens":5.0,"total_tokens":15.0}}
                        """,
                        new UsageCounts(10, 5, 15, 0, 0)),
                arguments(
                        "null details fields",
                        """
                        {"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15,
                                  "prompt_tokens_details":{"cached_tokens":null},
                                  "completion_tokens_details":{"reasoning_tokens":null}}}
                        """,
                        new UsageCounts(10, 5, 15, 0, 0)),
                arguments(
                        "garbage counts are ignored one by one",
                        """
                        {"usage":{"prompt_tokens":-5,"completion_tokens":7,"total_tokens":"lots",
                                  "prompt_tokens_details":"none","completion_tokens_details":{"reasoning_tokens":2.5}}}
                        """,
                        new UsageCounts(0, 7, 7, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responsesWithUsage")
    void readsUsageOfAWholeResponse(String shape, String body, UsageCounts expected) {
        assertThat(UsageExtractor.fromResponse(json(body))).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}",
                "{\"usage\":null}",
                "{\"usage\":{}}",
                "{\"usage\":\"12 tokens\"}",
                "{\"usage\":[10,5,15]}",
                "{\"usage\":{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}}",
                "{\"usage\":{\"prompt_tokens\":null,\"completion_tokens\":null,\"total_tokens\":null}}",
                "{\"usage\":{\"prompt_tokens\":\"10\",\"completion_tokens\":\"5\"}}",
                "{\"usage\":{\"prompt_tokens\":-1,\"completion_tokens\":-1}}",
                "{\"usage\":{\"prompt_tokens\":1e300,\"completion_tokens\":99999999999999999999999}}",
                "{\"usage\":{\"cost\":0.01,\"is_byok\":false}}",
                "[{\"usage\":{\"prompt_tokens\":1}}]",
                "\"usage\"",
                "null"
            })
    void findsNoUsageInBodiesWithoutUsableCounts(String body) {
        assertThat(UsageExtractor.fromResponse(json(body))).isEmpty();
    }

    @Test
    void findsNoUsageInAMissingBody() {
        assertThat(UsageExtractor.fromResponse(null)).isEmpty();
        assertThat(UsageExtractor.fromResponse(NullNode.getInstance())).isEmpty();
        assertThat(UsageExtractor.fromStreamEvent(null)).isEmpty();
    }
}
