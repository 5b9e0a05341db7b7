package io.signalbox.persistence.usage;

import static io.signalbox.persistence.usage.UsageTestData.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.Database;
import io.signalbox.persistence.RequestLogRepository;
import io.signalbox.persistence.RequestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Totals and series over four days of seeded random traffic equal the sums of the inserted records,
 * computed in memory, for every grouping and bucket.
 */
class UsageSumsTest {

    /** Partial hours at both ends, the case where the rollup alone would be wrong. */
    private static final Range PARTIAL_HOURS =
            new Range(
                    START.plus(Duration.parse("PT5H17M23.456S")),
                    START.plus(Duration.parse("P3DT19H42M10.001S")));

    private static final List<Range> RANGES =
            List.of(
                    PARTIAL_HOURS,
                    new Range(START.plus(Duration.ofHours(6)), START.plus(Duration.ofDays(2))),
                    new Range(
                            START.plus(Duration.parse("P1DT10H20M")),
                            START.plus(Duration.parse("P1DT10H40M"))),
                    new Range(
                            START.plus(Duration.parse("P1DT10H20M")),
                            START.plus(Duration.parse("P1DT11H10M"))),
                    new Range(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(5))));

    @TempDir static Path temp;

    private static Database database;
    private static UsageQueries queries;
    private static List<RequestRecord> records;

    record Range(Instant since, Instant until) {
        @Override
        public String toString() {
            return since + " to " + until;
        }
    }

    @BeforeAll
    static void insertFourDaysOfTraffic() {
        database = Database.open(temp.resolve("data"));
        queries = database.usageQueries();
        records = new ArrayList<>(UsageTestData.randomRequests(20261101, 4000, Duration.ofDays(4)));
        // One request on each side of each end of the partial range, to the millisecond.
        Random random = new Random(1);
        Instant since = PARTIAL_HOURS.since();
        Instant until = PARTIAL_HOURS.until();
        List<Instant> edges = List.of(since.minusMillis(1), since, until.minusMillis(1), until);
        for (int i = 0; i < edges.size(); i++) {
            records.add(UsageTestData.randomRequest(random, "edge-" + i, edges.get(i)));
        }
        RequestLogRepository log = database.requestLogRepository();
        for (int start = 0; start < records.size(); start += 500) {
            log.insertBatch(records.subList(start, Math.min(start + 500, records.size())));
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Stream<Arguments> rangesAndGroupings() {
        return RANGES.stream()
                .flatMap(
                        range ->
                                Arrays.stream(GroupBy.values())
                                        .map(groupBy -> Arguments.of(range, groupBy)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("rangesAndGroupings")
    void totalsEqualTheSumsOfTheRequestsInTheRange(Range range, GroupBy groupBy) {
        List<UsageTotal> totals = queries.totals(range.since(), range.until(), groupBy);

        assertThat(totals)
                .containsExactlyElementsOf(
                        UsageTestData.expectedTotals(
                                records, range.since(), range.until(), groupBy));
    }

    @Test
    void theDataWouldCatchTotalsThatCountWholeHours() {
        // Guards the test above: reading only the rollup of the overlapping hours gives more.
        Instant firstHour =
                Instant.ofEpochMilli(Bucket.HOUR.startOf(PARTIAL_HOURS.since().toEpochMilli()));
        Instant afterLastHour =
                Instant.ofEpochMilli(
                        Bucket.HOUR.startOf(PARTIAL_HOURS.until().toEpochMilli())
                                + Bucket.HOUR.millis());

        assertThat(UsageTestData.expectedTotals(records, firstHour, afterLastHour, GroupBy.NONE))
                .isNotEqualTo(
                        queries.totals(PARTIAL_HOURS.since(), PARTIAL_HOURS.until(), GroupBy.NONE));
    }

    static Stream<Arguments> bucketsAndGroupings() {
        return Arrays.stream(Bucket.values())
                .flatMap(
                        bucket ->
                                Arrays.stream(GroupBy.values())
                                        .map(
                                                groupBy ->
                                                        Arguments.of(
                                                                Named.of(bucket.name(), bucket),
                                                                groupBy)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("bucketsAndGroupings")
    void seriesEqualTheSumsPerBucket(Bucket bucket, GroupBy groupBy) {
        UsageQuery query =
                new UsageQuery(PARTIAL_HOURS.since(), PARTIAL_HOURS.until(), groupBy, bucket);
        // Minutes come from the request rows, exactly; hours and days from the rollup, which
        // counts the first and last hour whole.
        Instant from =
                bucket == Bucket.MINUTE
                        ? query.since()
                        : Instant.ofEpochMilli(Bucket.HOUR.startOf(query.since().toEpochMilli()));
        Instant until =
                bucket == Bucket.MINUTE
                        ? query.until()
                        : Instant.ofEpochMilli(
                                Bucket.HOUR.startOf(query.until().toEpochMilli() - 1)
                                        + Bucket.HOUR.millis());

        assertThat(queries.series(query))
                .isNotEmpty()
                .containsExactlyElementsOf(
                        UsageTestData.expectedSeries(records, from, until, groupBy, bucket));
    }
}
