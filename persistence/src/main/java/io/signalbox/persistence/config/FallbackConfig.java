package io.signalbox.persistence.config;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A model at a provider tried, in list order, once all of a route's targets failed.
 *
 * @param tpmLimit the most tokens a minute this model may be sent; empty for no limit
 */
public record FallbackConfig(String provider, String model, OptionalLong tpmLimit) {

    public FallbackConfig {
        Objects.requireNonNull(tpmLimit, "tpmLimit");
    }

    /** A fallback without a tokens-per-minute limit. */
    public FallbackConfig(String provider, String model) {
        this(provider, model, OptionalLong.empty());
    }
}
