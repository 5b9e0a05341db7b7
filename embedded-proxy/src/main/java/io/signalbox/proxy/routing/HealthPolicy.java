package io.signalbox.proxy.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the health book punishes failures.
 *
 * @param defaultCooldown how long a 429 without Retry-After cools a target
 * @param failuresBeforeEjection consecutive server, connect, timeout or not-found failures that
 *     eject a target
 * @param ejectionBase the first ejection's length; each further ejection without a success in
 *     between doubles it
 * @param ejectionCap the longest ejection
 */
public record HealthPolicy(
        Duration defaultCooldown,
        int failuresBeforeEjection,
        Duration ejectionBase,
        Duration ejectionCap) {

    public HealthPolicy {
        requirePositive(defaultCooldown, "defaultCooldown");
        requirePositive(ejectionBase, "ejectionBase");
        requirePositive(ejectionCap, "ejectionCap");
        if (failuresBeforeEjection < 1) {
            throw new IllegalArgumentException("failuresBeforeEjection must be at least 1");
        }
        if (ejectionCap.compareTo(ejectionBase) < 0) {
            throw new IllegalArgumentException("ejectionCap must not be below ejectionBase");
        }
    }

    /**
     * 5 s cooldown and 3 failures are LiteLLM's defaults; exponential ejection capped at 5 minutes
     * is Envoy's outlier detection, with a shorter base because a desktop user notices 30 s.
     */
    public static HealthPolicy defaults() {
        return new HealthPolicy(
                Duration.ofSeconds(5), 3, Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    /** {@code ejectionBase × 2^previousEjections}, capped; never overflows. */
    Duration ejectionLength(int previousEjections) {
        Duration length = ejectionBase;
        for (int i = 0; i < previousEjections && length.compareTo(ejectionCap) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(ejectionCap) > 0 ? ejectionCap : length;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
