package io.signalbox.persistence.usage;

import java.time.Instant;

/**
 * The usage of one group in one time bucket of a series. The measures mean what they mean in {@link
 * UsageTotal}.
 *
 * @param bucketStart the first instant of the bucket (UTC-aligned)
 * @param group the value of the {@link GroupBy} column; {@code ""} for none, {@value GroupBy#ALL}
 *     when not grouped
 */
public record UsagePoint(
        Instant bucketStart,
        String group,
        long requests,
        long errors,
        long promptTokens,
        long completionTokens,
        long totalTokens,
        long cachedTokens,
        long reasoningTokens,
        long estimatedRequests) {}
