package io.signalbox.persistence.usage;

import io.signalbox.persistence.RequestLogRows;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.RowKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads filtered pages of the request log with their attempts. RequestLogRepository reads the same
 * rows for its unfiltered list, but keeps that reading private to its package.
 */
final class RequestRows {

    private RequestRows() {}

    /** The requests matching {@code filter}, newest first, with their attempts. */
    static List<RequestRecord> read(Connection connection, RequestFilter filter)
            throws SQLException {
        Where where = new Where();
        filter.route().ifPresent(route -> where.add("route = ?", route));
        filter.accessKeyName().ifPresent(key -> where.add("access_key_name = ?", key));
        filter.status().ifPresent(status -> where.add("status = ?", status));
        filter.statusClass()
                .ifPresent(c -> where.add("status BETWEEN ? AND ?", c.lowest(), c.highest()));
        // Time conditions are ranges of the row key, which is ordered by started_at (RowKeys).
        filter.since()
                .ifPresent(since -> where.add("row_key >= ?", RowKeys.first(since.toEpochMilli())));
        filter.until()
                .ifPresent(until -> where.add("row_key < ?", RowKeys.first(until.toEpochMilli())));
        long earliest = earliestNeeded(connection, filter);
        if (earliest == RollupBound.NONE) {
            return List.of();
        }
        if (earliest > Long.MIN_VALUE) {
            where.add("row_key >= ?", RowKeys.first(earliest));
        }
        // The row key gives the order, so the scan stops at the limit: after a few rows for
        // common filters, at the end of the log for rare ones.
        List<RequestRecord> requests =
                RequestLogRows.newestFirst(
                        connection, where.sql(), where.parameters, filter.limit());
        return RequestLogRows.withAttempts(connection, requests);
    }

    /**
     * The oldest {@code started_at} a match can have, from the rollup, when the filter names a
     * route or a key; {@link Long#MIN_VALUE} when the scan cannot be bounded that way.
     */
    private static long earliestNeeded(Connection connection, RequestFilter filter)
            throws SQLException {
        long since = filter.since().map(Instant::toEpochMilli).orElse(0L);
        long until = filter.until().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        boolean onlyOneGroup =
                filter.route().isPresent() != filter.accessKeyName().isPresent()
                        && filter.status().isEmpty()
                        && filter.statusClass().isEmpty();
        // With one group and nothing else to filter, every request of the group matches, so the
        // newest hours that hold `limit` of them suffice; otherwise only the oldest hour is safe.
        OptionalLong enough = onlyOneGroup ? OptionalLong.of(filter.limit()) : OptionalLong.empty();
        long earliest = Long.MIN_VALUE;
        if (filter.route().isPresent()) {
            earliest =
                    Math.max(
                            earliest,
                            RollupBound.earliestHour(
                                    connection,
                                    "route",
                                    filter.route().get(),
                                    since,
                                    until,
                                    enough));
        }
        if (filter.accessKeyName().isPresent()) {
            earliest =
                    Math.max(
                            earliest,
                            RollupBound.earliestHour(
                                    connection,
                                    "key",
                                    filter.accessKeyName().get(),
                                    since,
                                    until,
                                    enough));
        }
        return earliest;
    }

    /** A WHERE clause joined from fixed condition texts; every value is a parameter. */
    private static final class Where {
        final List<String> conditions = new ArrayList<>();
        final List<Object> parameters = new ArrayList<>();

        void add(String condition, Object... values) {
            conditions.add(condition);
            parameters.addAll(List.of(values));
        }

        String sql() {
            return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        }
    }
}
