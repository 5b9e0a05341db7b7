package io.signalbox.persistence.config;

import java.util.List;

/**
 * A named router: its own OpenAI-compatible endpoint at {@code /router/{slug}/v1/...} serving only
 * the routes it lists (ADR 0013).
 *
 * @param slug the endpoint's path segment, {@code [a-z0-9-]{1,64}}, unique
 * @param active an inactive router answers 404 {@code router_not_found} and keeps its routes
 * @param routes route names exactly as in {@code routes[]} (a glob route is listed by its glob)
 */
public record RouterConfig(String slug, boolean active, List<String> routes) {

    public RouterConfig {
        routes = List.copyOf(routes);
    }

    public boolean serves(String routeName) {
        return routes.contains(routeName);
    }

    /** The same router with other routes. */
    public RouterConfig withRoutes(List<String> otherRoutes) {
        return new RouterConfig(slug, active, otherRoutes);
    }
}
