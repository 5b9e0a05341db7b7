package io.signalbox.app.providers;

import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A route made from one provider model ("Create route"): named after the model, so that clients
 * call the model by its own name, with that model as its only target.
 *
 * @param config the configuration with the new route (and the model selected at its provider)
 * @param routeName the name the route got
 */
record NewRoute(SignalboxConfig config, String routeName) {

    /** Route names allow fewer characters than model ids; the glob characters are never kept. */
    private static final int MAX_ROUTE_NAME = 128;

    /** Room for a "-NN" suffix when the name is taken. */
    private static final int SUFFIX_ROOM = 4;

    static NewRoute of(SignalboxConfig config, String provider, String model) {
        Set<String> taken =
                config.routes().stream().map(RouteConfig::name).collect(Collectors.toSet());
        String name = ProviderChanges.unused(baseName(model), taken);
        List<RouteConfig> routes = new ArrayList<>(config.routes());
        routes.add(
                new RouteConfig(
                        name,
                        true,
                        List.of(
                                new TargetConfig(
                                        provider, model, TargetConfig.DEFAULT_WEIGHT, true)),
                        List.of(),
                        RouteConfig.DEFAULT_TIMEOUT_SECONDS));
        List<ProviderConfig> providers =
                config.providers().stream()
                        .map(candidate -> withModel(candidate, provider, model))
                        .toList();
        return new NewRoute(
                new SignalboxConfig(providers, routes, config.accessKeys(), config.routers()),
                name);
    }

    /** The route palette lists selected models only, so the new target's model is selected. */
    private static ProviderConfig withModel(
            ProviderConfig candidate, String provider, String model) {
        if (!candidate.name().equals(provider) || candidate.models().contains(model)) {
            return candidate;
        }
        List<String> models = new ArrayList<>(candidate.models());
        models.add(model);
        return new ProviderConfig(
                candidate.name(),
                candidate.type(),
                candidate.baseUrl(),
                candidate.apiKey(),
                candidate.headers(),
                models,
                candidate.enabled());
    }

    /** The model id with every character a route name cannot hold replaced by '-'. */
    static String baseName(String model) {
        StringBuilder name = new StringBuilder();
        for (char c : model.strip().toCharArray()) {
            boolean allowed =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || "._:/@+-".indexOf(c) >= 0;
            name.append(allowed ? c : '-');
        }
        String result =
                name.length() > MAX_ROUTE_NAME - SUFFIX_ROOM
                        ? name.substring(0, MAX_ROUTE_NAME - SUFFIX_ROOM)
                        : name.toString();
        return result.isEmpty() ? "route" : result;
    }
}
