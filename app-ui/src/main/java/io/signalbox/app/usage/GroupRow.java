package io.signalbox.app.usage;

import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.UsageTotal;

/**
 * One line of the table under the chart, and one bar of the share chart.
 *
 * @param group the group as the store names it ({@code ""} for none)
 * @param label the group as the screen names it
 * @param share this group's part of all total tokens, 0 to 1
 */
public record GroupRow(
        String group,
        String label,
        long requests,
        long errors,
        long promptTokens,
        long completionTokens,
        long totalTokens,
        long cachedTokens,
        long reasoningTokens,
        long estimatedRequests,
        double share) {

    static GroupRow of(UsageTotal total, GroupBy groupBy, long allTokens) {
        return new GroupRow(
                total.group(),
                label(groupBy, total.group()),
                total.requests(),
                total.errors(),
                total.promptTokens(),
                total.completionTokens(),
                total.totalTokens(),
                total.cachedTokens(),
                total.reasoningTokens(),
                total.estimatedRequests(),
                allTokens == 0 ? 0 : (double) total.totalTokens() / allTokens);
    }

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** True when some of this group's token counts are Signalbox's estimates. */
    public boolean estimated() {
        return estimatedRequests > 0;
    }

    /**
     * The store's {@code ""} is "none": requests no target served have no provider or model, and
     * requests made without a key have no key.
     */
    static String label(GroupBy groupBy, String group) {
        if (!group.isEmpty()) {
            return group;
        }
        return switch (groupBy) {
            case KEY -> "(no key)";
            case PROVIDER, MODEL -> "(not served)";
            case ROUTE, NONE -> "(none)";
        };
    }
}
