package io.signalbox.app.usage;

import io.signalbox.persistence.usage.UsageTotal;
import java.util.List;

/**
 * The numbers above the chart: everything in the window together.
 *
 * @param estimatedRequests requests whose token counts Signalbox estimated because the upstream
 *     reported none
 */
public record UsageSummary(
        long requests,
        long errors,
        long promptTokens,
        long completionTokens,
        long totalTokens,
        long cachedTokens,
        long reasoningTokens,
        long estimatedRequests) {

    public static final UsageSummary NONE = new UsageSummary(0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of the groups' totals: each request is in exactly one group. */
    static UsageSummary of(List<UsageTotal> totals) {
        long requests = 0;
        long errors = 0;
        long prompt = 0;
        long completion = 0;
        long total = 0;
        long cached = 0;
        long reasoning = 0;
        long estimated = 0;
        for (UsageTotal row : totals) {
            requests += row.requests();
            errors += row.errors();
            prompt += row.promptTokens();
            completion += row.completionTokens();
            total += row.totalTokens();
            cached += row.cachedTokens();
            reasoning += row.reasoningTokens();
            estimated += row.estimatedRequests();
        }
        return new UsageSummary(
                requests, errors, prompt, completion, total, cached, reasoning, estimated);
    }

    /** Failed requests as a fraction of all, 0 to 1; 0 when there were none. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** Requests with estimated token counts as a fraction of all, 0 to 1. */
    public double estimatedShare() {
        return requests == 0 ? 0 : (double) estimatedRequests / requests;
    }
}
