package io.signalbox.proxy.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * The canary of a route: one of its targets that gets a fixed share of the route's requests, and
 * none once its success rate over the window falls below the threshold (see {@link CanaryBook}).
 *
 * @param target which of the route's targets is the canary
 * @param share percent of the route's requests that try the canary first, 1..99
 * @param minSuccessPercent the lowest success rate over the window it may have, 1..100
 * @param windowMinutes how far back its attempts count
 * @param minRequests how many attempts the window must hold before it is judged
 */
public record Canary(
        TargetKey target, int share, int minSuccessPercent, int windowMinutes, int minRequests) {

    public Canary {
        Objects.requireNonNull(target, "target");
        if (share < 1 || share > 99) {
            throw new IllegalArgumentException("share must be 1..99: " + share);
        }
        if (windowMinutes < 1 || minRequests < 1) {
            throw new IllegalArgumentException("window and minimum must be positive");
        }
    }

    public Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }
}
