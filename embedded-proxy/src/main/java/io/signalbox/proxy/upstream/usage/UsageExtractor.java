package io.signalbox.proxy.upstream.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads token usage and in-band errors from upstream JSON: whole responses and the data objects of
 * streamed events. Tolerant by design: servers add fields, send nulls or leave details out, and
 * none of that may break a request; a count that is not a non-negative whole number is treated as
 * absent.
 */
public final class UsageExtractor {

    /** Responses API events that end a response and carry its final {@code response.usage}. */
    private static final Set<String> TERMINAL_RESPONSE_EVENTS =
            Set.of("response.completed", "response.incomplete", "response.failed");

    private UsageExtractor() {}

    /**
     * The usage of a non-streamed response: chat/completions, completions, embeddings or the
     * Responses API. Empty when the body has no usable {@code usage} object (missing, null, no
     * recognised count, or every count zero).
     */
    public static Optional<UsageCounts> fromResponse(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        return fromUsageObject(body.get("usage"));
    }

    /**
     * The usage carried by one streamed event's data object: a chat/completions chunk with a
     * non-null {@code usage} (the final usage chunk, llama.cpp's usage on the last choice chunk, or
     * vLLM's running usage on every chunk), or a terminal Responses API event ({@code
     * response.completed}, {@code response.incomplete}, {@code response.failed}) with {@code
     * response.usage}. Counts are cumulative, so the caller keeps the last one seen.
     */
    public static Optional<UsageCounts> fromStreamEvent(JsonNode data) {
        if (data == null || !data.isObject()) {
            return Optional.empty();
        }
        if (TERMINAL_RESPONSE_EVENTS.contains(data.path("type").asText(""))) {
            JsonNode response = data.get("response");
            return response == null ? Optional.empty() : fromUsageObject(response.get("usage"));
        }
        return fromUsageObject(data.get("usage"));
    }

    /**
     * True for the extra chunk {@code stream_options.include_usage} adds before {@code [DONE]}:
     * {@code choices} is an empty array and {@code usage} an object. The proxy asks for it upstream
     * and strips it from clients that did not, since code reading {@code chunk.choices[0]} breaks
     * on it.
     */
    public static boolean isUsageOnlyChunk(JsonNode data) {
        if (data == null || !data.isObject()) {
            return false;
        }
        JsonNode choices = data.get("choices");
        JsonNode usage = data.get("usage");
        return choices != null
                && choices.isArray()
                && choices.isEmpty()
                && usage != null
                && usage.isObject();
    }

    /**
     * The message of an in-band error: a data object with an {@code error} object or string
     * (OpenAI, OpenRouter mid-stream, Anthropic {@code event: error}), a Responses API {@code
     * type:"error"} event, a vLLM {@code object:"error"} body, or a {@code response.failed} event's
     * {@code response.error}. Empty for anything else, including {@code "error": null}. When the
     * error has no message text, its JSON is returned.
     */
    public static Optional<String> errorMessage(JsonNode data) {
        if (data == null || !data.isObject()) {
            return Optional.empty();
        }
        JsonNode error = data.get("error");
        if (error != null && error.isTextual()) {
            return Optional.of(error.asText().isBlank() ? data.toString() : error.asText());
        }
        if (error != null && error.isObject()) {
            return Optional.of(messageOf(error));
        }
        String type = data.path("type").asText("");
        if (type.equals("error") || data.path("object").asText("").equals("error")) {
            // Responses ResponseErrorEvent and vLLM's ErrorResponse put message, code and param
            // on the object itself.
            return Optional.of(messageOf(data));
        }
        if (type.equals("response.failed")) {
            JsonNode failure = data.path("response").get("error");
            return Optional.of(
                    failure != null && failure.isObject() ? messageOf(failure) : data.toString());
        }
        return Optional.empty();
    }

    private static Optional<UsageCounts> fromUsageObject(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        OptionalLong prompt = first(count(usage, "prompt_tokens"), count(usage, "input_tokens"));
        OptionalLong completion =
                first(count(usage, "completion_tokens"), count(usage, "output_tokens"));
        OptionalLong total = count(usage, "total_tokens");
        long promptTokens = prompt.orElse(0);
        long completionTokens = completion.orElse(0);
        long upstreamTotal = total.orElse(0);
        if (promptTokens == 0 && completionTokens == 0 && upstreamTotal == 0) {
            // Nothing counted: no real request has zero prompt tokens, so this is a server that
            // does not count, and an estimate is better than a silent zero.
            return Optional.empty();
        }
        long cached =
                first(
                                count(usage.path("prompt_tokens_details"), "cached_tokens"),
                                count(usage.path("input_tokens_details"), "cached_tokens"),
                                // DeepSeek reports its cache hits beside the OpenAI fields.
                                count(usage, "prompt_cache_hit_tokens"))
                        .orElse(0);
        long reasoning =
                first(
                                count(usage.path("completion_tokens_details"), "reasoning_tokens"),
                                count(usage.path("output_tokens_details"), "reasoning_tokens"))
                        .orElse(0);
        // A zero total next to non-zero parts is not a count; fall back to the sum.
        long totalTokens = upstreamTotal > 0 ? upstreamTotal : promptTokens + completionTokens;
        if (reasoning > 0 && totalTokens == promptTokens + completionTokens + reasoning) {
            // Gemini's OpenAI-compatible API reports thoughts outside completion_tokens (total =
            // prompt + completion + reasoning). OpenAI counts reasoning inside completion, so fold
            // it in; with OpenAI's own numbers this equality cannot hold.
            completionTokens += reasoning;
        }
        return Optional.of(
                new UsageCounts(promptTokens, completionTokens, totalTokens, cached, reasoning));
    }

    private static OptionalLong count(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isNumber()) {
            return OptionalLong.empty();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() && value.asLong() >= 0
                    ? OptionalLong.of(value.asLong())
                    : OptionalLong.empty();
        }
        double number = value.asDouble();
        // Some servers serialise counts as 12.0; a fraction or a huge value is garbage.
        return number >= 0 && number < 1e15 && number == Math.rint(number)
                ? OptionalLong.of((long) number)
                : OptionalLong.empty();
    }

    private static OptionalLong first(OptionalLong... candidates) {
        for (OptionalLong candidate : candidates) {
            if (candidate.isPresent()) {
                return candidate;
            }
        }
        return OptionalLong.empty();
    }

    private static String messageOf(JsonNode error) {
        JsonNode message = error.get("message");
        if (message != null && message.isTextual() && !message.asText().isBlank()) {
            return message.asText();
        }
        return error.toString();
    }
}
