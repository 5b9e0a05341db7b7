package io.signalbox.proxy.routing;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A model at a provider.
 *
 * @param model the upstream model name, or {@code "*"} to pass the client's model through
 * @param weight 0..1000; a fallback has weight 0 and is ordered, not weighted. A route that shares
 *     by tokens-per-minute limits has the limits here instead (ADR 0014).
 * @param match the requests this target takes; fallbacks always have {@link MatchRule#ANY}
 * @param tpmLimit the most tokens a minute its model may be sent ({@link TpmLimits}); empty for
 *     none
 */
public record Target(
        String provider,
        String model,
        int weight,
        boolean enabled,
        MatchRule match,
        OptionalLong tpmLimit) {

    public static final String PASS_THROUGH = "*";

    public Target {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(tpmLimit, "tpmLimit");
    }

    /** A target without a tokens-per-minute limit. */
    public Target(String provider, String model, int weight, boolean enabled, MatchRule match) {
        this(provider, model, weight, enabled, match, OptionalLong.empty());
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
