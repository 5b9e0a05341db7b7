package io.signalbox.persistence.config;

import java.util.List;

/**
 * The whole user configuration: providers, routes, access keys and routers, exactly the document of
 * CONTRACT section 2. Immutable; replaced as a whole on import.
 *
 * @param routers named endpoints serving a subset of the routes (ADR 0013); empty for none
 */
public record SignalboxConfig(
        List<ProviderConfig> providers,
        List<RouteConfig> routes,
        List<AccessKeyConfig> accessKeys,
        List<RouterConfig> routers) {

    public static final int VERSION = 1;

    public SignalboxConfig {
        providers = List.copyOf(providers);
        routes = List.copyOf(routes);
        accessKeys = List.copyOf(accessKeys);
        routers = routers == null ? List.of() : List.copyOf(routers);
    }

    /** A configuration without routers. */
    public SignalboxConfig(
            List<ProviderConfig> providers,
            List<RouteConfig> routes,
            List<AccessKeyConfig> accessKeys) {
        this(providers, routes, accessKeys, List.of());
    }

    /** This configuration with other routers. */
    public SignalboxConfig withRouters(List<RouterConfig> otherRouters) {
        return new SignalboxConfig(providers, routes, accessKeys, otherRouters);
    }

    public static SignalboxConfig empty() {
        return new SignalboxConfig(List.of(), List.of(), List.of());
    }
}
