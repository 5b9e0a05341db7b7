package io.signalbox.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model list each provider's last discovery found, with when every model was first and last
 * seen, so the next discovery can tell what was added and what is gone.
 *
 * <p>Keyed by provider name and kept across configuration replacements (see
 * V2__provider_discovery.sql for why there is no foreign key to the providers).
 */
public final class DiscoveryRepository {

    /** The longest model id the store keeps; the same limit as a route target's model. */
    public static final int MAX_MODEL_LENGTH = 512;

    private final Database database;

    DiscoveryRepository(Database database) {
        this.database = database;
    }

    /**
     * What the last discovery of a provider found.
     *
     * @param discoveredAt when that discovery ran
     * @param models sorted by id
     */
    public record DiscoverySnapshot(
            String provider, Instant discoveredAt, List<DiscoveredModel> models) {

        public DiscoverySnapshot {
            models = List.copyOf(models);
        }

        /** The model ids, sorted. */
        public List<String> modelIds() {
            return models.stream().map(DiscoveredModel::id).toList();
        }
    }

    /**
     * A model a provider listed.
     *
     * @param firstSeen the first discovery that listed it (since it was last missing)
     * @param lastSeen the latest discovery that listed it
     */
    public record DiscoveredModel(String id, Instant firstSeen, Instant lastSeen) {}

    /** The last discovery of {@code provider}, or empty when it was never discovered. */
    public Optional<DiscoverySnapshot> last(String provider) {
        return database.snapshot(
                "read the last discovery of provider " + provider,
                connection -> {
                    Optional<Instant> discoveredAt = discoveredAt(connection, provider);
                    if (discoveredAt.isEmpty()) {
                        return Optional.<DiscoverySnapshot>empty();
                    }
                    return Optional.of(
                            new DiscoverySnapshot(
                                    provider, discoveredAt.get(), models(connection, provider)));
                });
    }

    /**
     * Replaces the discovered list of {@code provider} with {@code models}, in one transaction.
     * Models listed before keep their first-seen time; every listed model gets {@code at} as its
     * last-seen time; models no longer listed are dropped.
     *
     * @throws IllegalArgumentException when a model id is blank or longer than {@link
     *     #MAX_MODEL_LENGTH}
     */
    public void save(String provider, List<String> models, Instant at) {
        Set<String> ids = new LinkedHashSet<>(models);
        for (String id : ids) {
            if (id.isBlank() || id.length() > MAX_MODEL_LENGTH) {
                throw new IllegalArgumentException(
                        "a model id must have 1 to " + MAX_MODEL_LENGTH + " characters");
            }
        }
        long atMillis = at.toEpochMilli();
        database.transaction(
                "save the discovered models of provider " + provider,
                connection -> {
                    // Writing the parent row first takes its lock, so two discoveries of one
                    // provider at once run one after the other instead of colliding on inserts.
                    try (PreparedStatement merge =
                            connection.prepareStatement(
                                    """
                                    MERGE INTO provider_discoveries (provider, discovered_at)
                                    KEY (provider) VALUES (?, ?)
                                    """)) {
                        merge.setString(1, provider);
                        merge.setLong(2, atMillis);
                        merge.executeUpdate();
                    }
                    Map<String, Long> firstSeen = firstSeen(connection, provider);
                    try (PreparedStatement delete =
                            connection.prepareStatement(
                                    "DELETE FROM discovered_models WHERE provider = ?")) {
                        delete.setString(1, provider);
                        delete.executeUpdate();
                    }
                    try (PreparedStatement insert =
                            connection.prepareStatement(
                                    """
                                    INSERT INTO discovered_models
                                        (provider, model, first_seen, last_seen)
                                    VALUES (?, ?, ?, ?)
                                    """)) {
                        for (String id : ids) {
                            insert.setString(1, provider);
                            insert.setString(2, id);
                            insert.setLong(3, firstSeen.getOrDefault(id, atMillis));
                            insert.setLong(4, atMillis);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                    return null;
                });
    }

    private static Optional<Instant> discoveredAt(Connection connection, String provider)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(
                        "SELECT discovered_at FROM provider_discoveries WHERE provider = ?")) {
            select.setString(1, provider);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(Instant.ofEpochMilli(row.getLong(1)))
                        : Optional.empty();
            }
        }
    }

    private static List<DiscoveredModel> models(Connection connection, String provider)
            throws SQLException {
        List<DiscoveredModel> models = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                        SELECT model, first_seen, last_seen FROM discovered_models
                        WHERE provider = ? ORDER BY model
                        """)) {
            select.setString(1, provider);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    models.add(
                            new DiscoveredModel(
                                    row.getString(1),
                                    Instant.ofEpochMilli(row.getLong(2)),
                                    Instant.ofEpochMilli(row.getLong(3))));
                }
            }
        }
        return models;
    }

    private static Map<String, Long> firstSeen(Connection connection, String provider)
            throws SQLException {
        Map<String, Long> firstSeen = new HashMap<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        "SELECT model, first_seen FROM discovered_models WHERE provider = ?")) {
            select.setString(1, provider);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    firstSeen.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return firstSeen;
    }
}
