package io.signalbox.proxy.routing;

import java.util.Objects;

/**
 * The identity of a target for health bookkeeping: a model at a provider.
 *
 * <p>Weight and enabled flag are left out on purpose: the same model at the same provider is one
 * upstream, whichever route or weight sends traffic to it, so a 429 seen through one route cools it
 * for every route.
 */
public record TargetKey(String provider, String model) {

    public TargetKey {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
