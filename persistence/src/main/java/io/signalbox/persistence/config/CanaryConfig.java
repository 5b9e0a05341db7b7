package io.signalbox.persistence.config;

/**
 * Marks a route's target as its canary ({@code targets[].canary}): the target gets a fixed share of
 * the route's requests and is demoted to no traffic when its successes fall below the threshold.
 *
 * @param share percent of the route's requests sent to the canary first, 1..99
 * @param minSuccessPercent the lowest acceptable success rate over the window, 1..100
 * @param windowMinutes how far back attempts count, 1..60
 * @param minRequests how many attempts the window must hold before the canary is judged at all, so
 *     one early failure does not demote it
 */
public record CanaryConfig(int share, int minSuccessPercent, int windowMinutes, int minRequests) {

    public static final int DEFAULT_MIN_SUCCESS_PERCENT = 95;
    public static final int DEFAULT_WINDOW_MINUTES = 5;
    public static final int DEFAULT_MIN_REQUESTS = 20;
    public static final int MAX_WINDOW_MINUTES = 60;
    public static final int MAX_MIN_REQUESTS = 100_000;

    /** A canary with this share and the default threshold, window and minimum. */
    public static CanaryConfig withShare(int share) {
        return new CanaryConfig(
                share, DEFAULT_MIN_SUCCESS_PERCENT, DEFAULT_WINDOW_MINUTES, DEFAULT_MIN_REQUESTS);
    }
}
