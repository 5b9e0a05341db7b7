package io.signalbox.persistence;

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
 * Reads request-log rows into {@link RequestRecord}s, for the repository and the usage queries
 * alike, so that there is one mapping from the {@code requests} and {@code request_attempts}
 * columns. Callers run it inside their own connection or snapshot.
 */
public final class RequestLogRows {

    private RequestLogRows() {}

    /** The request on the current row of a {@code SELECT * FROM requests}, without attempts. */
    public static RequestRecord request(ResultSet row) throws SQLException {
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

    /** The same requests, in the same order, each with its attempts (read in one query). */
    public static List<RequestRecord> withAttempts(
            Connection connection, List<RequestRecord> requests) throws SQLException {
        if (requests.isEmpty()) {
            return requests;
        }
        Map<String, List<AttemptRecord>> attempts = new HashMap<>();
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
        return requests.stream()
                .map(
                        request ->
                                withAttempts(
                                        request, attempts.getOrDefault(request.id(), List.of())))
                .toList();
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
}
