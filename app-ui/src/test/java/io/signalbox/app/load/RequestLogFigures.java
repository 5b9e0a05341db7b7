package io.signalbox.app.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request log as it is stored, read with SQL over a second connection to the running app's H2
 * database (H2 shares one open database between the connections of a JVM). The management API gives
 * totals only; the split between exact and estimated tokens and the attempts by outcome need the
 * rows.
 *
 * @param rows requests in the log
 * @param exactTokens total tokens of the requests whose usage the upstream reported
 * @param estimatedRows requests whose tokens Signalbox estimated (no usage came)
 * @param served requests answered whole: status 200 and no error
 * @param brokenStreams requests with status 200 and an error: streams that broke after they began
 * @param errorStatusRows requests answered with an error status
 * @param errorStatusTokens tokens counted on those (none are due)
 * @param attempts upstream attempts over all requests
 * @param attemptsByOutcome the attempts by the log's outcome name
 */
record RequestLogFigures(
        long rows,
        long exactTokens,
        long estimatedRows,
        long served,
        long brokenStreams,
        long errorStatusRows,
        long errorStatusTokens,
        long attempts,
        Map<String, Long> attemptsByOutcome) {

    private static final String TOTALS =
            """
            SELECT COUNT(*),
                COALESCE(SUM(CASE WHEN usage_estimated THEN 0 ELSE total_tokens END), 0),
                COALESCE(SUM(CASE WHEN usage_estimated THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN status = 200 AND error IS NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN status = 200 AND error IS NOT NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN status >= 400 THEN total_tokens ELSE 0 END), 0),
                COALESCE(SUM(attempt_count), 0)
            FROM requests
            """;

    /* A request's only attempt is kept in its own row (V4); several attempts have their table. */
    private static final String ATTEMPTS_BY_OUTCOME =
            """
            SELECT outcome, COUNT(*) FROM (
                SELECT attempt_outcome AS outcome FROM requests WHERE attempt_outcome IS NOT NULL
                UNION ALL
                SELECT outcome FROM request_attempts) AS attempts
            GROUP BY outcome
            """;

    /** The settings Database uses, so that this connection joins the database already open. */
    private static final String URL_OPTIONS =
            ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    /** A connection to the database of the app whose data dir is {@code dataDir}. */
    static Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("signalbox") + URL_OPTIONS, "signalbox", "");
    }

    static RequestLogFigures read(Connection connection) throws SQLException {
        Map<String, Long> byOutcome = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(ATTEMPTS_BY_OUTCOME);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                byOutcome.put(row.getString(1), row.getLong(2));
            }
        }
        try (PreparedStatement select = connection.prepareStatement(TOTALS);
                ResultSet row = select.executeQuery()) {
            row.next();
            return new RequestLogFigures(
                    row.getLong(1),
                    row.getLong(2),
                    row.getLong(3),
                    row.getLong(4),
                    row.getLong(5),
                    row.getLong(6),
                    row.getLong(7),
                    row.getLong(8),
                    byOutcome);
        }
    }

    long attempts(String outcome) {
        return attemptsByOutcome.getOrDefault(outcome, 0L);
    }

    /**
     * Measures the JVM with H2's page cache empty. The cache is heap the store keeps on purpose, up
     * to its limit (16 MB by default, and H2 only estimates what a page costs: 35 MB were seen),
     * and how full it is depends on which pages the last queries touched, so it would hide or fake
     * a growth of several MB. For the measurement the cache is set to nothing after writing the
     * changed pages (CHECKPOINT), and then set back; whatever the store keeps beyond its cache
     * still counts.
     */
    static JvmFigures measureWithEmptyPageCache(Connection connection) throws SQLException {
        long cacheMegabytes;
        try (PreparedStatement select =
                        connection.prepareStatement(
                                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                        + " WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'");
                ResultSet row = select.executeQuery()) {
            row.next();
            cacheMegabytes = Long.parseLong(row.getString(1));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
            statement.execute("SET CACHE_SIZE 0");
        }
        try {
            return JvmFigures.measure();
        } finally {
            try (Statement statement = connection.createStatement()) {
                // In KB.
                statement.execute("SET CACHE_SIZE " + cacheMegabytes * 1024);
            }
        }
    }
}
