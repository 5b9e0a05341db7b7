package io.signalbox.persistence.usage;

import java.time.Duration;

/**
 * The width of the time buckets of a usage series. Buckets are aligned to UTC: an hour starts at
 * minute 0, a day at midnight UTC.
 */
public enum Bucket {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final long millis;

    Bucket(Duration width) {
        this.millis = width.toMillis();
    }

    /** The width of one bucket in milliseconds. */
    public long millis() {
        return millis;
    }

    /** The start of the bucket that {@code epochMillis} falls in. */
    long startOf(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }
}
