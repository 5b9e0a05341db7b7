package io.signalbox.persistence.config;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A model at a provider that a route sends a weighted share of its traffic to.
 *
 * @param model the upstream model name, or {@code "*"} to pass the client's model through
 * @param weight 0..1000; the share is weight over the sum of the enabled targets' weights
 * @param match the requests this target takes; {@link TargetMatch#NONE} takes every request
 * @param canary present when this target is the route's canary
 * @param tpmLimit the most tokens a minute this model may be sent; empty for no limit
 * @param weightGiven false when the file left {@code weight} out of a target with a limit (the
 *     weight then reads as the default): a route whose targets all have limits and no weights
 *     shares by limits ({@link LimitShares}); always true for a target without a limit
 */
public record TargetConfig(
        String provider,
        String model,
        int weight,
        boolean enabled,
        TargetMatch match,
        Optional<CanaryConfig> canary,
        OptionalLong tpmLimit,
        boolean weightGiven) {

    public static final int DEFAULT_WEIGHT = 100;
    public static final int MAX_WEIGHT = 1000;
    public static final String PASS_THROUGH_MODEL = "*";

    public TargetConfig {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(tpmLimit, "tpmLimit");
        // Only a target with a limit can share by it; without one, the weight (given or the
        // default) is what counts, so such targets compare and store alike either way.
        weightGiven = weightGiven || tpmLimit.isEmpty();
    }

    /** A target with no tokens-per-minute limit, a canary or not. */
    public TargetConfig(
            String provider,
            String model,
            int weight,
            boolean enabled,
            TargetMatch match,
            Optional<CanaryConfig> canary) {
        this(provider, model, weight, enabled, match, canary, OptionalLong.empty(), true);
    }

    /** A target that is not a canary, with or without a limit. */
    public TargetConfig(
            String provider,
            String model,
            int weight,
            boolean enabled,
            TargetMatch match,
            OptionalLong tpmLimit,
            boolean weightGiven) {
        this(provider, model, weight, enabled, match, Optional.empty(), tpmLimit, weightGiven);
    }

    /** A target with a weight of its own, no limit, and not a canary. */
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
        return new TargetConfig(
                newProvider, newModel, weight, enabled, match, canary, tpmLimit, weightGiven);
    }

    /** The same target with {@code newCanary} as its canary settings (empty: not a canary). */
    public TargetConfig withCanary(Optional<CanaryConfig> newCanary) {
        return new TargetConfig(
                provider, model, weight, enabled, match, newCanary, tpmLimit, weightGiven);
    }

    /** The same target with another limit (empty: none). */
    public TargetConfig withTpmLimit(OptionalLong newLimit) {
        return new TargetConfig(
                provider, model, weight, enabled, match, canary, newLimit, weightGiven);
    }
}
