package io.signalbox.app.providers;

import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration after one provider edit: pure functions from one whole configuration to the
 * next, which {@code ConfigService.replace} then checks and stores all at once.
 */
final class ProviderChanges {

    private ProviderChanges() {}

    /**
     * {@code provider} in place of the one stored as {@code storedName}, or added at the end when
     * there is none. A renamed provider takes its route targets and fallbacks along, so that no
     * route breaks because of a new name.
     */
    static SignalboxConfig put(
            SignalboxConfig config, Optional<String> storedName, ProviderConfig provider) {
        List<ProviderConfig> providers = new ArrayList<>(config.providers());
        int index = storedName.map(name -> indexOf(config, name)).orElse(-1);
        if (index < 0) {
            providers.add(provider);
            return new SignalboxConfig(
                    providers, config.routes(), config.accessKeys(), config.routers());
        }
        providers.set(index, provider);
        String oldName = storedName.get();
        List<RouteConfig> routes =
                oldName.equals(provider.name())
                        ? config.routes()
                        : config.routes().stream()
                                .map(route -> renamed(route, oldName, provider.name()))
                                .toList();
        return new SignalboxConfig(providers, routes, config.accessKeys(), config.routers());
    }

    private static RouteConfig renamed(RouteConfig route, String from, String to) {
        List<TargetConfig> targets =
                route.targets().stream()
                        .map(
                                target ->
                                        from.equals(target.provider())
                                                ? target.withModel(to, target.model())
                                                : target)
                        .toList();
        List<FallbackConfig> fallbacks =
                route.fallbacks().stream()
                        .map(
                                fallback ->
                                        from.equals(fallback.provider())
                                                ? new FallbackConfig(
                                                        to, fallback.model(), fallback.tpmLimit())
                                                : fallback)
                        .toList();
        return route.edited(
                route.name(), route.enabled(), targets, fallbacks, route.timeoutSeconds());
    }

    /** The configuration without the provider {@code name}; its routes are left as they are. */
    static SignalboxConfig remove(SignalboxConfig config, String name) {
        List<ProviderConfig> providers =
                config.providers().stream()
                        .filter(provider -> !provider.name().equals(name))
                        .toList();
        return new SignalboxConfig(
                providers, config.routes(), config.accessKeys(), config.routers());
    }

    /** The routes with a target or fallback at provider {@code name}, in configuration order. */
    static List<String> routesUsing(SignalboxConfig config, String name) {
        Set<String> routes = new LinkedHashSet<>();
        for (RouteConfig route : config.routes()) {
            boolean uses =
                    route.targets().stream().anyMatch(target -> name.equals(target.provider()))
                            || route.fallbacks().stream()
                                    .anyMatch(fallback -> name.equals(fallback.provider()));
            if (uses) {
                routes.add(route.name());
            }
        }
        return List.copyOf(routes);
    }

    static int indexOf(SignalboxConfig config, String name) {
        List<ProviderConfig> providers = config.providers();
        for (int i = 0; i < providers.size(); i++) {
            if (providers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static Optional<ProviderConfig> find(SignalboxConfig config, String name) {
        int index = indexOf(config, name);
        return index < 0 ? Optional.empty() : Optional.of(config.providers().get(index));
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... whichever no provider has yet. */
    static String unusedProviderName(SignalboxConfig config, String base) {
        Set<String> taken =
                config.providers().stream().map(ProviderConfig::name).collect(Collectors.toSet());
        return unused(base, taken);
    }

    static String unused(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int suffix = 2; ; suffix++) {
            String candidate = base + "-" + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
