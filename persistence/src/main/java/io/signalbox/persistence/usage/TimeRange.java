package io.signalbox.persistence.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * A checked time range {@code [since, until)} in epoch milliseconds, the unit of every time column.
 * Instants are cut to whole milliseconds, as the request log stores them.
 */
record TimeRange(long sinceMillis, long untilMillis) {

    private static final long HOUR_MILLIS = Bucket.HOUR.millis();

    /**
     * @throws IllegalArgumentException when a bound is missing or too far from 1970, or {@code
     *     since} is not before {@code until}
     */
    static TimeRange of(Instant since, Instant until) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        long sinceMillis = millis(since, "since");
        long untilMillis = millis(until, "until");
        if (sinceMillis >= untilMillis) {
            throw new IllegalArgumentException(
                    "since (" + since + ") must be before until (" + until + ")");
        }
        return new TimeRange(sinceMillis, untilMillis);
    }

    /** {@code instant} in epoch milliseconds; {@code name} names it in the error. */
    static long millis(Instant instant, String name) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " is too far from today: " + instant, e);
        }
    }

    /** How many buckets of {@code bucket} overlap this range. */
    long bucketCount(Bucket bucket) {
        // Dividing each bound first cannot overflow, whatever the range.
        return Math.floorDiv(untilMillis - 1, bucket.millis())
                - Math.floorDiv(sinceMillis, bucket.millis())
                + 1;
    }

    /** The start of the first hour that overlaps this range. */
    long firstHourStart() {
        return Bucket.HOUR.startOf(sinceMillis);
    }

    /** The start of the first whole hour inside this range. */
    long firstWholeHourStart() {
        long hourStart = firstHourStart();
        return hourStart == sinceMillis ? hourStart : hourStart + HOUR_MILLIS;
    }

    /** The end of the last whole hour inside this range. */
    long lastWholeHourEnd() {
        return Bucket.HOUR.startOf(untilMillis);
    }
}
