package io.signalbox.proxy.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of everything the proxy routes by. A configuration change builds a new
 * table and swaps it in whole, so a request in flight keeps the table it started with.
 *
 * @param routers the router endpoints by slug (ADR 0013)
 */
public record RoutingTable(
        Map<String, ProviderEndpoint> providers, List<Route> routes, Map<String, Router> routers) {

    public RoutingTable {
        providers = Map.copyOf(providers);
        routes = List.copyOf(routes);
        routers = routers == null ? Map.of() : Map.copyOf(routers);
    }

    /** A table without routers. */
    public RoutingTable(Map<String, ProviderEndpoint> providers, List<Route> routes) {
        this(providers, routes, Map.of());
    }

    /** This table with these routers (and no others). */
    public RoutingTable withRouters(List<Router> routerList) {
        return new RoutingTable(
                providers,
                routes,
                routerList.stream().collect(Collectors.toMap(Router::slug, Function.identity())));
    }

    /** The router with this slug, active or not. */
    public Optional<Router> router(String slug) {
        return Optional.ofNullable(routers.get(slug));
    }

    /**
     * The routes a router serves, in this table's order, as a table of their own: resolving a model
     * name in it sees only them (an exact name still beats a glob among them).
     */
    public RoutingTable servedBy(Router router) {
        return new RoutingTable(
                providers, routes.stream().filter(router::serves).toList(), routers);
    }

    public static RoutingTable of(List<ProviderEndpoint> providers, List<Route> routes) {
        return new RoutingTable(
                providers.stream()
                        .collect(Collectors.toMap(ProviderEndpoint::name, Function.identity())),
                routes);
    }

    public static RoutingTable empty() {
        return new RoutingTable(Map.of(), List.of());
    }

    /** The enabled routes with exact names: what {@code GET /v1/models} lists. */
    public List<Route> listedRoutes() {
        return routes.stream().filter(Route::enabled).filter(route -> !route.isGlob()).toList();
    }
}
