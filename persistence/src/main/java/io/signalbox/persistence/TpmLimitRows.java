package io.signalbox.persistence;

import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The tokens-per-minute columns of targets and fallbacks (migration V10), written after {@link
 * RouteRows} inserted the rows and read on top of what it loaded, so the two stay separate.
 */
final class TpmLimitRows {

    private TpmLimitRows() {}

    static void update(Connection connection, List<RouteConfig> routes) throws SQLException {
        try (PreparedStatement target =
                        connection.prepareStatement(
                                """
                                UPDATE route_targets SET tpm_limit = ?, weight_given = ?
                                WHERE route = ? AND position = ?
                                """);
                PreparedStatement fallback =
                        connection.prepareStatement(
                                """
                                UPDATE route_fallbacks SET tpm_limit = ?
                                WHERE route = ? AND position = ?
                                """)) {
            for (RouteConfig route : routes) {
                for (int i = 0; i < route.targets().size(); i++) {
                    TargetConfig config = route.targets().get(i);
                    if (config.tpmLimit().isEmpty() && config.weightGiven()) {
                        continue; // the column defaults already say so
                    }
                    setLimit(target, 1, config.tpmLimit());
                    target.setBoolean(2, config.weightGiven());
                    target.setString(3, route.name());
                    target.setInt(4, i);
                    target.addBatch();
                }
                for (int i = 0; i < route.fallbacks().size(); i++) {
                    FallbackConfig config = route.fallbacks().get(i);
                    if (config.tpmLimit().isPresent()) {
                        setLimit(fallback, 1, config.tpmLimit());
                        fallback.setString(2, route.name());
                        fallback.setInt(3, i);
                        fallback.addBatch();
                    }
                }
            }
            target.executeBatch();
            fallback.executeBatch();
        }
    }

    /** {@code routes} with their stored limits and whether their weights were given. */
    static List<RouteConfig> apply(Connection connection, List<RouteConfig> routes)
            throws SQLException {
        Map<String, Map<Integer, TargetColumns>> targets = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT route, position, tpm_limit, weight_given FROM route_targets
                                WHERE tpm_limit IS NOT NULL OR NOT weight_given
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long limit = row.getLong("tpm_limit");
                OptionalLong tpmLimit =
                        row.wasNull() ? OptionalLong.empty() : OptionalLong.of(limit);
                targets.computeIfAbsent(row.getString("route"), k -> new HashMap<>())
                        .put(
                                row.getInt("position"),
                                new TargetColumns(tpmLimit, row.getBoolean("weight_given")));
            }
        }
        Map<String, Map<Integer, Long>> fallbacks = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT route, position, tpm_limit FROM route_fallbacks
                                WHERE tpm_limit IS NOT NULL
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                fallbacks
                        .computeIfAbsent(row.getString("route"), k -> new HashMap<>())
                        .put(row.getInt("position"), row.getLong("tpm_limit"));
            }
        }
        List<RouteConfig> applied = new ArrayList<>(routes.size());
        for (RouteConfig route : routes) {
            applied.add(
                    withLimits(
                            route,
                            targets.getOrDefault(route.name(), Map.of()),
                            fallbacks.getOrDefault(route.name(), Map.of())));
        }
        return applied;
    }

    private record TargetColumns(OptionalLong tpmLimit, boolean weightGiven) {}

    private static RouteConfig withLimits(
            RouteConfig route, Map<Integer, TargetColumns> targets, Map<Integer, Long> fallbacks) {
        if (targets.isEmpty() && fallbacks.isEmpty()) {
            return route;
        }
        List<TargetConfig> newTargets = new ArrayList<>();
        for (int i = 0; i < route.targets().size(); i++) {
            TargetConfig target = route.targets().get(i);
            TargetColumns columns = targets.get(i);
            newTargets.add(
                    columns == null
                            ? target
                            : new TargetConfig(
                                    target.provider(),
                                    target.model(),
                                    target.weight(),
                                    target.enabled(),
                                    target.match(),
                                    target.canary(),
                                    columns.tpmLimit(),
                                    columns.weightGiven()));
        }
        List<FallbackConfig> newFallbacks = new ArrayList<>();
        for (int i = 0; i < route.fallbacks().size(); i++) {
            FallbackConfig fallback = route.fallbacks().get(i);
            Long limit = fallbacks.get(i);
            newFallbacks.add(
                    limit == null
                            ? fallback
                            : new FallbackConfig(
                                    fallback.provider(), fallback.model(), OptionalLong.of(limit)));
        }
        // edited(...) keeps every other route field (retries, selection, and what later adds).
        return route.edited(
                route.name(), route.enabled(), newTargets, newFallbacks, route.timeoutSeconds());
    }

    private static void setLimit(PreparedStatement statement, int index, OptionalLong limit)
            throws SQLException {
        if (limit.isPresent()) {
            statement.setLong(index, limit.getAsLong());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }
}
