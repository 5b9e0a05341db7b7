package io.signalbox.persistence.usage;

import io.signalbox.persistence.PersistenceException;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.RowKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads usage and the request log for the management API and the UI: totals per group, time series,
 * and filtered request lists. Read-only; every call reads one consistent snapshot.
 *
 * <p>Where the numbers come from:
 *
 * <ul>
 *   <li>{@link #totals} is exact to the millisecond: whole hours come from the hourly rollup, the
 *       partial hours at either end from the request rows. The management API must report the
 *       tokens the upstreams reported, not an hour's worth more.
 *   <li>{@link #series} with {@link Bucket#HOUR} or {@link Bucket#DAY} reads only the rollup, which
 *       cannot split an hour: every hour that overlaps the range counts in full, so the first and
 *       last point may hold usage from just outside the range. Days are UTC days.
 *   <li>{@link #series} with {@link Bucket#MINUTE} reads the request rows in the range, exactly.
 * </ul>
 *
 * <p>Buckets and groups without any request are left out: the UI fills the gaps.
 *
 * <p>Get one from {@code Database.usageQueries()}.
 */
public final class UsageQueries {

    /*
     * Both sources give the same columns, summed per (bucket, grp): %1$s is the bucket, %2$s the
     * group. They are SQL built from the GroupBy and Bucket enums only, never from caller text.
     * From the request rows, errors are counted as RequestRecord.failed() and the rollup count
     * them: an error status, or an error after a 200 (a stream that broke).
     */
    private static final String ROLLUP_SUMS =
            """
            SELECT %1$s AS bucket, grp AS grp, SUM(requests) AS requests, SUM(errors) AS errors,
                SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
                SUM(total_tokens) AS total_tokens, SUM(cached_tokens) AS cached_tokens,
                SUM(reasoning_tokens) AS reasoning_tokens,
                SUM(estimated_requests) AS estimated_requests
            FROM usage_hourly_by
            WHERE dimension = '%2$s' AND hour_start >= ? AND hour_start < ?
            GROUP BY bucket, grp
            """;

    private static final String REQUEST_SUMS =
            """
            SELECT %1$s AS bucket, %2$s AS grp, COUNT(*) AS requests,
                SUM(CASE WHEN status >= 400 OR error IS NOT NULL THEN 1 ELSE 0 END) AS errors,
                SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
                SUM(total_tokens) AS total_tokens, SUM(cached_tokens) AS cached_tokens,
                SUM(reasoning_tokens) AS reasoning_tokens,
                SUM(CASE WHEN usage_estimated THEN 1 ELSE 0 END) AS estimated_requests
            FROM requests
            WHERE row_key >= ? AND row_key < ?
            GROUP BY bucket, grp
            """;

    /*
     * Whole hours from the rollup, then the head and tail of the range from the request rows.
     * Two range conditions rather than one OR, so each part is a range scan of the row key
     * (RowKeys: the key is ordered by started_at).
     */
    private static final String TOTALS =
            """
            SELECT grp, SUM(requests), SUM(errors), SUM(prompt_tokens), SUM(completion_tokens),
                SUM(total_tokens), SUM(cached_tokens), SUM(reasoning_tokens),
                SUM(estimated_requests)
            FROM (%s UNION ALL %s UNION ALL %s) AS parts
            GROUP BY grp
            ORDER BY SUM(total_tokens) DESC, grp
            """;

    private final DataSource dataSource;

    /**
     * Reads through {@code dataSource}; {@code Database.usageQueries()} passes its connection pool.
     *
     * @param dataSource connections to a Signalbox database at the current schema
     */
    public UsageQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The usage of each group in {@code [since, until)}, exact to the millisecond, the group with
     * the most total tokens first (then by group).
     *
     * @throws IllegalArgumentException when {@code since} is not before {@code until}
     */
    public List<UsageTotal> totals(Instant since, Instant until, GroupBy groupBy) {
        Objects.requireNonNull(groupBy, "groupBy");
        TimeRange range = TimeRange.of(since, until);
        long wholeFrom = range.firstWholeHourStart();
        long wholeUntil = range.lastWholeHourEnd();
        if (wholeFrom >= wholeUntil) {
            // No whole hour inside (e.g. 10:20 to 11:10): the request rows cover all of it.
            wholeFrom = range.untilMillis();
            wholeUntil = range.untilMillis();
        }
        String sql =
                TOTALS.formatted(
                        ROLLUP_SUMS.formatted("0", groupBy.dimension()),
                        REQUEST_SUMS.formatted("0", groupBy.requestsColumn()),
                        REQUEST_SUMS.formatted("0", groupBy.requestsColumn()));
        long[] bounds = {
            wholeFrom,
            wholeUntil,
            RowKeys.first(range.sinceMillis()),
            RowKeys.first(wholeFrom),
            RowKeys.first(wholeUntil),
            RowKeys.first(range.untilMillis())
        };
        return snapshot(
                "read the usage totals",
                connection -> {
                    List<UsageTotal> totals = new ArrayList<>();
                    try (PreparedStatement select = prepare(connection, sql, bounds);
                            ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            totals.add(
                                    new UsageTotal(
                                            row.getString(1),
                                            row.getLong(2),
                                            row.getLong(3),
                                            row.getLong(4),
                                            row.getLong(5),
                                            row.getLong(6),
                                            row.getLong(7),
                                            row.getLong(8),
                                            row.getLong(9)));
                        }
                    }
                    return totals;
                });
    }

    /**
     * The usage per bucket and group, oldest bucket first, then by group. See the class comment for
     * which hours an hour or day series counts.
     */
    public List<UsagePoint> series(UsageQuery query) {
        TimeRange range = query.range();
        String sums;
        long[] bounds;
        if (query.bucket() == Bucket.MINUTE) {
            sums =
                    REQUEST_SUMS.formatted(
                            bucketOf("started_at", Bucket.MINUTE),
                            query.groupBy().requestsColumn());
            bounds =
                    new long[] {
                        RowKeys.first(range.sinceMillis()), RowKeys.first(range.untilMillis())
                    };
        } else {
            sums =
                    ROLLUP_SUMS.formatted(
                            bucketOf("hour_start", query.bucket()), query.groupBy().dimension());
            bounds = new long[] {range.firstHourStart(), range.untilMillis()};
        }
        String sql = sums + "ORDER BY bucket, grp";
        return snapshot(
                "read the usage series",
                connection -> {
                    List<UsagePoint> points = new ArrayList<>();
                    try (PreparedStatement select = prepare(connection, sql, bounds);
                            ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            points.add(
                                    new UsagePoint(
                                            Instant.ofEpochMilli(row.getLong(1)),
                                            row.getString(2),
                                            row.getLong(3),
                                            row.getLong(4),
                                            row.getLong(5),
                                            row.getLong(6),
                                            row.getLong(7),
                                            row.getLong(8),
                                            row.getLong(9),
                                            row.getLong(10)));
                        }
                    }
                    return points;
                });
    }

    /** The start of the bucket of the epoch-millis {@code column}, as SQL. */
    private static String bucketOf(String column, Bucket bucket) {
        if (bucket == Bucket.HOUR && column.equals("hour_start")) {
            return column;
        }
        // Integer division rounds toward zero, which is down for every time after 1970: the
        // request log holds no earlier ones.
        return "%1$s / %2$d * %2$d".formatted(column, bucket.millis());
    }

    /**
     * The requests that match {@code filter}, newest first (then by id, descending), each with its
     * attempts.
     */
    public List<RequestRecord> requests(RequestFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return snapshot("read the requests", connection -> RequestRows.read(connection, filter));
    }

    private static PreparedStatement prepare(Connection connection, String sql, long[] parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * Runs {@code work} in one read-only transaction on a snapshot (in H2, SERIALIZABLE reads from
     * the snapshot taken at its first read), so a batch the usage writer commits meanwhile is seen
     * whole or not at all: by the rollup and the request rows alike, and by a request and its
     * attempts.
     */
    private <T> T snapshot(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            int previousIsolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                // Nothing was written; the pool hands this connection out again as it was.
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(previousIsolation);
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not " + what, e);
        }
    }

    /** Reading work on a connection this class manages. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
