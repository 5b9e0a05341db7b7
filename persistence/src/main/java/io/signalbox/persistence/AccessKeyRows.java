package io.signalbox.persistence;

import io.signalbox.persistence.config.AccessKeyConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The access_keys and access_key_routes rows, as a configuration replace reads and writes them. */
final class AccessKeyRows {

    private AccessKeyRows() {}

    /** An access_keys row and its routes. */
    record Row(
            String name,
            String keyHash,
            String keyPrefix,
            Instant createdAt,
            Optional<Instant> lastUsedAt,
            List<String> routes,
            OptionalLong dailyTokenLimit) {

        /** Leaves the hash out: it identifies the key in the database. */
        @Override
        public String toString() {
            return "AccessKeyRows.Row[name=%s, prefix=%s]".formatted(name, keyPrefix);
        }
    }

    /** The stored access keys by name (their routes are not needed to keep a hash). */
    static Map<String, Row> stored(Connection connection) throws SQLException {
        Map<String, Row> stored = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT name, key_hash, key_prefix, created_at, last_used_at
                                FROM access_keys
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long lastUsedAt = row.getLong("last_used_at");
                Optional<Instant> lastUsed =
                        row.wasNull()
                                ? Optional.empty()
                                : Optional.of(Instant.ofEpochMilli(lastUsedAt));
                String name = row.getString("name");
                stored.put(
                        name,
                        new Row(
                                name,
                                row.getString("key_hash"),
                                row.getString("key_prefix"),
                                Instant.ofEpochMilli(row.getLong("created_at")),
                                lastUsed,
                                List.of(),
                                OptionalLong.empty()));
            }
        }
        return stored;
    }

    /**
     * The rows for {@code accessKeys}: a given key is hashed; a missing one keeps the stored hash
     * of the same name. An unchanged key keeps its creation and last-use times.
     *
     * @throws IllegalArgumentException naming the access key (never a key or hash) that has no key
     *     and no stored hash, or two access keys that share one key
     */
    static List<Row> resolve(
            List<AccessKeyConfig> accessKeys, Map<String, Row> stored, Instant now) {
        List<Row> rows = new ArrayList<>();
        Map<String, String> nameByHash = new HashMap<>();
        for (AccessKeyConfig config : accessKeys) {
            Row previous = stored.get(config.name());
            Row row;
            if (config.key().isPresent()) {
                String hash = AccessKeys.hash(config.key().get());
                boolean unchanged = previous != null && previous.keyHash().equals(hash);
                row =
                        new Row(
                                config.name(),
                                hash,
                                AccessKeys.displayPrefix(config.key().get()),
                                unchanged ? previous.createdAt() : now,
                                unchanged ? previous.lastUsedAt() : Optional.empty(),
                                config.routes(),
                                config.dailyTokenLimit());
            } else if (previous != null) {
                row =
                        new Row(
                                config.name(),
                                previous.keyHash(),
                                previous.keyPrefix(),
                                previous.createdAt(),
                                previous.lastUsedAt(),
                                config.routes(),
                                config.dailyTokenLimit());
            } else {
                throw new IllegalArgumentException(
                        "access key "
                                + config.name()
                                + " has no key, and there is no stored access key of that name"
                                + " to keep it from");
            }
            String sameKey = nameByHash.putIfAbsent(row.keyHash(), row.name());
            if (sameKey != null) {
                throw new IllegalArgumentException(
                        "access keys " + sameKey + " and " + row.name() + " have the same key");
            }
            rows.add(row);
        }
        return rows;
    }

    static void insert(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement key =
                        connection.prepareStatement(
                                """
                                INSERT INTO access_keys (name, position, key_hash, key_prefix,
                                                         created_at, last_used_at,
                                                         daily_token_limit)
                                VALUES (?, ?, ?, ?, ?, ?, ?)
                                """);
                PreparedStatement route =
                        connection.prepareStatement(
                                """
                                INSERT INTO access_key_routes (access_key, position, route)
                                VALUES (?, ?, ?)
                                """)) {
            int position = 0;
            for (Row row : rows) {
                key.setString(1, row.name());
                key.setInt(2, position++);
                key.setString(3, row.keyHash());
                key.setString(4, row.keyPrefix());
                key.setLong(5, row.createdAt().toEpochMilli());
                if (row.lastUsedAt().isPresent()) {
                    key.setLong(6, row.lastUsedAt().get().toEpochMilli());
                } else {
                    key.setNull(6, Types.BIGINT);
                }
                if (row.dailyTokenLimit().isPresent()) {
                    key.setLong(7, row.dailyTokenLimit().getAsLong());
                } else {
                    key.setNull(7, Types.BIGINT);
                }
                key.addBatch();
                int routePosition = 0;
                for (String name : row.routes()) {
                    route.setString(1, row.name());
                    route.setInt(2, routePosition++);
                    route.setString(3, name);
                    route.addBatch();
                }
            }
            key.executeBatch();
            route.executeBatch();
        }
    }

    /** The allowed routes of every access key, in order; keys allowed everywhere have no entry. */
    static Map<String, List<String>> routesByAccessKey(Connection connection) throws SQLException {
        Map<String, List<String>> routes = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT access_key, route FROM access_key_routes
                                ORDER BY access_key, position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                routes.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                        .add(row.getString(2));
            }
        }
        return routes;
    }
}
