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
 */
public record Caller(Optional<String> keyName, Set<String> routes, OptionalLong dailyTokenLimit) {

    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Set.of());

    public Caller {
        routes = Set.copyOf(routes);
        dailyTokenLimit = dailyTokenLimit == null ? OptionalLong.empty() : dailyTokenLimit;
    }

    /** A caller without a daily token limit. */
    public Caller(Optional<String> keyName, Set<String> routes) {
        this(keyName, routes, OptionalLong.empty());
    }

    public boolean mayUse(String route) {
        return routes.isEmpty() || routes.contains(route);
    }
}
