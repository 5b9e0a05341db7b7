package io.signalbox.persistence.usage;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A usage series to read: the time range {@code [since, until)}, cut into buckets, per group.
 *
 * @param since the first instant counted
 * @param until the first instant no longer counted; after {@code since}
 * @param groupBy what each point is grouped by
 * @param bucket the width of a point; at most {@value #MAX_BUCKETS} buckets fit in the range
 */
public record UsageQuery(Instant since, Instant until, GroupBy groupBy, Bucket bucket) {

    /**
     * More points than a chart can show, and a bound on the work: 10,000 minutes is about a week of
     * raw request rows, 10,000 hours over a year of the rollup.
     */
    public static final int MAX_BUCKETS = 10_000;

    public UsageQuery {
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(bucket, "bucket");
        long buckets = TimeRange.of(since, until).bucketCount(bucket);
        if (buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "%s to %s is %,d %s buckets, more than the %,d allowed:"
                                    + " use a wider bucket or a shorter range",
                            since,
                            until,
                            buckets,
                            bucket.name().toLowerCase(Locale.ROOT),
                            MAX_BUCKETS));
        }
    }

    /** The range in epoch milliseconds, the way the database stores times. */
    TimeRange range() {
        return TimeRange.of(since, until);
    }
}
