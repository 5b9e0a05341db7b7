package io.signalbox.app.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.UsagePoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageFrameTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:17:42Z");
    private static final UsageWindow HOUR = UsageWindow.last(UsageRange.LAST_HOUR, NOW);

    private static UsagePoint point(int bucket, String group, long tokens, long estimated) {
        return new UsagePoint(
                HOUR.bucketStarts().get(bucket),
                group,
                1,
                0,
                tokens / 2,
                tokens - tokens / 2,
                tokens,
                0,
                0,
                estimated);
    }

    @Test
    void everyLayerHasEveryBucketWithZerosWhereTheGroupHadNone() {
        List<UsagePoint> points =
                List.of(point(0, "chat", 30, 0), point(2, "chat", 12, 0), point(1, "code", 7, 0));

        UsageFrame frame =
                UsageFrame.build(
                        HOUR, GroupBy.ROUTE, List.of("chat", "code"), points, ZoneOffset.UTC);

        assertThat(frame.labels()).hasSize(60);
        assertThat(frame.buckets()).isEqualTo(HOUR.bucketStarts());
        assertThat(frame.series()).extracting(ChartSeries::group).containsExactly("chat", "code");
        assertThat(frame.series().get(0).tokens()).hasSize(60).startsWith(30L, 0L, 12L, 0L);
        assertThat(frame.series().get(1).tokens()).hasSize(60).startsWith(0L, 7L, 0L);
        assertThat(frame.series().get(0).tokens().subList(3, 60)).containsOnly(0L);
        assertThat(frame.totalTokens()).isEqualTo(49);
    }

    @Test
    void groupsBeyondTheLimitAreAddedUpAsOther() {
        List<String> ranked = new ArrayList<>();
        List<UsagePoint> points = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ranked.add("key-" + i);
            points.add(point(59, "key-" + i, 100 - i, 0));
        }

        UsageFrame frame = UsageFrame.build(HOUR, GroupBy.KEY, ranked, points, ZoneOffset.UTC);

        assertThat(frame.series()).hasSize(UsageFrame.MAX_SERIES + 1);
        ChartSeries other = frame.series().get(UsageFrame.MAX_SERIES);
        assertThat(other.group()).isEqualTo(UsageFrame.OTHER);
        assertThat(other.label()).isEqualTo("Other (3)");
        assertThat(other.tokens().get(59)).isEqualTo(92 + 91 + 90);
        assertThat(frame.totalTokens())
                .isEqualTo(100 + 99 + 98 + 97 + 96 + 95 + 94 + 93 + 92 + 91 + 90);
    }

    @Test
    void bucketsWithEstimatedRequestsAreMarkedInTheirLayer() {
        List<UsagePoint> points =
                List.of(point(3, "chat", 10, 1), point(4, "chat", 10, 0), point(3, "code", 5, 0));

        UsageFrame frame =
                UsageFrame.build(
                        HOUR, GroupBy.ROUTE, List.of("chat", "code"), points, ZoneOffset.UTC);

        assertThat(frame.series().get(0).estimated().subList(2, 6))
                .containsExactly(false, true, false, false);
        assertThat(frame.series().get(1).estimated()).containsOnly(false);
    }

    @Test
    void noneGroupsAreNamedForTheirDimension() {
        List<UsagePoint> points = List.of(point(0, "", 5, 0));

        UsageFrame byKey = UsageFrame.build(HOUR, GroupBy.KEY, List.of(""), points, ZoneOffset.UTC);
        UsageFrame byModel =
                UsageFrame.build(HOUR, GroupBy.MODEL, List.of(""), points, ZoneOffset.UTC);

        assertThat(byKey.series().get(0).label()).isEqualTo("(no key)");
        assertThat(byModel.series().get(0).label()).isEqualTo("(not served)");
    }

    @Test
    void aGroupTheTotalsDidNotListGoesWithTheRest() {
        // Totals and series are two reads: a batch may be stored between them.
        List<UsagePoint> points = List.of(point(0, "chat", 5, 0), point(1, "late", 3, 0));

        UsageFrame frame =
                UsageFrame.build(HOUR, GroupBy.ROUTE, List.of("chat"), points, ZoneOffset.UTC);

        assertThat(frame.series())
                .extracting(ChartSeries::group)
                .containsExactly("chat", UsageFrame.OTHER);
        assertThat(frame.totalTokens()).isEqualTo(8);
    }
}
