package io.signalbox.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions taken about canaries (V11 {@code canary_decisions}): appended, never changed, and
 * kept across configuration replacements, so the history of a canary outlives its removal.
 */
public final class CanaryDecisionRepository {

    /** The most decisions one read returns. */
    public static final int MAX_READ = 1000;

    private final Database database;

    CanaryDecisionRepository(Database database) {
        this.database = database;
    }

    public void append(CanaryDecisionRecord decision) {
        database.withConnection(
                "record a canary decision",
                connection -> {
                    try (PreparedStatement insert =
                            connection.prepareStatement(
                                    """
                                    INSERT INTO canary_decisions
                                        (decided_at_ms, route, provider, model, action, share,
                                         min_success_percent, window_minutes, min_requests,
                                         successes, attempts)
                                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                                    """)) {
                        insert.setLong(1, decision.decidedAt().toEpochMilli());
                        insert.setString(2, decision.route());
                        insert.setString(3, decision.provider());
                        insert.setString(4, decision.model());
                        insert.setString(5, decision.action());
                        insert.setInt(6, decision.share());
                        insert.setInt(7, decision.minSuccessPercent());
                        insert.setInt(8, decision.windowMinutes());
                        insert.setInt(9, decision.minRequests());
                        insert.setLong(10, decision.successes());
                        insert.setLong(11, decision.attempts());
                        return insert.executeUpdate();
                    }
                });
    }

    /** The newest decisions, newest first, at most {@code limit} (1..{@link #MAX_READ}). */
    public List<CanaryDecisionRecord> newest(int limit) {
        if (limit < 1 || limit > MAX_READ) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_READ);
        }
        return database.withConnection(
                "read the canary decisions", connection -> read(connection, limit));
    }

    private static List<CanaryDecisionRecord> read(Connection connection, int limit)
            throws SQLException {
        List<CanaryDecisionRecord> decisions = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                        SELECT decided_at_ms, route, provider, model, action, share,
                               min_success_percent, window_minutes, min_requests, successes,
                               attempts
                        FROM canary_decisions ORDER BY decided_at_ms DESC, id DESC LIMIT ?
                        """)) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    decisions.add(
                            new CanaryDecisionRecord(
                                    Instant.ofEpochMilli(row.getLong("decided_at_ms")),
                                    row.getString("route"),
                                    row.getString("provider"),
                                    row.getString("model"),
                                    row.getString("action"),
                                    row.getInt("share"),
                                    row.getInt("min_success_percent"),
                                    row.getInt("window_minutes"),
                                    row.getInt("min_requests"),
                                    row.getLong("successes"),
                                    row.getLong("attempts")));
                }
            }
        }
        return decisions;
    }
}
