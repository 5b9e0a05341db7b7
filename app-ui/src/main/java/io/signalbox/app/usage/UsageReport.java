package io.signalbox.app.usage;

import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.UsagePoint;
import io.signalbox.persistence.usage.UsageQueries;
import io.signalbox.persistence.usage.UsageQuery;
import io.signalbox.persistence.usage.UsageTotal;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the Usage screen shows for one window and grouping, read in one go off the JavaFX
 * thread and then handed over whole.
 *
 * @param rows one per group with usage, the most tokens first (the table and the share chart)
 * @param points the store's series as read, every group (the CSV export of the series)
 * @param storedRequests how many requests the whole log held when this was read; 0 means no request
 *     ever went through, which calls for the first-request hint
 */
public record UsageReport(
        UsageWindow window,
        GroupBy groupBy,
        UsageSummary summary,
        List<GroupRow> rows,
        UsageFrame frame,
        List<UsagePoint> points,
        long storedRequests) {

    public UsageReport {
        rows = List.copyOf(rows);
        points = List.copyOf(points);
    }

    /** Two reads of the store: totals per group (exact) and the series (per bucket). */
    static UsageReport read(
            UsageQueries queries,
            UsageWindow window,
            GroupBy groupBy,
            long storedRequests,
            ZoneId zone) {
        List<UsageTotal> totals = queries.totals(window.since(), window.until(), groupBy);
        List<UsagePoint> points =
                queries.series(
                        new UsageQuery(window.since(), window.until(), groupBy, window.bucket()));
        return of(window, groupBy, totals, points, storedRequests, zone);
    }

    static UsageReport of(
            UsageWindow window,
            GroupBy groupBy,
            List<UsageTotal> totals,
            List<UsagePoint> points,
            long storedRequests,
            ZoneId zone) {
        UsageSummary summary = UsageSummary.of(totals);
        List<GroupRow> rows =
                totals.stream()
                        .map(total -> GroupRow.of(total, groupBy, summary.totalTokens()))
                        .toList();
        List<String> ranked = totals.stream().map(UsageTotal::group).toList();
        UsageFrame frame = UsageFrame.build(window, groupBy, ranked, points, zone);
        return new UsageReport(window, groupBy, summary, rows, frame, points, storedRequests);
    }
}
