package io.signalbox.proxy.routing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of everything the proxy routes by. A configuration change builds a new
 * table and swaps it in whole, so a request in flight keeps the table it started with.
 */
public record RoutingTable(Map<String, ProviderEndpoint> providers, List<Route> routes) {

    public RoutingTable {
        providers = Map.copyOf(providers);
        routes = List.copyOf(routes);
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
