package io.signalbox.persistence;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stores the configuration document (providers, routes, access keys, routers) and reads it back.
 *
 * <p>The document is only ever replaced as a whole, in one transaction, the way an import or a
 * {@code PUT /api/config} replaces it. Provider API keys and header values are stored encrypted;
 * access keys are stored as a hash, so {@link #load()} returns them without their key.
 */
public final class ConfigRepository {

    private final Database database;
    private final SecretCipher cipher;
    private final Clock clock;

    ConfigRepository(Database database, SecretCipher cipher, Clock clock) {
        this.database = database;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * The stored configuration, in its original order, with provider secrets decrypted and every
     * access key's {@code key} empty.
     *
     * @throws SecretCipherException when a stored secret cannot be decrypted with this data dir's
     *     key
     */
    public SignalboxConfig load() {
        return database.snapshot(
                "load the configuration",
                connection ->
                        new SignalboxConfig(
                                loadProviders(connection),
                                TpmLimitRows.apply(connection, RouteRows.load(connection)),
                                loadAccessKeys(connection),
                                RouterRows.load(connection)));
    }

    /**
     * Replaces the whole configuration: after it returns the store holds exactly {@code config};
     * when it throws, the store holds what it held before.
     *
     * <p>An access key with a {@code key} is stored as that key's hash. One without keeps the hash
     * of the stored access key of the same name, so an exported configuration (which leaves keys
     * out) can be imported again.
     *
     * @throws IllegalArgumentException when an access key has no key and no stored access key has
     *     its name, or two access keys have the same key
     * @throws PersistenceException when the database refuses the configuration (e.g. two routes
     *     with one name); nothing was changed
     */
    public void replace(SignalboxConfig config) {
        // Encrypt before the transaction starts: a failure here changes nothing either.
        List<EncryptedProvider> providers = config.providers().stream().map(this::encrypt).toList();
        database.transaction(
                "replace the configuration",
                connection -> {
                    List<AccessKeyRows.Row> accessKeys =
                            AccessKeyRows.resolve(
                                    config.accessKeys(),
                                    AccessKeyRows.stored(connection),
                                    clock.instant());
                    try (Statement delete = connection.createStatement()) {
                        // Children go with their parents (ON DELETE CASCADE).
                        delete.executeUpdate("DELETE FROM access_keys");
                        delete.executeUpdate("DELETE FROM routers");
                        delete.executeUpdate("DELETE FROM routes");
                        delete.executeUpdate("DELETE FROM providers");
                    }
                    insertProviders(connection, providers);
                    RouteRows.insert(connection, config.routes());
                    TpmLimitRows.update(connection, config.routes());
                    AccessKeyRows.insert(connection, accessKeys);
                    RouterRows.insert(connection, config.routers());
                    RouterRows.insertKeyRouters(connection, config.accessKeys());
                    return null;
                });
    }

    /** A provider whose API key and header values are already encrypted. */
    private record EncryptedProvider(
            ProviderConfig provider, Optional<String> apiKey, Map<String, String> headers) {}

    private EncryptedProvider encrypt(ProviderConfig provider) {
        Map<String, String> headers = new LinkedHashMap<>();
        provider.headers().forEach((name, value) -> headers.put(name, cipher.encrypt(value)));
        return new EncryptedProvider(provider, provider.apiKey().map(cipher::encrypt), headers);
    }

    private static void insertProviders(Connection connection, List<EncryptedProvider> providers)
            throws SQLException {
        try (PreparedStatement provider =
                        connection.prepareStatement(
                                """
                                INSERT INTO providers
                                    (name, position, type, base_url, api_key, enabled,
                                     trusted_certificate)
                                VALUES (?, ?, ?, ?, ?, ?, ?)
                                """);
                PreparedStatement header =
                        connection.prepareStatement(
                                """
                                INSERT INTO provider_headers (provider, header_name, header_value)
                                VALUES (?, ?, ?)
                                """);
                PreparedStatement model =
                        connection.prepareStatement(
                                """
                                INSERT INTO provider_models (provider, position, model)
                                VALUES (?, ?, ?)
                                """)) {
            int position = 0;
            for (EncryptedProvider encrypted : providers) {
                ProviderConfig config = encrypted.provider();
                provider.setString(1, config.name());
                provider.setInt(2, position++);
                provider.setString(3, config.type());
                provider.setString(4, config.baseUrl());
                if (encrypted.apiKey().isPresent()) {
                    provider.setString(5, encrypted.apiKey().get());
                } else {
                    provider.setNull(5, Types.VARCHAR);
                }
                provider.setBoolean(6, config.enabled());
                // Not encrypted: a certificate is public.
                provider.setString(7, config.trustedCertificate().orElse(null));
                provider.addBatch();
                for (Map.Entry<String, String> entry : encrypted.headers().entrySet()) {
                    header.setString(1, config.name());
                    header.setString(2, entry.getKey());
                    header.setString(3, entry.getValue());
                    header.addBatch();
                }
                int modelPosition = 0;
                for (String name : config.models()) {
                    model.setString(1, config.name());
                    model.setInt(2, modelPosition++);
                    model.setString(3, name);
                    model.addBatch();
                }
            }
            // Parents first: the children's foreign keys need them.
            provider.executeBatch();
            header.executeBatch();
            model.executeBatch();
        }
    }

    private List<ProviderConfig> loadProviders(Connection connection) throws SQLException {
        Map<String, Map<String, String>> headers = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT provider, header_name, header_value FROM provider_headers
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String provider = row.getString(1);
                String name = row.getString(2);
                String value = decrypt(row.getString(3), "header " + name, provider);
                headers.computeIfAbsent(provider, k -> new HashMap<>()).put(name, value);
            }
        }
        Map<String, List<String>> models = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT provider, model FROM provider_models
                                ORDER BY provider, position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                models.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                        .add(row.getString(2));
            }
        }
        List<ProviderConfig> providers = new ArrayList<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT name, type, base_url, api_key, enabled, trusted_certificate
                                FROM providers ORDER BY position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String name = row.getString("name");
                String apiKey = row.getString("api_key");
                providers.add(
                        new ProviderConfig(
                                name,
                                row.getString("type"),
                                row.getString("base_url"),
                                Optional.ofNullable(apiKey)
                                        .map(stored -> decrypt(stored, "API key", name)),
                                headers.getOrDefault(name, Map.of()),
                                models.getOrDefault(name, List.of()),
                                row.getBoolean("enabled"),
                                Optional.ofNullable(row.getString("trusted_certificate"))));
            }
        }
        return providers;
    }

    private String decrypt(String stored, String what, String provider) {
        try {
            return cipher.decrypt(stored);
        } catch (SecretCipherException e) {
            throw new SecretCipherException(
                    "could not decrypt the %s of provider %s: %s"
                            .formatted(what, provider, e.getMessage()),
                    e);
        }
    }

    private static List<AccessKeyConfig> loadAccessKeys(Connection connection) throws SQLException {
        Map<String, List<String>> routes = AccessKeyRows.routesByAccessKey(connection);
        Map<String, List<String>> routers = RouterRows.routersByAccessKey(connection);
        List<AccessKeyConfig> accessKeys = new ArrayList<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT name, daily_token_limit FROM access_keys ORDER BY position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String name = row.getString(1);
                long limit = row.getLong(2);
                accessKeys.add(
                        new AccessKeyConfig(
                                name,
                                Optional.empty(),
                                routes.getOrDefault(name, List.of()),
                                row.wasNull() ? OptionalLong.empty() : OptionalLong.of(limit),
                                routers.getOrDefault(name, List.of())));
            }
        }
        return accessKeys;
    }
}
