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

    /**
     * The request's only attempt when it is kept in the request's own row: the attempt that served
     * the answer the client got, so that its target, status and error are the request's. Empty when
     * the attempts need rows of their own.
     */
    static Optional<AttemptRecord> inlineAttempt(RequestRecord request) {
        if (request.attempts().size() != 1) {
            return Optional.empty();
        }
        AttemptRecord only = request.attempts().get(0);
        boolean sameAsRequest =
                only.attemptNo() == 1
                        && only.committed()
                        && only.status() != null
                        && only.status() == request.status()
                        && request.provider().equals(Optional.of(only.provider()))
                        && request.model().equals(Optional.of(only.model()))
                        && request.error().equals(only.error());
        return sameAsRequest ? Optional.of(only) : Optional.empty();
    }

    /**
     * The request on the current row of a {@code SELECT * FROM requests}, with its attempt when the
     * row holds it (see {@link #inlineAttempt}), else without attempts: {@link #withAttempts} reads
     * those.
     */
    public static RequestRecord request(ResultSet row) throws SQLException {
        Optional<String> provider = Optional.ofNullable(row.getString("provider"));
        Optional<String> model = Optional.ofNullable(row.getString("model"));
        int status = row.getInt("status");
        Optional<String> error = Optional.ofNullable(row.getString("error"));
        String outcome = row.getString("attempt_outcome");
        List<AttemptRecord> attempts =
                outcome == null || provider.isEmpty() || model.isEmpty()
                        ? List.of()
                        : List.of(
                                new AttemptRecord(
                                        1,
                                        provider.get(),
                                        model.get(),
                                        outcome,
                                        status,
                                        row.getLong("attempt_latency_ms"),
                                        true,
                                        error));
        return new RequestRecord(
                row.getString("id"),
                Instant.ofEpochMilli(row.getLong("started_at")),
                row.getString("route"),
                provider,
                model,
                Optional.ofNullable(row.getString("access_key_name")),
                status,
                row.getBoolean("stream"),
                row.getLong("latency_ms"),
                attempts,
                new TokenUsage(
                        row.getLong("prompt_tokens"),
                        row.getLong("completion_tokens"),
                        row.getLong("total_tokens"),
                        row.getLong("cached_tokens"),
                        row.getLong("reasoning_tokens"),
                        row.getBoolean("usage_estimated")),
                error);
    }

    /** The same requests, in the same order, each with its attempts (read in one query). */
    public static List<RequestRecord> withAttempts(
            Connection connection, List<RequestRecord> requests) throws SQLException {
        // Requests whose row held their attempt have it already; the others read request_attempts.
        Object[] ids =
                requests.stream()
                        .filter(request -> request.attempts().isEmpty())
                        .map(RequestRecord::id)
                        .toArray();
        if (ids.length == 0) {
            return requests;
        }
        Map<String, List<AttemptRecord>> attempts = new HashMap<>();
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
                                request.attempts().isEmpty()
                                        ? withAttempts(
                                                request,
                                                attempts.getOrDefault(request.id(), List.of()))
                                        : request)
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
