package io.signalbox.app.usage;

import java.util.List;

/**
 * One stacked layer of the tokens chart: a group's total tokens per bucket, zero where it had none.
 *
 * @param group the group as the store names it; {@link UsageFrame#OTHER} for the groups beyond the
 *     chart's limit together
 * @param label the group as the screen names it
 * @param tokens total tokens per bucket, aligned with the frame's buckets
 * @param estimated per bucket, whether some of those tokens are Signalbox's estimates
 */
public record ChartSeries(String group, String label, List<Long> tokens, List<Boolean> estimated) {

    public ChartSeries {
        tokens = List.copyOf(tokens);
        estimated = List.copyOf(estimated);
        if (tokens.size() != estimated.size()) {
            throw new IllegalArgumentException("one estimated flag per bucket");
        }
    }

    public long sum() {
        return tokens.stream().mapToLong(Long::longValue).sum();
    }
}
