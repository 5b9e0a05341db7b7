package io.signalbox.app.usage;

import io.signalbox.persistence.usage.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time range a usage report covers, cut into buckets. Both ends lie on bucket boundaries: the
 * store's hour and day series count whole hours, so a window that starts mid-hour would chart usage
 * the totals above it leave out. With aligned ends the chart and the totals add up to the same
 * numbers. Buckets are UTC-aligned, as the store keeps them (a day is a UTC day).
 *
 * @param since the first instant counted, the start of the first bucket
 * @param until the end of the last bucket (the current bucket's end for a rolling range: nothing
 *     after now exists yet, so the current bucket is simply not full)
 */
public record UsageWindow(Instant since, Instant until, Bucket bucket) {

    /**
     * A chart has at most this many bars: a few hundred stay apart on a laptop screen, and a custom
     * range picks the finest bucket that fits in it.
     */
    public static final int MAX_BUCKETS = 400;

    public UsageWindow {
        if (!since.isBefore(until)) {
            throw new IllegalArgumentException("a usage window must end after it starts");
        }
        if (since.toEpochMilli() % bucket.millis() != 0
                || until.toEpochMilli() % bucket.millis() != 0) {
            throw new IllegalArgumentException("a usage window starts and ends on its buckets");
        }
    }

    /**
     * The fixed range {@code range} up to {@code now}: its last bucket is the one {@code now} falls
     * in, so the newest requests are always on the chart.
     */
    public static UsageWindow last(UsageRange range, Instant now) {
        if (range == UsageRange.CUSTOM) {
            throw new IllegalArgumentException("a custom range needs its days");
        }
        Bucket bucket = range.bucket();
        long end = floor(now.toEpochMilli(), bucket) + bucket.millis();
        return new UsageWindow(
                Instant.ofEpochMilli(end - range.span().toMillis()),
                Instant.ofEpochMilli(end),
                bucket);
    }

    /**
     * The calendar days {@code from} to {@code to}, both included, in {@code zone}, widened to
     * whole buckets of the finest width that keeps the chart within {@value #MAX_BUCKETS} bars.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}, or the range needs
     *     more than {@value #MAX_BUCKETS} day buckets
     */
    public static UsageWindow custom(LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends before it starts.");
        }
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Bucket bucket = bucketFor(Duration.ofMillis(end - start));
        return new UsageWindow(
                Instant.ofEpochMilli(floor(start, bucket)),
                Instant.ofEpochMilli(ceil(end, bucket)),
                bucket);
    }

    /**
     * The finest bucket that cuts {@code span} into at most {@value #MAX_BUCKETS} buckets (one more
     * is allowed for the widening to bucket boundaries).
     *
     * @throws IllegalArgumentException when even days are too many
     */
    static Bucket bucketFor(Duration span) {
        for (Bucket bucket : Bucket.values()) {
            long count = (span.toMillis() + bucket.millis() - 1) / bucket.millis();
            if (count + 1 <= MAX_BUCKETS) {
                return bucket;
            }
        }
        throw new IllegalArgumentException(
                String.format(
                        Locale.ROOT,
                        "Choose at most %d days: a longer range would need more than %d bars.",
                        MAX_BUCKETS - 1,
                        MAX_BUCKETS));
    }

    /** How many buckets the window holds. */
    public int bucketCount() {
        return (int) ((until.toEpochMilli() - since.toEpochMilli()) / bucket.millis());
    }

    /** The start of each bucket, oldest first. */
    public List<Instant> bucketStarts() {
        List<Instant> starts = new ArrayList<>(bucketCount());
        for (long t = since.toEpochMilli(); t < until.toEpochMilli(); t += bucket.millis()) {
            starts.add(Instant.ofEpochMilli(t));
        }
        return starts;
    }

    /** The index of the bucket {@code instant} falls in, or -1 when it lies outside the window. */
    int indexOf(Instant instant) {
        long offset = instant.toEpochMilli() - since.toEpochMilli();
        if (offset < 0 || instant.compareTo(until) >= 0) {
            return -1;
        }
        return (int) (offset / bucket.millis());
    }

    private static long floor(long millis, Bucket bucket) {
        return Math.floorDiv(millis, bucket.millis()) * bucket.millis();
    }

    private static long ceil(long millis, Bucket bucket) {
        return -Math.floorDiv(-millis, bucket.millis()) * bucket.millis();
    }
}
