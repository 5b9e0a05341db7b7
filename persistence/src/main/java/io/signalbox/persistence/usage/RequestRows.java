package io.signalbox.persistence.usage;

import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        filter.since().ifPresent(since -> where.add("started_at >= ?", since.toEpochMilli()));
        filter.until().ifPresent(until -> where.add("started_at < ?", until.toEpochMilli()));
        // The started_at index gives the order (H2 sorts only ties by id), so the scan stops at
        // the limit: after a few rows for common filters, at the end of the log for rare ones.
        String sql =
                """
                SELECT * FROM requests
                WHERE %s
                ORDER BY started_at DESC, id DESC
                LIMIT ?
                """
                        .formatted(where.sql());
        List<Object> parameters = new ArrayList<>(where.parameters);
        parameters.add(filter.limit());

        List<RequestRecord> requests = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    requests.add(request(row));
                }
            }
        }
        Map<String, List<AttemptRecord>> attempts = attemptsOf(connection, requests);
        return requests.stream()
                .map(
                        request ->
                                withAttempts(
                                        request, attempts.getOrDefault(request.id(), List.of())))
                .toList();
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

    /** A request row without its attempts yet. */
    private static RequestRecord request(ResultSet row) throws SQLException {
        return new RequestRecord(
                row.getString("id"),
                Instant.ofEpochMilli(row.getLong("started_at")),
                row.getString("route"),
                Optional.ofNullable(row.getString("provider")),
                Optional.ofNullable(row.getString("model")),
                Optional.ofNullable(row.getString("access_key_name")),
                row.getInt("status"),
                row.getBoolean("stream"),
                row.getLong("latency_ms"),
                List.of(),
                new TokenUsage(
                        row.getLong("prompt_tokens"),
                        row.getLong("completion_tokens"),
                        row.getLong("total_tokens"),
                        row.getLong("cached_tokens"),
                        row.getLong("reasoning_tokens"),
                        row.getBoolean("usage_estimated")),
                Optional.ofNullable(row.getString("error")));
    }

    private static RequestRecord withAttempts(RequestRecord request, List<AttemptRecord> attempts) {
        return new RequestRecord(
                request.id(),
                request.startedAt(),
                request.route(),
                request.provider(),
                request.model(),
                request.accessKeyName(),
                request.status(),
                request.stream(),
                request.latencyMs(),
                attempts,
                request.usage(),
                request.error());
    }

    /** The attempts of every request in {@code requests}, in one query. */
    private static Map<String, List<AttemptRecord>> attemptsOf(
            Connection connection, List<RequestRecord> requests) throws SQLException {
        Map<String, List<AttemptRecord>> attempts = new HashMap<>();
        if (requests.isEmpty()) {
            return attempts;
        }
        Object[] ids = requests.stream().map(RequestRecord::id).toArray();
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                        SELECT * FROM request_attempts
                        WHERE request_id = ANY(?)
                        ORDER BY request_id, attempt_no
                        """)) {
            select.setArray(1, connection.createArrayOf("VARCHAR", ids));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int status = row.getInt("status");
                    Integer statusOrNull = row.wasNull() ? null : status;
                    attempts.computeIfAbsent(row.getString("request_id"), id -> new ArrayList<>())
                            .add(
                                    new AttemptRecord(
                                            row.getInt("attempt_no"),
                                            row.getString("provider"),
                                            row.getString("model"),
                                            row.getString("outcome"),
                                            statusOrNull,
                                            row.getLong("latency_ms"),
                                            row.getBoolean("committed"),
                                            Optional.ofNullable(row.getString("error"))));
                }
            }
        }
        return attempts;
    }
}
