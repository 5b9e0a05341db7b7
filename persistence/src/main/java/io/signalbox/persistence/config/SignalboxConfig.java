package io.signalbox.persistence.config;

import java.util.List;

/**
 * The whole user configuration: providers, routes and access keys, exactly the document of CONTRACT
 * section 2. Immutable; replaced as a whole on import.
 */
public record SignalboxConfig(
        List<ProviderConfig> providers,
        List<RouteConfig> routes,
        List<AccessKeyConfig> accessKeys) {

    public static final int VERSION = 1;

    public SignalboxConfig {
        providers = List.copyOf(providers);
        routes = List.copyOf(routes);
        accessKeys = List.copyOf(accessKeys);
    }

    public static SignalboxConfig empty() {
        return new SignalboxConfig(List.of(), List.of(), List.of());
    }
}
