package io.signalbox.persistence;

/**
 * The tokens one request used, as the upstream reported them or as Signalbox estimated them.
 *
 * @param cachedTokens prompt tokens the upstream served from its cache (part of promptTokens)
 * @param reasoningTokens completion tokens spent on reasoning (part of completionTokens)
 * @param estimated true when the upstream sent no usage and the counts are Signalbox's estimate
 */
public record TokenUsage(
        long promptTokens,
        long completionTokens,
        long totalTokens,
        long cachedTokens,
        long reasoningTokens,
        boolean estimated) {

    /** No tokens: a request that never reached a model, or whose usage is unknown. */
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0, false);

    public TokenUsage {
        if (promptTokens < 0
                || completionTokens < 0
                || totalTokens < 0
                || cachedTokens < 0
                || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }
}
