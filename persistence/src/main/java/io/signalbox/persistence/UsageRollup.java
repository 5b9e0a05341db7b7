package io.signalbox.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The usage_hourly table: request and token counts per hour, route, target and access key, added to
 * in the same transaction as the requests, so it always agrees with the request log.
 */
final class UsageRollup {

    private static final long HOUR_MILLIS = 3_600_000;

    /** Stands for "none" in key columns, where NULL would never match itself. */
    private static final String NONE = "";

    private UsageRollup() {}

    private record Key(
            long hourStart, String route, String provider, String model, String accessKeyName) {}

    /** Running sums of one key within a batch. */
    private static final class Sums {
        long requests;
        long errors;
        long promptTokens;
        long completionTokens;
        long totalTokens;
        long cachedTokens;
        long reasoningTokens;
        long estimatedRequests;

        /**
         * Sets the eight sums as parameters {@code first} to {@code first + 7}, in column order.
         */
        void setOn(PreparedStatement statement, int first) throws SQLException {
            long[] values = {
                requests,
                errors,
                promptTokens,
                completionTokens,
                totalTokens,
                cachedTokens,
                reasoningTokens,
                estimatedRequests
            };
            for (int i = 0; i < values.length; i++) {
                statement.setLong(first + i, values[i]);
            }
        }

        void add(Sums other) {
            requests += other.requests;
            errors += other.errors;
            promptTokens += other.promptTokens;
            completionTokens += other.completionTokens;
            totalTokens += other.totalTokens;
            cachedTokens += other.cachedTokens;
            reasoningTokens += other.reasoningTokens;
            estimatedRequests += other.estimatedRequests;
        }

        void add(RequestRecord record) {
            TokenUsage usage = record.usage();
            requests++;
            errors += record.failed() ? 1 : 0;
            promptTokens += usage.promptTokens();
            completionTokens += usage.completionTokens();
            totalTokens += usage.totalTokens();
            cachedTokens += usage.cachedTokens();
            reasoningTokens += usage.reasoningTokens();
            estimatedRequests += usage.estimated() ? 1 : 0;
        }
    }

    /** How both rollups add a batch's sums ({@code s}) to a row they already have ({@code u}). */
    private static final String ADD_SUMS =
            String.join(
                    ", ",
                    Stream.of(
                                    "requests",
                                    "errors",
                                    "prompt_tokens",
                                    "completion_tokens",
                                    "total_tokens",
                                    "cached_tokens",
                                    "reasoning_tokens",
                                    "estimated_requests")
                            .map(column -> column + " = u." + column + " + s." + column)
                            .toList());

    /** Adds newly stored {@code records} to their hours. */
    static void add(Connection connection, List<RequestRecord> records) throws SQLException {
        // Summing in memory first: a batch from one busy minute touches only a few rows.
        Map<Key, Sums> sums = new LinkedHashMap<>();
        for (RequestRecord record : records) {
            sums.computeIfAbsent(keyOf(record), k -> new Sums()).add(record);
        }
        try (PreparedStatement merge =
                connection.prepareStatement(
                        """
                        MERGE INTO usage_hourly u
                        USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                                       CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT),
                                       CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT),
                                       CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT),
                                       CAST(? AS BIGINT)))
                            AS s (hour_start, route, provider, model, access_key_name, requests,
                                  errors, prompt_tokens, completion_tokens, total_tokens,
                                  cached_tokens, reasoning_tokens, estimated_requests)
                        ON u.hour_start = s.hour_start AND u.route = s.route
                            AND u.provider = s.provider AND u.model = s.model
                            AND u.access_key_name = s.access_key_name
                        WHEN MATCHED THEN UPDATE SET %s
                        WHEN NOT MATCHED THEN INSERT VALUES (s.hour_start, s.route, s.provider,
                            s.model, s.access_key_name, s.requests, s.errors, s.prompt_tokens,
                            s.completion_tokens, s.total_tokens, s.cached_tokens,
                            s.reasoning_tokens, s.estimated_requests)
                        """
                                .formatted(ADD_SUMS))) {
            for (Map.Entry<Key, Sums> entry : sums.entrySet()) {
                Key key = entry.getKey();
                Sums sum = entry.getValue();
                merge.setLong(1, key.hourStart());
                merge.setString(2, key.route());
                merge.setString(3, key.provider());
                merge.setString(4, key.model());
                merge.setString(5, key.accessKeyName());
                sum.setOn(merge, 6);
                merge.addBatch();
            }
            merge.executeBatch();
        }
        addByDimension(connection, sums);
    }

    /** The dimensions of {@code usage_hourly_by}, each with the key part it groups by. */
    private static final Map<String, java.util.function.Function<Key, String>> DIMENSIONS =
            Map.of(
                    "route", Key::route,
                    "provider", Key::provider,
                    "model", Key::model,
                    "key", Key::accessKeyName,
                    "all", key -> "all");

    private record DimensionKey(String dimension, long hourStart, String group) {}

    /** Adds the same sums to the per-dimension rollup that the usage charts read. */
    private static void addByDimension(Connection connection, Map<Key, Sums> sums)
            throws SQLException {
        Map<DimensionKey, Sums> byDimension = new LinkedHashMap<>();
        for (Map.Entry<Key, Sums> entry : sums.entrySet()) {
            Key key = entry.getKey();
            for (Map.Entry<String, java.util.function.Function<Key, String>> dimension :
                    DIMENSIONS.entrySet()) {
                byDimension
                        .computeIfAbsent(
                                new DimensionKey(
                                        dimension.getKey(),
                                        key.hourStart(),
                                        dimension.getValue().apply(key)),
                                k -> new Sums())
                        .add(entry.getValue());
            }
        }
        try (PreparedStatement merge =
                connection.prepareStatement(
                        """
                        MERGE INTO usage_hourly_by u
                        USING (VALUES (CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS VARCHAR),
                                       CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT),
                                       CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT),
                                       CAST(? AS BIGINT), CAST(? AS BIGINT)))
                            AS s (dimension, hour_start, grp, requests, errors, prompt_tokens,
                                  completion_tokens, total_tokens, cached_tokens,
                                  reasoning_tokens, estimated_requests)
                        ON u.dimension = s.dimension AND u.hour_start = s.hour_start
                            AND u.grp = s.grp
                        WHEN MATCHED THEN UPDATE SET %s
                        WHEN NOT MATCHED THEN INSERT VALUES (s.dimension, s.hour_start, s.grp,
                            s.requests, s.errors, s.prompt_tokens, s.completion_tokens,
                            s.total_tokens, s.cached_tokens, s.reasoning_tokens,
                            s.estimated_requests)
                        """
                                .formatted(ADD_SUMS))) {
            for (Map.Entry<DimensionKey, Sums> entry : byDimension.entrySet()) {
                DimensionKey key = entry.getKey();
                Sums sum = entry.getValue();
                merge.setString(1, key.dimension());
                merge.setLong(2, key.hourStart());
                merge.setString(3, key.group());
                sum.setOn(merge, 4);
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    private static Key keyOf(RequestRecord record) {
        // Clipped like the requests columns, so the rollup groups what the log shows.
        return new Key(
                hourStart(record.startedAt().toEpochMilli()),
                Columns.clip(record.route(), Columns.ROUTE),
                record.provider().map(p -> Columns.clip(p, Columns.NAME)).orElse(NONE),
                record.model().map(m -> Columns.clip(m, Columns.MODEL)).orElse(NONE),
                record.accessKeyName().map(k -> Columns.clip(k, Columns.NAME)).orElse(NONE));
    }

    /** The rows of the hours starting in {@code [fromMillis, untilMillis)}, oldest first. */
    static List<UsageHourRow> read(Connection connection, long fromMillis, long untilMillis)
            throws SQLException {
        List<UsageHourRow> rows = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                        SELECT * FROM usage_hourly
                        WHERE hour_start >= ? AND hour_start < ?
                        ORDER BY hour_start, route, provider, model, access_key_name
                        """)) {
            select.setLong(1, fromMillis);
            select.setLong(2, untilMillis);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(
                            new UsageHourRow(
                                    Instant.ofEpochMilli(row.getLong("hour_start")),
                                    row.getString("route"),
                                    orNone(row.getString("provider")),
                                    orNone(row.getString("model")),
                                    orNone(row.getString("access_key_name")),
                                    row.getLong("requests"),
                                    row.getLong("errors"),
                                    row.getLong("prompt_tokens"),
                                    row.getLong("completion_tokens"),
                                    row.getLong("total_tokens"),
                                    row.getLong("cached_tokens"),
                                    row.getLong("reasoning_tokens"),
                                    row.getLong("estimated_requests")));
                }
            }
        }
        return rows;
    }

    private static Optional<String> orNone(String value) {
        return value.equals(NONE) ? Optional.empty() : Optional.of(value);
    }

    /** The start of the UTC hour that {@code epochMillis} falls in. */
    static long hourStart(long epochMillis) {
        return Math.floorDiv(epochMillis, HOUR_MILLIS) * HOUR_MILLIS;
    }
}
