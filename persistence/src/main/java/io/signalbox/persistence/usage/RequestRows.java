package io.signalbox.persistence.usage;

import io.signalbox.persistence.RequestLogRows;
import io.signalbox.persistence.RequestRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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
                    requests.add(RequestLogRows.request(row));
                }
            }
        }
        return RequestLogRows.withAttempts(connection, requests);
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
