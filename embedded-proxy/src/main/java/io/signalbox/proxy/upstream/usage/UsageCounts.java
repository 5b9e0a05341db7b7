package io.signalbox.proxy.upstream.usage;

/**
 * Token counts of one upstream response, normalised to the OpenAI chat/completions meaning whatever
 * surface reported them.
 *
 * @param promptTokens input tokens, cached ones included (OpenAI {@code prompt_tokens}, Responses
 *     {@code input_tokens})
 * @param completionTokens output tokens, reasoning ones included (OpenAI {@code completion_tokens},
 *     Responses {@code output_tokens}); 0 for embeddings
 * @param totalTokens the upstream's {@code total_tokens} when it reported one, else prompt +
 *     completion
 * @param cachedTokens the part of {@code promptTokens} read from the provider's prompt cache
 * @param reasoningTokens the part of {@code completionTokens} spent on reasoning; never to be added
 *     to the completion count again
 */
public record UsageCounts(
        long promptTokens,
        long completionTokens,
        long totalTokens,
        long cachedTokens,
        long reasoningTokens) {

    public static final UsageCounts ZERO = new UsageCounts(0, 0, 0, 0, 0);

    public UsageCounts {
        if (promptTokens < 0
                || completionTokens < 0
                || totalTokens < 0
                || cachedTokens < 0
                || reasoningTokens < 0) {
            throw new IllegalArgumentException("Token counts cannot be negative");
        }
    }

    /** Counts with no cache or reasoning detail and the total computed from the two parts. */
    public static UsageCounts of(long promptTokens, long completionTokens) {
        return new UsageCounts(
                promptTokens, completionTokens, promptTokens + completionTokens, 0, 0);
    }
}
