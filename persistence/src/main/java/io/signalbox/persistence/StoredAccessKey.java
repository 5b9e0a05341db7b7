package io.signalbox.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An access key as the store knows it: its name and display prefix, never the key or its hash.
 *
 * @param prefix the key's first characters, to tell keys apart in the UI
 * @param routes the route names the key may call; empty means every route
 * @param lastUsedAt when a request last used the key, absent if never
 */
public record StoredAccessKey(
        String name,
        String prefix,
        List<String> routes,
        Instant createdAt,
        Optional<Instant> lastUsedAt) {

    public StoredAccessKey {
        routes = List.copyOf(routes);
        lastUsedAt = lastUsedAt == null ? Optional.empty() : lastUsedAt;
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
