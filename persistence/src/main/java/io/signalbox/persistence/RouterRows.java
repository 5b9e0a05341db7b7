package io.signalbox.persistence;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.RouterConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routers, router_routes and access_key_routers rows (migration V9, ADR 0013), as a
 * configuration replace writes them and a load reads them back.
 */
final class RouterRows {

    private RouterRows() {}

    /** Inserts the routers; the caller deleted the old ones first. */
    static void insert(Connection connection, List<RouterConfig> routers) throws SQLException {
        try (PreparedStatement router =
                        connection.prepareStatement(
                                """
                                INSERT INTO routers (slug, position, active) VALUES (?, ?, ?)
                                """);
                PreparedStatement route =
                        connection.prepareStatement(
                                """
                                INSERT INTO router_routes (router, position, route)
                                VALUES (?, ?, ?)
                                """)) {
            int position = 0;
            for (RouterConfig config : routers) {
                router.setString(1, config.slug());
                router.setInt(2, position++);
                router.setBoolean(3, config.active());
                router.addBatch();
                int routePosition = 0;
                for (String name : config.routes()) {
                    route.setString(1, config.slug());
                    route.setInt(2, routePosition++);
                    route.setString(3, name);
                    route.addBatch();
                }
            }
            // Parents first: the children's foreign keys need them.
            router.executeBatch();
            route.executeBatch();
        }
    }

    /** Inserts the keys' routers; the access_keys rows must exist already. */
    static void insertKeyRouters(Connection connection, List<AccessKeyConfig> accessKeys)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        """
                        INSERT INTO access_key_routers (access_key, position, router)
                        VALUES (?, ?, ?)
                        """)) {
            for (AccessKeyConfig key : accessKeys) {
                int position = 0;
                for (String slug : key.routers()) {
                    insert.setString(1, key.name());
                    insert.setInt(2, position++);
                    insert.setString(3, slug);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The routers in the configuration's order, each with its routes in order. */
    static List<RouterConfig> load(Connection connection) throws SQLException {
        Map<String, List<String>> routes = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT router, route FROM router_routes ORDER BY router, position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                routes.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                        .add(row.getString(2));
            }
        }
        List<RouterConfig> routers = new ArrayList<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                "SELECT slug, active FROM routers ORDER BY position");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String slug = row.getString(1);
                routers.add(
                        new RouterConfig(
                                slug, row.getBoolean(2), routes.getOrDefault(slug, List.of())));
            }
        }
        return routers;
    }

    /** The routers of every access key limited to some, in order; other keys have no entry. */
    static Map<String, List<String>> routersByAccessKey(Connection connection) throws SQLException {
        Map<String, List<String>> routers = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                """
                                SELECT access_key, router FROM access_key_routers
                                ORDER BY access_key, position
                                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                routers.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                        .add(row.getString(2));
            }
        }
        return routers;
    }

    /** The routers of one access key, in order; empty when it is not limited to routers. */
    static List<String> routersOf(Connection connection, String accessKey) throws SQLException {
        List<String> routers = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                        SELECT router FROM access_key_routers WHERE access_key = ?
                        ORDER BY position
                        """)) {
            select.setString(1, accessKey);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    routers.add(row.getString(1));
                }
            }
        }
        return routers;
    }
}
