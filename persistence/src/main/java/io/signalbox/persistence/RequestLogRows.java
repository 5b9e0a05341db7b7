package io.signalbox.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** The lists' order: newest first, then by id, descending. */
    private static final Comparator<RequestRecord> NEWEST_FIRST =
            Comparator.comparing(RequestRecord::startedAt)
                    .thenComparing(RequestRecord::id)
                    .reversed();

    private RequestLogRows() {}

    /**
     * The newest {@code limit} requests that match {@code where}, newest first and, within a
     * millisecond, by id descending; without the attempts of those whose row does not hold them
     * ({@link #withAttempts} reads those).
     *
     * <p>The scan follows the row key backwards and stops at the limit. The key orders the rows of
     * one millisecond by when they were written, not by id, so those are sorted here, and the
     * oldest millisecond of a full page is read whole: a row of it that the limit cut off may come
     * before the ones read.
     *
     * @param where an SQL condition over {@code requests} built from fixed texts
     * @param parameters the values of its parameters, in order
     */
    public static List<RequestRecord> newestFirst(
            Connection connection, String where, List<Object> parameters, int limit)
            throws SQLException {
        List<Object> limited = new ArrayList<>(parameters);
        limited.add(limit);
        List<RequestRecord> page =
                select(
                        connection,
                        "SELECT * FROM requests WHERE (%s) ORDER BY row_key DESC LIMIT ?"
                                .formatted(where),
                        limited);
        if (page.size() == limit) {
            long oldest = page.get(page.size() - 1).startedAt().toEpochMilli();
            List<Object> bounded = new ArrayList<>(parameters);
            bounded.add(RowKeys.first(oldest));
            bounded.add(RowKeys.first(oldest + 1));
            List<RequestRecord> oldestMillisecond =
                    select(
                            connection,
                            "SELECT * FROM requests WHERE (%s) AND row_key >= ? AND row_key < ?"
                                    .formatted(where),
                            bounded);
            page.removeIf(request -> request.startedAt().toEpochMilli() == oldest);
            page.addAll(oldestMillisecond);
        }
        page.sort(NEWEST_FIRST);
        return page.size() > limit ? new ArrayList<>(page.subList(0, limit)) : page;
    }

    private static List<RequestRecord> select(
            Connection connection, String sql, List<Object> parameters) throws SQLException {
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
        return requests;
    }

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
