package io.signalbox.app.usage;

import io.signalbox.persistence.usage.Bucket;
import java.time.Duration;

/**
 * The ranges of the range picker. Each fixed range has the bucket that gives its chart a useful
 * number of bars: 60 minutes, 24 or 168 hours, 30 days.
 */
public enum UsageRange {
    LAST_HOUR("Last hour", Duration.ofHours(1), Bucket.MINUTE),
    LAST_DAY("24 hours", Duration.ofDays(1), Bucket.HOUR),
    LAST_WEEK("7 days", Duration.ofDays(7), Bucket.HOUR),
    LAST_MONTH("30 days", Duration.ofDays(30), Bucket.DAY),
    /** From one calendar day to another; the bucket follows from the span. */
    CUSTOM("Custom", null, null);

    private final String label;
    private final Duration span;
    private final Bucket bucket;

    UsageRange(String label, Duration span, Bucket bucket) {
        this.label = label;
        this.span = span;
        this.bucket = bucket;
    }

    public String label() {
        return label;
    }

    /** The length of a fixed range; null for {@link #CUSTOM}. */
    Duration span() {
        return span;
    }

    /** The bucket of a fixed range; null for {@link #CUSTOM}. */
    Bucket bucket() {
        return bucket;
    }
}
