package io.signalbox.proxy.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * A canary's attempts and successes over a sliding window, in 60 buckets of a 60th of the window
 * each (5 s of a 5-minute window): constant memory and constant work per attempt whatever the
 * traffic, at the price of the window's edge moving in steps of one bucket. Not thread-safe: {@link
 * CanaryState} guards it.
 */
final class CanaryWindow {

    static final int BUCKETS = 60;

    private final long bucketMillis;
    private final long[] bucketIndex = new long[BUCKETS];
    private final long[] attempts = new long[BUCKETS];
    private final long[] successes = new long[BUCKETS];

    CanaryWindow(Duration window) {
        this.bucketMillis = Math.max(1, window.toMillis() / BUCKETS);
        java.util.Arrays.fill(bucketIndex, Long.MIN_VALUE);
    }

    void add(boolean success, Instant now) {
        long index = Math.floorDiv(now.toEpochMilli(), bucketMillis);
        int slot = (int) Math.floorMod(index, (long) BUCKETS);
        if (bucketIndex[slot] != index) {
            bucketIndex[slot] = index;
            attempts[slot] = 0;
            successes[slot] = 0;
        }
        attempts[slot]++;
        if (success) {
            successes[slot]++;
        }
    }

    /** The totals of the buckets that end within the window before {@code now}. */
    Figures figures(Instant now) {
        long current = Math.floorDiv(now.toEpochMilli(), bucketMillis);
        long attemptSum = 0;
        long successSum = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            long age = current - bucketIndex[slot];
            if (bucketIndex[slot] != Long.MIN_VALUE && age >= 0 && age < BUCKETS) {
                attemptSum += attempts[slot];
                successSum += successes[slot];
            }
        }
        return new Figures(successSum, attemptSum);
    }

    /** Successes out of attempts in a canary's window. */
    record Figures(long successes, long attempts) {

        /** Below {@code minSuccessPercent}, compared exactly in whole numbers. */
        boolean below(int minSuccessPercent) {
            return successes * 100 < (long) minSuccessPercent * attempts;
        }
    }
}
