package io.signalbox.proxy.access;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the access key's name and the routes it may use.
 *
 * @param keyName absent when no key was needed (loopback bind, no keys configured)
 * @param routes the route names this caller may use; empty means every route
 */
public record Caller(Optional<String> keyName, Set<String> routes) {

    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Set.of());

    public Caller {
        routes = Set.copyOf(routes);
    }

    public boolean mayUse(String route) {
        return routes.isEmpty() || routes.contains(route);
    }
}
