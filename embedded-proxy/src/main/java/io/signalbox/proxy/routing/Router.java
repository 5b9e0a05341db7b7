package io.signalbox.proxy.routing;

import java.util.Set;

/**
 * A named endpoint, {@code /router/{slug}/v1/...}, that serves only the routes it lists (ADR 0013).
 *
 * @param active an inactive router answers every call with 404 {@code router_not_found}
 * @param routes route names exactly as the table has them (a glob route by its glob)
 */
public record Router(String slug, boolean active, Set<String> routes) {

    public Router {
        routes = Set.copyOf(routes);
    }

    public boolean serves(Route route) {
        return routes.contains(route.name());
    }
}
