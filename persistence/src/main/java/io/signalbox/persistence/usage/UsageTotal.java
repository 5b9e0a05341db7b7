package io.signalbox.persistence.usage;

/**
 * The usage of one group over a time range.
 *
 * @param group the value of the {@link GroupBy} column: a route, provider, model or access key
 *     name; {@code ""} for requests without one; {@value GroupBy#ALL} when not grouped
 * @param requests client requests
 * @param errors requests that failed: an error status, or a failure after the answer began
 * @param promptTokens input tokens, as the upstream reported them (or as estimated)
 * @param completionTokens output tokens
 * @param totalTokens the upstream's total, summed as reported rather than recomputed
 * @param cachedTokens prompt tokens served from the upstream's cache (part of promptTokens)
 * @param reasoningTokens completion tokens spent on reasoning (part of completionTokens)
 * @param estimatedRequests requests whose token counts Signalbox estimated
 */
public record UsageTotal(
        String group,
        long requests,
        long errors,
        long promptTokens,
        long completionTokens,
        long totalTokens,
        long cachedTokens,
        long reasoningTokens,
        long estimatedRequests) {}
