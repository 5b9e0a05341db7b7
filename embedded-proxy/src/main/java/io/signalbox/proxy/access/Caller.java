package io.signalbox.proxy.access;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Who is calling: the access key's name, the routes it may use and how many tokens it may use a
 * day.
 *
 * @param keyName absent when no key was needed (loopback bind, no keys configured)
 * @param routes the route names this caller may use; empty means every route
 * @param dailyTokenLimit the most tokens the key may use per day; absent means no limit
 * @param routers the router slugs this caller may call; empty means {@code /v1} and every router,
 *     otherwise only those routers and not {@code /v1} (ADR 0013)
 */
public record Caller(
        Optional<String> keyName,
        Set<String> routes,
        OptionalLong dailyTokenLimit,
        Set<String> routers) {

    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Set.of());

    public Caller {
        routes = Set.copyOf(routes);
        dailyTokenLimit = dailyTokenLimit == null ? OptionalLong.empty() : dailyTokenLimit;
        routers = routers == null ? Set.of() : Set.copyOf(routers);
    }

    /** A caller not limited to routers. */
    public Caller(Optional<String> keyName, Set<String> routes, OptionalLong dailyTokenLimit) {
        this(keyName, routes, dailyTokenLimit, Set.of());
    }

    /** A caller without a daily token limit. */
    public Caller(Optional<String> keyName, Set<String> routes) {
        this(keyName, routes, OptionalLong.empty());
    }

    public boolean mayUse(String route) {
        return routes.isEmpty() || routes.contains(route);
    }

    /**
     * Whether this caller may call the endpoint of the router {@code slug}, or {@code /v1} when it
     * is empty.
     */
    public boolean mayCall(Optional<String> routerSlug) {
        return routers.isEmpty() || routerSlug.filter(routers::contains).isPresent();
    }
}
