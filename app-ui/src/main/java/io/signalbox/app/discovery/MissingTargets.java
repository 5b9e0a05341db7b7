package io.signalbox.app.discovery;

import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Finds the route targets and fallbacks that ask a provider for a model it no longer lists. */
final class MissingTargets {

    /**
     * Ollama lists every model with its tag ({@code llama3:latest}) but also serves the bare name
     * ({@code llama3}) as {@code :latest}, so a target naming the bare model is not missing.
     */
    private static final String DEFAULT_TAG = ":latest";

    private MissingTargets() {}

    /**
     * The targets and fallbacks of {@code provider}, in every route (enabled or not), whose model
     * is not in {@code models}. Pass-through targets ({@code "*"}) ask for whatever the client
     * sends, so they are never reported.
     */
    static List<TargetRef> find(
            SignalboxConfig config, String provider, Collection<String> models) {
        Set<String> listed = Set.copyOf(models);
        List<TargetRef> missing = new ArrayList<>();
        for (RouteConfig route : config.routes()) {
            List<TargetConfig> targets = route.targets();
            for (int i = 0; i < targets.size(); i++) {
                TargetConfig target = targets.get(i);
                if (target.provider().equals(provider) && isMissing(target.model(), listed)) {
                    missing.add(
                            new TargetRef(
                                    route.name(),
                                    TargetRef.Role.TARGET,
                                    i,
                                    provider,
                                    target.model()));
                }
            }
            List<FallbackConfig> fallbacks = route.fallbacks();
            for (int i = 0; i < fallbacks.size(); i++) {
                FallbackConfig fallback = fallbacks.get(i);
                if (fallback.provider().equals(provider) && isMissing(fallback.model(), listed)) {
                    missing.add(
                            new TargetRef(
                                    route.name(),
                                    TargetRef.Role.FALLBACK,
                                    i,
                                    provider,
                                    fallback.model()));
                }
            }
        }
        return missing;
    }

    private static boolean isMissing(String model, Set<String> listed) {
        if (model.equals(TargetConfig.PASS_THROUGH_MODEL) || listed.contains(model)) {
            return false;
        }
        return model.contains(":") || !listed.contains(model + DEFAULT_TAG);
    }
}
