package io.signalbox.persistence;

import io.signalbox.persistence.config.CanaryConfig;
import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.RouteSelection;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.persistence.config.TargetMatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes and reads the routes part of the configuration: routes, targets, conditions, fallbacks.
 */
final class RouteRows {

    private static final String HEADER = "header";
    private static final String QUERY = "query";

    private RouteRows() {}

    static void insert(Connection connection, List<RouteConfig> routes) throws SQLException {
        try (PreparedStatement route =
                        connection.prepareStatement(
                                """
                                INSERT INTO routes
                                    (name, position, enabled, timeout_seconds, retries, selection)
                                VALUES (?, ?, ?, ?, ?, ?)
                                """);
                PreparedStatement target =
                        connection.prepareStatement(
                                """
                                INSERT INTO route_targets
                                    (route, position, provider, model, weight, enabled, match_path)
                                VALUES (?, ?, ?, ?, ?, ?, ?)
                                """);
                PreparedStatement condition =
                        connection.prepareStatement(
                                """
                                INSERT INTO route_target_conditions
                                    (route, target_position, kind, position, name, condition_value)
                                VALUES (?, ?, ?, ?, ?, ?)
                                """);
                PreparedStatement fallback =
                        connection.prepareStatement(
                                """
                                INSERT INTO route_fallbacks (route, position, provider, model)
                                VALUES (?, ?, ?, ?)
                                """)) {
            int position = 0;
            for (RouteConfig config : routes) {
                route.setString(1, config.name());
                route.setInt(2, position++);
                route.setBoolean(3, config.enabled());
                route.setInt(4, config.timeoutSeconds());
                if (config.retries().isPresent()) {
                    route.setInt(5, config.retries().getAsInt());
                } else {
                    route.setNull(5, Types.INTEGER);
                }
                route.setString(6, config.selection().json());
                route.addBatch();
                int targetPosition = 0;
                for (TargetConfig targetConfig : config.targets()) {
                    target.setString(1, config.name());
                    target.setInt(2, targetPosition);
                    target.setString(3, targetConfig.provider());
                    target.setString(4, targetConfig.model());
                    target.setInt(5, targetConfig.weight());
                    target.setBoolean(6, targetConfig.enabled());
                    target.setString(7, targetConfig.match().path().orElse(null));
                    target.addBatch();
                    TargetMatch match = targetConfig.match();
                    addConditions(
                            condition, config.name(), targetPosition, HEADER, match.headers());
                    addConditions(condition, config.name(), targetPosition, QUERY, match.query());
                    targetPosition++;
                }
                int fallbackPosition = 0;
                for (FallbackConfig fallbackConfig : config.fallbacks()) {
                    fallback.setString(1, config.name());
                    fallback.setInt(2, fallbackPosition++);
                    fallback.setString(3, fallbackConfig.provider());
                    fallback.setString(4, fallbackConfig.model());
                    fallback.addBatch();
                }
            }
            route.executeBatch();
            target.executeBatch();
            condition.executeBatch();
            fallback.executeBatch();
        }
        CanaryRows.save(connection, routes);
    }

    private static void addConditions(
            PreparedStatement condition,
            String route,
            int targetPosition,
            String kind,
            Map<String, String> values)
            throws SQLException {
        int position = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            condition.setString(1, route);
            condition.setInt(2, targetPosition);
            condition.setString(3, kind);
            condition.setInt(4, position++);
            condition.setString(5, entry.getKey());
            condition.setString(6, entry.getValue());
            condition.addBatch();
        }
    }

    static List<RouteConfig> load(Connection connection) throws SQLException {
        Map<String, Map<Integer, Map<String, Map<String, String>>>> conditions =
                loadConditions(connection);
        Map<String, Map<Integer, CanaryConfig>> canaries = CanaryRows.load(connection);
        Map<String, List<TargetConfig>> targets = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT route, position, provider, model, weight, enabled, match_path
                                FROM route_targets ORDER BY route, position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String route = row.getString("route");
                Map<String, Map<String, String>> byKind =
                        conditions
                                .getOrDefault(route, Map.of())
                                .getOrDefault(row.getInt("position"), Map.of());
                TargetMatch match =
                        new TargetMatch(
                                byKind.getOrDefault(HEADER, Map.of()),
                                byKind.getOrDefault(QUERY, Map.of()),
                                Optional.ofNullable(row.getString("match_path")));
                targets.computeIfAbsent(route, k -> new ArrayList<>())
                        .add(
                                new TargetConfig(
                                        row.getString("provider"),
                                        row.getString("model"),
                                        row.getInt("weight"),
                                        row.getBoolean("enabled"),
                                        match,
                                        CanaryRows.of(canaries, route, row.getInt("position"))));
            }
        }
        Map<String, List<FallbackConfig>> fallbacks = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT route, provider, model FROM route_fallbacks
                                ORDER BY route, position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                fallbacks
                        .computeIfAbsent(row.getString("route"), k -> new ArrayList<>())
                        .add(new FallbackConfig(row.getString("provider"), row.getString("model")));
            }
        }
        List<RouteConfig> routes = new ArrayList<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT name, enabled, timeout_seconds, retries, selection
                                FROM routes ORDER BY position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String name = row.getString("name");
                int stored = row.getInt("retries");
                // wasNull speaks of the last column read, so it is asked right here.
                OptionalInt retries = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(stored);
                routes.add(
                        new RouteConfig(
                                name,
                                row.getBoolean("enabled"),
                                targets.getOrDefault(name, List.of()),
                                fallbacks.getOrDefault(name, List.of()),
                                row.getInt("timeout_seconds"),
                                retries,
                                selection(row.getString("selection"))));
            }
        }
        return routes;
    }

    /** route → target position → kind → name → value, each level in stored order. */
    private static Map<String, Map<Integer, Map<String, Map<String, String>>>> loadConditions(
            Connection connection) throws SQLException {
        Map<String, Map<Integer, Map<String, Map<String, String>>>> conditions = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT route, target_position, kind, name, condition_value
                                FROM route_target_conditions
                                ORDER BY route, target_position, kind, position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                conditions
                        .computeIfAbsent(row.getString("route"), k -> new HashMap<>())
                        .computeIfAbsent(row.getInt("target_position"), k -> new HashMap<>())
                        .computeIfAbsent(row.getString("kind"), k -> new LinkedHashMap<>())
                        .put(row.getString("name"), row.getString("condition_value"));
            }
        }
        return conditions;
    }

    private static RouteSelection selection(String stored) {
        for (RouteSelection selection : RouteSelection.values()) {
            if (selection.json().equals(stored)) {
                return selection;
            }
        }
        // The column's CHECK allows only the known words; a newer schema is refused by Flyway.
        throw new IllegalStateException("unknown route selection in the store: " + stored);
    }
}
