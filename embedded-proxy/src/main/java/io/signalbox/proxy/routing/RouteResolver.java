package io.signalbox.proxy.routing;

import java.util.Optional;

/**
 * Finds the route for the model name a client sent (CONTRACT section 2): an exact name beats any
 * glob, and among globs the first in the list wins.
 *
 * <p>A table holds tens of routes and a model name is short, so each request scans the list; a
 * precompiled index would have to live outside the {@link RoutingTable} record and buys nothing
 * measurable.
 */
public final class RouteResolver {

    private RouteResolver() {}

    /**
     * @param model the body's {@code model}, compared case-sensitively
     * @return the route, or empty when no enabled route takes this name
     */
    public static Optional<Route> resolve(RoutingTable table, String model) {
        if (model == null) {
            return Optional.empty();
        }
        for (Route route : table.routes()) {
            if (route.name().equals(model)) {
                // The user switched this exact name off; a broader glob must not take it over.
                return route.enabled() ? Optional.of(route) : Optional.empty();
            }
        }
        return table.routes().stream()
                .filter(Route::enabled)
                .filter(Route::isGlob)
                .filter(route -> Glob.matches(route.name(), model))
                .findFirst();
    }
}
