package io.signalbox.persistence.config;

/**
 * A model at a provider that a route sends a weighted share of its traffic to.
 *
 * @param model the upstream model name, or {@code "*"} to pass the client's model through
 * @param weight 0..1000; the share is weight over the sum of the enabled targets' weights
 */
public record TargetConfig(String provider, String model, int weight, boolean enabled) {

    public static final int DEFAULT_WEIGHT = 100;
    public static final int MAX_WEIGHT = 1000;
    public static final String PASS_THROUGH_MODEL = "*";
}
