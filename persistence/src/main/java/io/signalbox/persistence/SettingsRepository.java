package io.signalbox.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Application settings (port, bind address, window state, ...) as plain key/value text. Which keys
 * exist and what their values mean is up to the code that reads them; nothing secret belongs here.
 */
public final class SettingsRepository {

    private final Database database;

    SettingsRepository(Database database) {
        this.database = database;
    }

    public Optional<String> get(String key) {
        return database.withConnection(
                "read the setting " + key,
                connection -> {
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    """
                                    SELECT setting_value FROM settings WHERE setting_key = ?
                                    """)) {
                        select.setString(1, key);
                        try (ResultSet row = select.executeQuery()) {
                            return row.next()
                                    ? Optional.of(row.getString(1))
                                    : Optional.<String>empty();
                        }
                    }
                });
    }

    /** Sets {@code key} to {@code value}, replacing any value it had. */
    public void put(String key, String value) {
        database.withConnection(
                "save the setting " + key,
                connection -> {
                    try (PreparedStatement merge =
                            connection.prepareStatement(
                                    """
                                    MERGE INTO settings (setting_key, setting_value)
                                    KEY (setting_key) VALUES (?, ?)
                                    """)) {
                        merge.setString(1, key);
                        merge.setString(2, value);
                        return merge.executeUpdate();
                    }
                });
    }

    /** Removes {@code key}, so its reader falls back to the default. */
    public void remove(String key) {
        database.withConnection(
                "remove the setting " + key,
                connection -> {
                    try (PreparedStatement delete =
                            connection.prepareStatement(
                                    "DELETE FROM settings WHERE setting_key = ?")) {
                        delete.setString(1, key);
                        return delete.executeUpdate();
                    }
                });
    }

    /** Every setting, sorted by key. */
    public SortedMap<String, String> all() {
        return database.withConnection(
                "read the settings",
                connection -> {
                    SortedMap<String, String> settings = new TreeMap<>();
                    try (PreparedStatement select =
                                    connection.prepareStatement(
                                            "SELECT setting_key, setting_value FROM settings");
                            ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            settings.put(row.getString(1), row.getString(2));
                        }
                    }
                    return Collections.unmodifiableSortedMap(settings);
                });
    }
}
