package io.signalbox.persistence;

import io.signalbox.persistence.config.CanaryConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canary columns of {@code route_targets} (V11): written after {@link RouteRows} inserted the
 * targets, read into a map that {@link RouteRows#load} attaches to them.
 */
final class CanaryRows {

    private CanaryRows() {}

    static void save(Connection connection, List<RouteConfig> routes) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement(
                        """
                        UPDATE route_targets
                        SET canary_share = ?, canary_min_success_percent = ?,
                            canary_window_minutes = ?, canary_min_requests = ?
                        WHERE route = ? AND position = ?
                        """)) {
            for (RouteConfig route : routes) {
                for (int position = 0; position < route.targets().size(); position++) {
                    TargetConfig target = route.targets().get(position);
                    if (target.canary().isEmpty()) {
                        continue;
                    }
                    CanaryConfig canary = target.canary().get();
                    update.setInt(1, canary.share());
                    update.setInt(2, canary.minSuccessPercent());
                    update.setInt(3, canary.windowMinutes());
                    update.setInt(4, canary.minRequests());
                    update.setString(5, route.name());
                    update.setInt(6, position);
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    /** route → target position → its canary settings, for the targets that are canaries. */
    static Map<String, Map<Integer, CanaryConfig>> load(Connection connection) throws SQLException {
        Map<String, Map<Integer, CanaryConfig>> canaries = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT route, position, canary_share, canary_min_success_percent,
                                       canary_window_minutes, canary_min_requests
                                FROM route_targets WHERE canary_share IS NOT NULL
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                canaries.computeIfAbsent(row.getString("route"), k -> new HashMap<>())
                        .put(
                                row.getInt("position"),
                                new CanaryConfig(
                                        row.getInt("canary_share"),
                                        row.getInt("canary_min_success_percent"),
                                        row.getInt("canary_window_minutes"),
                                        row.getInt("canary_min_requests")));
            }
        }
        return canaries;
    }

    /** The canary settings stored for a target, if it is a canary. */
    static Optional<CanaryConfig> of(
            Map<String, Map<Integer, CanaryConfig>> canaries, String route, int position) {
        return Optional.ofNullable(canaries.getOrDefault(route, Map.of()).get(position));
    }
}
