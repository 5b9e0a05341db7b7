package io.signalbox.persistence.config;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A public model name (possibly a glob such as {@code claude-*}) that clients call.
 *
 * @param targets weighted targets, tried first
 * @param fallbacks ordered, tried only after every target failed
 * @param timeoutSeconds the longest wait for an attempt's first response byte
 * @param retries other targets tried after the first pick before the fallbacks; empty (the default)
 *     tries every available target once
 * @param selection how the first pick is made
 */
public record RouteConfig(
        String name,
        boolean enabled,
        List<TargetConfig> targets,
        List<FallbackConfig> fallbacks,
        int timeoutSeconds,
        OptionalInt retries,
        RouteSelection selection) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 60;
    public static final int MAX_RETRIES = 20;

    public RouteConfig {
        targets = List.copyOf(targets);
        fallbacks = List.copyOf(fallbacks);
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(selection, "selection");
    }

    /** A weighted route that tries every available target once. */
    public RouteConfig(
            String name,
            boolean enabled,
            List<TargetConfig> targets,
            List<FallbackConfig> fallbacks,
            int timeoutSeconds) {
        this(
                name,
                enabled,
                targets,
                fallbacks,
                timeoutSeconds,
                OptionalInt.empty(),
                RouteSelection.WEIGHTED);
    }

    /**
     * This route with the fields an editor that knows nothing of retries and selection changes;
     * those two are kept, so such an editor never drops them.
     */
    public RouteConfig edited(
            String newName,
            boolean newEnabled,
            List<TargetConfig> newTargets,
            List<FallbackConfig> newFallbacks,
            int newTimeoutSeconds) {
        return new RouteConfig(
                newName,
                newEnabled,
                newTargets,
                newFallbacks,
                newTimeoutSeconds,
                retries,
                selection);
    }

    /** This route with other retries and selection, every other field kept. */
    public RouteConfig withRoutingOptions(OptionalInt newRetries, RouteSelection newSelection) {
        return new RouteConfig(
                name, enabled, targets, fallbacks, timeoutSeconds, newRetries, newSelection);
    }
}
