package io.signalbox.proxy.upstream.sse;

import io.signalbox.proxy.upstream.usage.UsageCounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Upstream event streams shaped like real recordings (field names, order, framing and keep-alives
 * as the servers send them; ids and text made up).
 */
final class RecordedStreams {

    /**
     * @param complete false when the stream was cut inside an event
     * @param dataEvents how many blocks carry a data field
     * @param usage the last usage the stream reports
     */
    record Recorded(
            String name,
            byte[] bytes,
            boolean complete,
            int dataEvents,
            Optional<UsageCounts> usage) {
        @Override
        public String toString() {
            return name;
        }
    }

    private RecordedStreams() {}

    /** OpenAI chat/completions with {@code include_usage}: a usage-only chunk, then [DONE]. */
    static final String OPENAI_CHAT =
            """
            data: {"id":"chatcmpl-CLx7TQpQ6c2Xk3qPWbeg8mrdJrX1v","object":"chat.completion.chunk","created":1759142911,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"Wz3kq"}

            data: {"id":"chatcmpl-CLx7TQpQ6c2Xk3qPWbeg8mrdJrX1v","object":"chat.completion.chunk","created":1759142911,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"r1"}

            data: {"id":"chatcmpl-CLx7TQpQ6c2Xk3qPWbeg8mrdJrX1v","object":"chat.completion.chunk","created":1759142911,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{"content":" there!"},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"Yb0"}

            data: {"id":"chatcmpl-CLx7TQpQ6c2Xk3qPWbeg8mrdJrX1v","object":"chat.completion.chunk","created":1759142911,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null,"obfuscation":"Qe8w"}

            data: {"id":"chatcmpl-CLx7TQpQ6c2Xk3qPWbeg8mrdJrX1v","object":"chat.completion.chunk","created":1759142911,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_560af6e559","choices":[],"usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"obfuscation":"m"}

            data: [DONE]

            """;

    /** OpenRouter: {@code : OPENROUTER PROCESSING} keep-alives before and between chunks. */
    static final String OPENROUTER =
            """
            : OPENROUTER PROCESSING

            : OPENROUTER PROCESSING

            data: {"id":"gen-1759143000-AbCdEfGhIjKlMnOp","provider":"Anthropic","model":"anthropic/claude-sonnet-4","object":"chat.completion.chunk","created":1759143000,"choices":[{"index":0,"delta":{"role":"assistant","content":"Bonjour"},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

            : OPENROUTER PROCESSING

            data: {"id":"gen-1759143000-AbCdEfGhIjKlMnOp","provider":"Anthropic","model":"anthropic/claude-sonnet-4","object":"chat.completion.chunk","created":1759143000,"choices":[{"index":0,"delta":{"role":"assistant","content":" à vous — déjà?"},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

            data: {"id":"gen-1759143000-AbCdEfGhIjKlMnOp","provider":"Anthropic","model":"anthropic/claude-sonnet-4","object":"chat.completion.chunk","created":1759143000,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop","native_finish_reason":"end_turn","logprobs":null}]}

            data: {"id":"gen-1759143000-AbCdEfGhIjKlMnOp","provider":"Anthropic","model":"anthropic/claude-sonnet-4","object":"chat.completion.chunk","created":1759143000,"choices":[],"usage":{"prompt_tokens":14,"completion_tokens":9,"total_tokens":23,"cost":0.000177,"is_byok":false,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"cost_details":{"upstream_inference_cost":null,"upstream_inference_prompt_cost":0.000042,"upstream_inference_completions_cost":0.000135},"completion_tokens_details":{"reasoning_tokens":0,"image_tokens":0}}}

            data: [DONE]

            """;

    /** Responses API: named events, usage only in {@code response.completed}, no [DONE]. */
    static final String RESPONSES =
            """
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_68d9a1c2e4f08190b6a7c3d2e1f0a9b8","object":"response","created_at":1759143100,"status":"in_progress","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"model":"o4-mini-2025-04-16","output":[],"parallel_tool_calls":true,"previous_response_id":null,"reasoning":{"effort":"medium","summary":null},"store":true,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

            event: response.in_progress
            data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_68d9a1c2e4f08190b6a7c3d2e1f0a9b8","object":"response","created_at":1759143100,"status":"in_progress","error":null,"model":"o4-mini-2025-04-16","output":[],"usage":null}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"rs_68d9a1c3b1c88190","type":"reasoning","summary":[]}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":3,"output_index":0,"item":{"id":"rs_68d9a1c3b1c88190","type":"reasoning","summary":[]}}

            event: response.output_item.added
            data: {"type":"response.output_item.added","sequence_number":4,"output_index":1,"item":{"id":"msg_68d9a1c5f2a48190","type":"message","status":"in_progress","content":[],"role":"assistant"}}

            event: response.content_part.added
            data: {"type":"response.content_part.added","sequence_number":5,"item_id":"msg_68d9a1c5f2a48190","output_index":1,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":6,"item_id":"msg_68d9a1c5f2a48190","output_index":1,"content_index":0,"delta":"Four","logprobs":[],"obfuscation":"k2Tf9aQ"}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":7,"item_id":"msg_68d9a1c5f2a48190","output_index":1,"content_index":0,"delta":".","logprobs":[],"obfuscation":"x8Jd0LmPq"}

            event: response.output_text.done
            data: {"type":"response.output_text.done","sequence_number":8,"item_id":"msg_68d9a1c5f2a48190","output_index":1,"content_index":0,"text":"Four.","logprobs":[]}

            event: response.content_part.done
            data: {"type":"response.content_part.done","sequence_number":9,"item_id":"msg_68d9a1c5f2a48190","output_index":1,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":"Four."}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","sequence_number":10,"output_index":1,"item":{"id":"msg_68d9a1c5f2a48190","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Four."}],"role":"assistant"}}

            event: response.completed
            data: {"type":"response.completed","sequence_number":11,"response":{"id":"resp_68d9a1c2e4f08190b6a7c3d2e1f0a9b8","object":"response","created_at":1759143100,"status":"completed","error":null,"model":"o4-mini-2025-04-16","output":[{"id":"msg_68d9a1c5f2a48190","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Four."}],"role":"assistant"}],"usage":{"input_tokens":13,"input_tokens_details":{"cached_tokens":0},"output_tokens":139,"output_tokens_details":{"reasoning_tokens":128},"total_tokens":152},"user":null,"metadata":{}}}

            """;

    /** Ollama's OpenAI-compatible endpoint ({@code fp_ollama}), usage chunk on request. */
    static final String OLLAMA =
            """
            data: {"id":"chatcmpl-745","object":"chat.completion.chunk","created":1759143200,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"The"},"finish_reason":null}]}

            data: {"id":"chatcmpl-745","object":"chat.completion.chunk","created":1759143200,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":" sky"},"finish_reason":null}]}

            data: {"id":"chatcmpl-745","object":"chat.completion.chunk","created":1759143200,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":" is blue."},"finish_reason":null}]}

            data: {"id":"chatcmpl-745","object":"chat.completion.chunk","created":1759143201,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop"}]}

            data: {"id":"chatcmpl-745","object":"chat.completion.chunk","created":1759143201,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[],"usage":{"prompt_tokens":31,"completion_tokens":5,"total_tokens":36}}

            data: [DONE]

            """;

    /**
     * llama.cpp server with CRLF line endings, multi-byte text (CJK, accents, emoji including ZWJ
     * and flag sequences), {@code timings}, and usage on the last choice chunk.
     */
    static final String LLAMA_CPP_UNICODE_CRLF =
            """
            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"role":"assistant","content":null}}],"created":1759143300,"id":"chatcmpl-Qx8mZ2pL0aVt","model":"qwen3-8b-q4_k_m.gguf","system_fingerprint":"b6500-3f9a2c1d","object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"reasoning_content":"用户在问候。"}}],"created":1759143300,"id":"chatcmpl-Qx8mZ2pL0aVt","model":"qwen3-8b-q4_k_m.gguf","system_fingerprint":"b6500-3f9a2c1d","object":"chat.completion.chunk","timings":{"cache_n":16,"prompt_n":6,"prompt_ms":41.2,"prompt_per_token_ms":6.87,"prompt_per_second":145.6,"predicted_n":3,"predicted_ms":52.1,"predicted_per_token_ms":17.37,"predicted_per_second":57.6}}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"你好！👋 "}}],"created":1759143300,"id":"chatcmpl-Qx8mZ2pL0aVt","model":"qwen3-8b-q4_k_m.gguf","system_fingerprint":"b6500-3f9a2c1d","object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"Ça va? 🇫🇷👩‍💻 — こんにちは"}}],"created":1759143300,"id":"chatcmpl-Qx8mZ2pL0aVt","model":"qwen3-8b-q4_k_m.gguf","system_fingerprint":"b6500-3f9a2c1d","object":"chat.completion.chunk"}

            data: {"choices":[{"finish_reason":"stop","index":0,"delta":{}}],"created":1759143301,"id":"chatcmpl-Qx8mZ2pL0aVt","model":"qwen3-8b-q4_k_m.gguf","system_fingerprint":"b6500-3f9a2c1d","object":"chat.completion.chunk","usage":{"completion_tokens":18,"prompt_tokens":22,"total_tokens":40,"prompt_tokens_details":{"cached_tokens":16}},"timings":{"cache_n":16,"prompt_n":6,"prompt_ms":41.2,"prompt_per_token_ms":6.87,"prompt_per_second":145.6,"predicted_n":18,"predicted_ms":312.9,"predicted_per_token_ms":17.38,"predicted_per_second":57.5}}

            data: [DONE]

            """
                    .replace("\n", "\r\n");

    /**
     * vLLM with {@code continuous_usage_stats} (running usage on every chunk), framed with a UTF-8
     * BOM, lone-CR line endings, {@code data:} without the space and one JSON object spread over
     * two data lines.
     */
    static final String VLLM_RUNNING_USAGE_CR =
            ("\uFEFF"
                            + """
                            data:{"id":"chatcmpl-9c1e7d3b2a","object":"chat.completion.chunk","created":1759143400,"model":"Qwen/Qwen2.5-7B-Instruct","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":{"prompt_tokens":12,"total_tokens":12,"completion_tokens":0}}

                            data:{"id":"chatcmpl-9c1e7d3b2a","object":"chat.completion.chunk","created":1759143400,"model":"Qwen/Qwen2.5-7B-Instruct","choices":[{"index":0,"delta":{"content":"Grüß"},"logprobs":null,"finish_reason":null}],"usage":{"prompt_tokens":12,"total_tokens":13,"completion_tokens":1}}

                            data:{"id":"chatcmpl-9c1e7d3b2a","object":"chat.completion.chunk","created":1759143400,
                            data:"model":"Qwen/Qwen2.5-7B-Instruct","choices":[{"index":0,"delta":{"content":" Gott 🙂"},"logprobs":null,"finish_reason":null}],"usage":{"prompt_tokens":12,"total_tokens":15,"completion_tokens":3}}

                            data:{"id":"chatcmpl-9c1e7d3b2a","object":"chat.completion.chunk","created":1759143400,"model":"Qwen/Qwen2.5-7B-Instruct","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop","stop_reason":null}],"usage":{"prompt_tokens":12,"total_tokens":16,"completion_tokens":4}}

                            data:{"id":"chatcmpl-9c1e7d3b2a","object":"chat.completion.chunk","created":1759143400,"model":"Qwen/Qwen2.5-7B-Instruct","choices":[],"usage":{"prompt_tokens":12,"total_tokens":16,"completion_tokens":4,"prompt_tokens_details":null}}

                            data:[DONE]

                            """)
                    .replace("\n", "\r");

    /** The OpenAI stream cut in the middle of its usage chunk, as a reset connection leaves it. */
    static final String OPENAI_CHAT_CUT =
            OPENAI_CHAT.substring(0, OPENAI_CHAT.indexOf("\"choices\":[],") + 20);

    static List<Recorded> all() {
        return List.of(
                recorded("OpenAI chat", OPENAI_CHAT, true, 6, usage(2006, 300, 2306, 1920, 0)),
                recorded("OpenRouter", OPENROUTER, true, 5, usage(14, 9, 23, 0, 0)),
                recorded("Responses API", RESPONSES, true, 12, usage(13, 139, 152, 0, 128)),
                recorded("Ollama", OLLAMA, true, 6, usage(31, 5, 36, 0, 0)),
                recorded(
                        "llama.cpp unicode CRLF",
                        LLAMA_CPP_UNICODE_CRLF,
                        true,
                        6,
                        usage(22, 18, 40, 16, 0)),
                recorded(
                        "vLLM running usage CR",
                        VLLM_RUNNING_USAGE_CR,
                        true,
                        6,
                        usage(12, 4, 16, 0, 0)),
                recorded("OpenAI chat cut", OPENAI_CHAT_CUT, false, 4, Optional.empty()));
    }

    private static Recorded recorded(
            String name,
            String text,
            boolean complete,
            int dataEvents,
            Optional<UsageCounts> usage) {
        return new Recorded(
                name, text.getBytes(StandardCharsets.UTF_8), complete, dataEvents, usage);
    }

    private static Optional<UsageCounts> usage(
            long prompt, long completion, long total, long cached, long reasoning) {
        return Optional.of(new UsageCounts(prompt, completion, total, cached, reasoning));
    }
}
