package io.signalbox.app.runtime;

import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Target;
import java.net.URI;
import java.time.Duration;

/** Translates the stored configuration into the proxy's routing table. */
public final class RoutingTables {

    private RoutingTables() {}

    public static RoutingTable from(SignalboxConfig config) {
        return RoutingTable.of(
                config.providers().stream().map(RoutingTables::endpoint).toList(),
                config.routes().stream().map(RoutingTables::route).toList());
    }

    private static ProviderEndpoint endpoint(ProviderConfig provider) {
        return new ProviderEndpoint(
                provider.name(),
                URI.create(provider.baseUrl()),
                provider.apiKey(),
                provider.headers(),
                provider.enabled());
    }

    private static Route route(RouteConfig route) {
        return new Route(
                route.name(),
                route.enabled(),
                route.targets().stream().map(RoutingTables::target).toList(),
                route.fallbacks().stream().map(RoutingTables::fallback).toList(),
                Duration.ofSeconds(route.timeoutSeconds()));
    }

    private static Target target(TargetConfig target) {
        return new Target(target.provider(), target.model(), target.weight(), target.enabled());
    }

    private static Target fallback(FallbackConfig fallback) {
        return new Target(fallback.provider(), fallback.model(), 0, true);
    }
}
