package io.signalbox.app.usage;

import io.signalbox.persistence.usage.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The axis labels of a window's buckets: as short as the window allows, and unique, because a
 * category axis tells bars apart by their label.
 */
final class BucketLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter WEEKDAY_TIME =
            DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_YEAR =
            DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH);

    private BucketLabels() {}

    /**
     * Minutes and hours are shown in {@code zone}; days are UTC days in the store, so they carry
     * their UTC date (a local date would be off by one for half the world).
     */
    static List<String> of(UsageWindow window, ZoneId zone) {
        DateTimeFormatter format = formatFor(window).withZone(zone);
        if (window.bucket() == Bucket.DAY) {
            format = format.withZone(ZoneOffset.UTC);
        }
        List<String> labels = new ArrayList<>(window.bucketCount());
        Map<String, Integer> seen = new HashMap<>();
        for (Instant start : window.bucketStarts()) {
            String label = format.format(start);
            // The hour that repeats when clocks go back would give two bars one label.
            int count = seen.merge(label, 1, Integer::sum);
            labels.add(count == 1 ? label : label + " (" + count + ")");
        }
        return labels;
    }

    private static DateTimeFormatter formatFor(UsageWindow window) {
        Duration span = Duration.between(window.since(), window.until());
        return switch (window.bucket()) {
            case MINUTE -> TIME;
            case HOUR ->
                    span.compareTo(Duration.ofDays(1)) <= 0
                            ? TIME
                            : span.compareTo(Duration.ofDays(7)) <= 0 ? WEEKDAY_TIME : DATE_TIME;
            case DAY -> span.compareTo(Duration.ofDays(365)) <= 0 ? DATE : DATE_YEAR;
        };
    }

    /** How the window's buckets are described under the chart, e.g. "1 bar = 1 hour". */
    static String describe(UsageWindow window) {
        return switch (window.bucket()) {
            case MINUTE -> "1 bar = 1 minute";
            case HOUR -> "1 bar = 1 hour";
            case DAY -> "1 bar = 1 day (UTC)";
        };
    }
}
