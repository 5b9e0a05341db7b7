package io.signalbox.persistence.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A model at a provider that a route sends a weighted share of its traffic to.
 *
 * @param model the upstream model name, or {@code "*"} to pass the client's model through
 * @param weight 0..1000; the share is weight over the sum of the enabled targets' weights
 * @param match the requests this target takes; {@link TargetMatch#NONE} takes every request
 * @param canary present when this target is the route's canary
 */
public record TargetConfig(
        String provider,
        String model,
        int weight,
        boolean enabled,
        TargetMatch match,
        Optional<CanaryConfig> canary) {

    public static final int DEFAULT_WEIGHT = 100;
    public static final int MAX_WEIGHT = 1000;
    public static final String PASS_THROUGH_MODEL = "*";

    public TargetConfig {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(canary, "canary");
    }

    /** A target that is not a canary. */
    public TargetConfig(
            String provider, String model, int weight, boolean enabled, TargetMatch match) {
        this(provider, model, weight, enabled, match, Optional.empty());
    }

    /** A target that takes every request. */
    public TargetConfig(String provider, String model, int weight, boolean enabled) {
        this(provider, model, weight, enabled, TargetMatch.NONE);
    }

    /** The same target at another provider or model, keeping its weight, switch and conditions. */
    public TargetConfig withModel(String newProvider, String newModel) {
        return new TargetConfig(newProvider, newModel, weight, enabled, match, canary);
    }

    /** The same target with {@code newCanary} as its canary settings (empty: not a canary). */
    public TargetConfig withCanary(Optional<CanaryConfig> newCanary) {
        return new TargetConfig(provider, model, weight, enabled, match, newCanary);
    }
}
