package io.signalbox.app.usage;

import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.UsagePoint;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the tokens chart shows: one label per bucket, and per group a zero-filled row of total
 * tokens aligned with them (a stacked chart needs every layer to have every bucket). Only the
 * biggest groups get a layer of their own; the rest are added up as {@link #OTHER}, so a hundred
 * access keys cannot turn the chart into noise or thousands of bars.
 *
 * @param buckets each bucket's start, oldest first
 * @param labels each bucket's axis label, unique
 * @param series the layers, bottom first: biggest group first, {@link #OTHER} last
 */
public record UsageFrame(List<Instant> buckets, List<String> labels, List<ChartSeries> series) {

    /** The group name of the layer holding the groups beyond {@link #MAX_SERIES}. */
    public static final String OTHER = "\u0000other";

    /** Layers of their own; one colour each in the palette. */
    public static final int MAX_SERIES = 8;

    public UsageFrame {
        buckets = List.copyOf(buckets);
        labels = List.copyOf(labels);
        series = List.copyOf(series);
    }

    /**
     * @param ranked every group with usage in the window, the most tokens first (as the store's
     *     totals come)
     * @param points the store's series for the window: only buckets and groups with requests
     */
    static UsageFrame build(
            UsageWindow window,
            GroupBy groupBy,
            List<String> ranked,
            List<UsagePoint> points,
            ZoneId zone) {
        int size = window.bucketCount();
        List<String> own = ranked.subList(0, Math.min(MAX_SERIES, ranked.size()));
        Set<String> ownSet = new HashSet<>(own);
        Map<String, long[]> tokens = new LinkedHashMap<>();
        Map<String, boolean[]> estimated = new LinkedHashMap<>();
        for (String group : own) {
            tokens.put(group, new long[size]);
            estimated.put(group, new boolean[size]);
        }
        boolean anyOther = ranked.size() > own.size();
        if (anyOther) {
            tokens.put(OTHER, new long[size]);
            estimated.put(OTHER, new boolean[size]);
        }
        for (UsagePoint point : points) {
            int index = window.indexOf(point.bucketStart());
            if (index < 0) {
                continue;
            }
            String layer = ownSet.contains(point.group()) ? point.group() : OTHER;
            if (!tokens.containsKey(layer)) {
                // A group the totals did not list: the totals and the series are two reads, and
                // a batch may land between them. It goes with the rest.
                tokens.put(OTHER, new long[size]);
                estimated.put(OTHER, new boolean[size]);
            }
            tokens.get(layer)[index] += point.totalTokens();
            if (point.estimatedRequests() > 0) {
                estimated.get(layer)[index] = true;
            }
        }
        List<ChartSeries> series = new ArrayList<>();
        tokens.forEach(
                (group, row) -> {
                    List<Long> values = new ArrayList<>(size);
                    List<Boolean> flags = new ArrayList<>(size);
                    boolean[] marks = estimated.get(group);
                    for (int i = 0; i < size; i++) {
                        values.add(row[i]);
                        flags.add(marks[i]);
                    }
                    String label =
                            group.equals(OTHER)
                                    ? "Other (" + Math.max(1, ranked.size() - own.size()) + ")"
                                    : GroupRow.label(groupBy, group);
                    series.add(new ChartSeries(group, label, values, flags));
                });
        return new UsageFrame(window.bucketStarts(), BucketLabels.of(window, zone), series);
    }

    /** The chart's total: what the totals above it must equal. */
    public long totalTokens() {
        return series.stream().mapToLong(ChartSeries::sum).sum();
    }
}
