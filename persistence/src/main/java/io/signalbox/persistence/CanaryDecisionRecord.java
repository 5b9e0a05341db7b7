package io.signalbox.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored decision about a route's canary, with the figures it was taken on.
 *
 * @param action {@code demoted} (by the proxy, below its threshold), {@code promoted} or {@code
 *     rolled_back} (by the user)
 * @param successes and {@code attempts}: the canary's window when the decision was taken
 */
public record CanaryDecisionRecord(
        Instant decidedAt,
        String route,
        String provider,
        String model,
        String action,
        int share,
        int minSuccessPercent,
        int windowMinutes,
        int minRequests,
        long successes,
        long attempts) {

    public CanaryDecisionRecord {
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(action, "action");
    }
}
