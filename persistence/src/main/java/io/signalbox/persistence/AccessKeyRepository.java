package io.signalbox.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the access keys the proxy checks on every request, and records when each was last used.
 * Access keys are written as part of the configuration, by {@link ConfigRepository#replace}.
 */
public final class AccessKeyRepository {

    private final Database database;

    AccessKeyRepository(Database database) {
        this.database = database;
    }

    /** The access key whose plaintext is {@code plaintext}, if there is one. */
    public Optional<StoredAccessKey> findByKey(String plaintext) {
        String hash = AccessKeys.hash(plaintext);
        return database.snapshot(
                "look up an access key",
                connection -> {
                    // One snapshot, so a concurrent configuration replace is seen whole or not.
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    """
                                    SELECT k.name, k.key_hash, k.key_prefix, k.created_at,
                                           k.last_used_at, k.daily_token_limit, r.route
                                    FROM access_keys k
                                    LEFT JOIN access_key_routes r ON r.access_key = k.name
                                    WHERE k.key_hash = ?
                                    ORDER BY r.position
                                    """)) {
                        select.setString(1, hash);
                        try (ResultSet row = select.executeQuery()) {
                            // The index finds the row; the constant-time compare decides, so
                            // no answer depends on how much of a hash matched.
                            if (!row.next() || !sameHash(hash, row.getString("key_hash"))) {
                                return Optional.empty();
                            }
                            StoredAccessKey key = toStoredAccessKey(row, Map.of());
                            List<String> routes = new ArrayList<>();
                            do {
                                String route = row.getString("route");
                                if (route != null) {
                                    routes.add(route);
                                }
                            } while (row.next());
                            return Optional.of(
                                    new StoredAccessKey(
                                            key.name(),
                                            key.prefix(),
                                            routes,
                                            key.createdAt(),
                                            key.lastUsedAt(),
                                            key.dailyTokenLimit(),
                                            RouterRows.routersOf(connection, key.name())));
                        }
                    }
                });
    }

    private static boolean sameHash(String expected, String stored) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    /** Every access key, in the configuration's order. */
    public List<StoredAccessKey> list() {
        return database.snapshot(
                "list the access keys",
                connection -> {
                    Map<String, List<String>> routes = AccessKeyRows.routesByAccessKey(connection);
                    Map<String, List<String>> routers = RouterRows.routersByAccessKey(connection);
                    List<StoredAccessKey> keys = new ArrayList<>();
                    try (PreparedStatement select =
                                    connection.prepareStatement(
                                            """
                                            SELECT name, key_prefix, created_at, last_used_at,
                                                   daily_token_limit
                                            FROM access_keys
                                            ORDER BY position
                                            """);
                            ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            StoredAccessKey key = toStoredAccessKey(row, routes);
                            keys.add(
                                    new StoredAccessKey(
                                            key.name(),
                                            key.prefix(),
                                            key.routes(),
                                            key.createdAt(),
                                            key.lastUsedAt(),
                                            key.dailyTokenLimit(),
                                            routers.getOrDefault(key.name(), List.of())));
                        }
                    }
                    return keys;
                });
    }

    /**
     * Records that the access key {@code name} was used at {@code usedAt}. An older time than the
     * one stored is ignored, so usage events written out of order never move it back.
     */
    public void markUsed(String name, Instant usedAt) {
        database.withConnection(
                "record the use of an access key",
                connection -> {
                    try (PreparedStatement update =
                            connection.prepareStatement(
                                    """
                                    UPDATE access_keys SET last_used_at = ?
                                    WHERE name = ? AND (last_used_at IS NULL OR last_used_at < ?)
                                    """)) {
                        update.setLong(1, usedAt.toEpochMilli());
                        update.setString(2, name);
                        update.setLong(3, usedAt.toEpochMilli());
                        return update.executeUpdate();
                    }
                });
    }

    /** How many access keys there are (the proxy needs at least one on a non-loopback bind). */
    public long count() {
        return database.withConnection(
                "count the access keys",
                connection -> {
                    try (PreparedStatement select =
                                    connection.prepareStatement(
                                            "SELECT COUNT(*) FROM access_keys");
                            ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                });
    }

    private static StoredAccessKey toStoredAccessKey(
            ResultSet row, Map<String, List<String>> routes) throws SQLException {
        String name = row.getString("name");
        long lastUsedAt = row.getLong("last_used_at");
        Optional<Instant> lastUsed =
                row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastUsedAt));
        long limit = row.getLong("daily_token_limit");
        OptionalLong dailyTokenLimit =
                row.wasNull() ? OptionalLong.empty() : OptionalLong.of(limit);
        return new StoredAccessKey(
                name,
                row.getString("key_prefix"),
                routes.getOrDefault(name, List.of()),
                Instant.ofEpochMilli(row.getLong("created_at")),
                lastUsed,
                dailyTokenLimit);
    }
}
