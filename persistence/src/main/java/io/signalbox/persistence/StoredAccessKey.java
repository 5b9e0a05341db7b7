package io.signalbox.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An access key as the store knows it: its name and display prefix, never the key or its hash.
 *
 * @param prefix the key's first characters, to tell keys apart in the UI
 * @param routes the route names the key may call; empty means every route
 * @param lastUsedAt when a request last used the key, absent if never
 * @param dailyTokenLimit the most tokens the key may use per day, absent for no limit
 * @param routers the router slugs the key is limited to; empty means {@code /v1} and every router
 */
public record StoredAccessKey(
        String name,
        String prefix,
        List<String> routes,
        Instant createdAt,
        Optional<Instant> lastUsedAt,
        OptionalLong dailyTokenLimit,
        List<String> routers) {

    public StoredAccessKey {
        routes = List.copyOf(routes);
        lastUsedAt = lastUsedAt == null ? Optional.empty() : lastUsedAt;
        dailyTokenLimit = dailyTokenLimit == null ? OptionalLong.empty() : dailyTokenLimit;
        routers = routers == null ? List.of() : List.copyOf(routers);
    }

    /** A key not limited to routers. */
    public StoredAccessKey(
            String name,
            String prefix,
            List<String> routes,
            Instant createdAt,
            Optional<Instant> lastUsedAt,
            OptionalLong dailyTokenLimit) {
        this(name, prefix, routes, createdAt, lastUsedAt, dailyTokenLimit, List.of());
    }

    public boolean allowsAllRoutes() {
        return routes.isEmpty();
    }

    /**
     * Whether the key may call the route named {@code routeName} (the route's name, not a glob
     * match).
     */
    public boolean allowsRoute(String routeName) {
        return routes.isEmpty() || routes.contains(routeName);
    }
}
