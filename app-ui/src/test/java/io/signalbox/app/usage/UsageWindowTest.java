package io.signalbox.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.persistence.usage.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:17:42.500Z");

    @ParameterizedTest
    @CsvSource({
        // range,    bucket, bars, since,                  until
        "LAST_HOUR,  MINUTE, 60,  2026-11-22T09:18:00Z, 2026-11-22T10:18:00Z",
        "LAST_DAY,   HOUR,   24,  2026-11-21T11:00:00Z, 2026-11-22T11:00:00Z",
        "LAST_WEEK,  HOUR,   168, 2026-11-15T11:00:00Z, 2026-11-22T11:00:00Z",
        "LAST_MONTH, DAY,    30,  2026-10-24T00:00:00Z, 2026-11-23T00:00:00Z",
    })
    void eachFixedRangeHasItsBucketAndEndsWithTheBucketOfNow(
            UsageRange range, Bucket bucket, int bars, Instant since, Instant until) {
        UsageWindow window = UsageWindow.last(range, NOW);

        assertThat(window.bucket()).isEqualTo(bucket);
        assertThat(window.bucketCount()).isEqualTo(bars);
        assertThat(window.since()).isEqualTo(since);
        assertThat(window.until()).isEqualTo(until);
        assertThat(window.bucketStarts()).hasSize(bars).startsWith(since);
        assertThat(window.indexOf(NOW)).isEqualTo(bars - 1);
        assertThat(window.indexOf(since)).isZero();
        assertThat(window.indexOf(since.minusMillis(1))).isEqualTo(-1);
        assertThat(window.indexOf(until)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({
        // span in minutes, bucket: the finest that keeps the chart within 400 bars
        "60,     MINUTE",
        "399,    MINUTE",
        "400,    HOUR",
        "1440,   HOUR",
        "23940,  HOUR", // 399 hours
        "24000,  DAY", // 400 hours
        "574560, DAY", // 399 days
    })
    void aCustomSpanGetsTheFinestBucketThatFits(long minutes, Bucket bucket) {
        assertThat(UsageWindow.bucketFor(Duration.ofMinutes(minutes))).isEqualTo(bucket);
    }

    @Test
    void customDaysAreWholeLocalDaysWidenedToBuckets() {
        UsageWindow window =
                UsageWindow.custom(
                        LocalDate.parse("2026-11-01"),
                        LocalDate.parse("2026-11-14"),
                        ZoneOffset.UTC);

        assertThat(window.bucket()).isEqualTo(Bucket.HOUR);
        assertThat(window.bucketCount()).isEqualTo(14 * 24);
        assertThat(window.since()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(window.until()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));

        UsageWindow month =
                UsageWindow.custom(
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-03-31"),
                        ZoneOffset.UTC);
        assertThat(month.bucket()).isEqualTo(Bucket.DAY);
        assertThat(month.bucketCount()).isEqualTo(90);
    }

    @Test
    void aZoneOffByHalfAnHourWidensToTheUtcHours() {
        // Midnight in India is 18:30 UTC: the store's hours start at 18:00.
        UsageWindow window =
                UsageWindow.custom(
                        LocalDate.parse("2026-11-10"),
                        LocalDate.parse("2026-11-10"),
                        ZoneId.of("Asia/Kolkata"));

        assertThat(window.since()).isEqualTo(Instant.parse("2026-11-09T18:00:00Z"));
        assertThat(window.until()).isEqualTo(Instant.parse("2026-11-10T19:00:00Z"));
        assertThat(window.bucketCount()).isEqualTo(25);
    }

    @Test
    void customRangesThatCannotBeShownSayWhy() {
        assertThatThrownBy(
                        () ->
                                UsageWindow.custom(
                                        LocalDate.parse("2026-11-10"),
                                        LocalDate.parse("2026-11-09"),
                                        ZoneOffset.UTC))
                .hasMessage("The range ends before it starts.");
        assertThatThrownBy(
                        () ->
                                UsageWindow.custom(
                                        LocalDate.parse("2025-01-01"),
                                        LocalDate.parse("2026-06-30"),
                                        ZoneOffset.UTC))
                .hasMessageContaining("at most 399 days");
    }

    @Test
    void labelsAreShortButUnique() {
        assertThat(BucketLabels.of(UsageWindow.last(UsageRange.LAST_HOUR, NOW), ZoneOffset.UTC))
                .hasSize(60)
                .startsWith("09:18")
                .endsWith("10:17");
        assertThat(BucketLabels.of(UsageWindow.last(UsageRange.LAST_WEEK, NOW), ZoneOffset.UTC))
                .startsWith("Sun 11:00")
                .doesNotHaveDuplicates();
        assertThat(BucketLabels.of(UsageWindow.last(UsageRange.LAST_MONTH, NOW), ZoneOffset.UTC))
                .startsWith("Oct 24")
                .endsWith("Nov 22");
    }

    @Test
    void theHourThatRepeatsWhenClocksGoBackGetsTwoLabels() {
        // Berlin goes from 03:00 summer time back to 02:00 on 25 October 2026.
        UsageWindow window =
                UsageWindow.last(UsageRange.LAST_DAY, Instant.parse("2026-10-25T12:30:00Z"));

        assertThat(BucketLabels.of(window, ZoneId.of("Europe/Berlin")))
                .contains("02:00", "02:00 (2)")
                .doesNotHaveDuplicates();
    }

    @Test
    void dayBarsCarryTheirUtcDate() {
        UsageWindow window = UsageWindow.last(UsageRange.LAST_MONTH, NOW);

        // 00:00 UTC on Nov 22 is still Nov 21 in New York; the bar is the UTC day Nov 22.
        assertThat(BucketLabels.of(window, ZoneId.of("America/New_York"))).endsWith("Nov 22");
        assertThat(BucketLabels.describe(window)).isEqualTo("1 bar = 1 day (UTC)");
    }
}
