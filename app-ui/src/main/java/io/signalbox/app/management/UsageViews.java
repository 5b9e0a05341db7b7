package io.signalbox.app.management;

import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.usage.Bucket;
import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.RequestFilter;
import io.signalbox.persistence.usage.StatusClass;
import io.signalbox.persistence.usage.UsagePoint;
import io.signalbox.persistence.usage.UsageQueries;
import io.signalbox.persistence.usage.UsageQuery;
import io.signalbox.persistence.usage.UsageTotal;
import io.signalbox.proxy.management.ManagementApi;
import io.signalbox.proxy.management.ManagementApi.Attempt;
import io.signalbox.proxy.management.ManagementApi.RequestEntry;
import io.signalbox.proxy.management.ManagementApi.RequestSelection;
import io.signalbox.proxy.management.ManagementApi.UsageReport;
import io.signalbox.proxy.management.ManagementApi.UsageRow;
import io.signalbox.proxy.management.ManagementApi.UsageSelection;
import java.util.List;
import java.util.Optional;

/**
 * Translates between the management API's selections and answers and the store's usage queries. The
 * two modules keep their own words (the proxy module may not see the store), so the mapping is
 * spelt out here, one case per constant: a constant added to the API's enums fails to compile here
 * until it is mapped.
 */
final class UsageViews {

    private UsageViews() {}

    static UsageReport report(UsageQueries queries, UsageSelection selection) {
        GroupBy groupBy = groupBy(selection.groupBy());
        List<UsageRow> rows =
                queries.totals(selection.since(), selection.until(), groupBy).stream()
                        .map(UsageViews::row)
                        .toList();
        List<ManagementApi.UsagePoint> series =
                selection.bucket().isEmpty()
                        ? List.of()
                        : queries
                                .series(
                                        new UsageQuery(
                                                selection.since(),
                                                selection.until(),
                                                groupBy,
                                                bucket(selection.bucket().get())))
                                .stream()
                                .map(UsageViews::point)
                                .toList();
        return new UsageReport(rows, series);
    }

    static GroupBy groupBy(ManagementApi.Grouping grouping) {
        return switch (grouping) {
            case ROUTE -> GroupBy.ROUTE;
            case PROVIDER -> GroupBy.PROVIDER;
            case MODEL -> GroupBy.MODEL;
            case KEY -> GroupBy.KEY;
        };
    }

    static Bucket bucket(ManagementApi.Bucket bucket) {
        return switch (bucket) {
            case MINUTE -> Bucket.MINUTE;
            case HOUR -> Bucket.HOUR;
            case DAY -> Bucket.DAY;
        };
    }

    private static UsageRow row(UsageTotal total) {
        return new UsageRow(
                total.group(),
                total.requests(),
                total.errors(),
                total.promptTokens(),
                total.completionTokens(),
                total.totalTokens(),
                total.cachedTokens(),
                total.reasoningTokens(),
                total.estimatedRequests());
    }

    private static ManagementApi.UsagePoint point(UsagePoint point) {
        return new ManagementApi.UsagePoint(
                point.bucketStart(),
                new UsageRow(
                        point.group(),
                        point.requests(),
                        point.errors(),
                        point.promptTokens(),
                        point.completionTokens(),
                        point.totalTokens(),
                        point.cachedTokens(),
                        point.reasoningTokens(),
                        point.estimatedRequests()));
    }

    static List<RequestEntry> requests(UsageQueries queries, RequestSelection selection) {
        return queries.requests(filter(selection)).stream().map(UsageViews::entry).toList();
    }

    static RequestFilter filter(RequestSelection selection) {
        RequestFilter filter = RequestFilter.newest(selection.limit());
        if (selection.route().isPresent()) {
            filter = filter.withRoute(selection.route().get());
        }
        if (selection.key().isPresent()) {
            filter = filter.withAccessKey(selection.key().get());
        }
        if (selection.status().isPresent()) {
            filter = filter.withStatus(selection.status().get());
        }
        if (selection.statusClass().isPresent()) {
            filter = filter.withStatusClass(StatusClass.parse(selection.statusClass().get()));
        }
        if (selection.since().isPresent()) {
            filter = filter.withSince(selection.since().get());
        }
        if (selection.until().isPresent()) {
            filter = filter.withUntil(selection.until().get());
        }
        return filter;
    }

    private static RequestEntry entry(RequestRecord request) {
        return new RequestEntry(
                request.id(),
                request.startedAt(),
                request.route(),
                request.provider(),
                request.model(),
                request.accessKeyName(),
                request.status(),
                request.stream(),
                request.latencyMs(),
                request.usage().promptTokens(),
                request.usage().completionTokens(),
                request.usage().totalTokens(),
                request.usage().estimated(),
                request.error(),
                request.attempts().stream().map(UsageViews::attempt).toList());
    }

    private static Attempt attempt(AttemptRecord attempt) {
        return new Attempt(
                attempt.attemptNo(),
                attempt.provider(),
                attempt.model(),
                attempt.outcome(),
                Optional.ofNullable(attempt.status()),
                attempt.latencyMs(),
                attempt.committed(),
                attempt.error());
    }
}
