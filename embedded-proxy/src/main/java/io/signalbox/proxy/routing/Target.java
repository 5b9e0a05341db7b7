package io.signalbox.proxy.routing;

/**
 * A model at a provider.
 *
 * @param model the upstream model name, or {@code "*"} to pass the client's model through
 * @param weight 0..1000; a fallback has weight 0 and is ordered, not weighted
 */
public record Target(String provider, String model, int weight, boolean enabled) {

    public static final String PASS_THROUGH = "*";

    /** The identity the health book tracks this target under. */
    public TargetKey key() {
        return new TargetKey(provider, model);
    }
}
