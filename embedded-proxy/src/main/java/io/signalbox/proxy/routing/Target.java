package io.signalbox.proxy.routing;

import java.util.Objects;

/**
 * A model at a provider.
 *
 * @param model the upstream model name, or {@code "*"} to pass the client's model through
 * @param weight 0..1000; a fallback has weight 0 and is ordered, not weighted
 * @param match the requests this target takes; fallbacks always have {@link MatchRule#ANY}
 */
public record Target(String provider, String model, int weight, boolean enabled, MatchRule match) {

    public static final String PASS_THROUGH = "*";

    public Target {
        Objects.requireNonNull(match, "match");
    }

    /** A target that takes every request. */
    public Target(String provider, String model, int weight, boolean enabled) {
        this(provider, model, weight, enabled, MatchRule.ANY);
    }

    /** The identity the health book tracks this target under. */
    public TargetKey key() {
        return new TargetKey(provider, model);
    }
}
