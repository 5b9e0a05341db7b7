package io.signalbox.persistence.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The checks on what callers ask for, with the messages the management API passes on. */
class UsageQueryTest {

    private static final Instant SINCE = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void rejectsARangeThatDoesNotEndAfterItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UsageQuery(SINCE, SINCE, GroupBy.ROUTE, Bucket.HOUR))
                .withMessage(
                        "since (2026-11-02T10:00:00Z) must be before until (2026-11-02T10:00:00Z)");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new UsageQuery(
                                        SINCE, SINCE.minusSeconds(1), GroupBy.ROUTE, Bucket.DAY));
    }

    @Test
    void rejectsMoreThanTenThousandBuckets() {
        Instant weekLater = SINCE.plus(Duration.ofDays(7));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UsageQuery(SINCE, weekLater, GroupBy.NONE, Bucket.MINUTE))
                .withMessage(
                        "2026-11-02T10:00:00Z to 2026-11-09T10:00:00Z is 10,080 minute buckets,"
                                + " more than the 10,000 allowed: use a wider bucket or a shorter"
                                + " range");
        assertThat(new UsageQuery(SINCE, weekLater, GroupBy.NONE, Bucket.HOUR).bucket())
                .isEqualTo(Bucket.HOUR);
    }

    @Test
    void countsTheBucketsAPartialRangeTouches() {
        Instant exactlyTenThousandMinutes = SINCE.plus(Duration.ofMinutes(10_000));

        assertThat(new UsageQuery(SINCE, exactlyTenThousandMinutes, GroupBy.NONE, Bucket.MINUTE))
                .isNotNull();
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new UsageQuery(
                                        SINCE.plusSeconds(30),
                                        exactlyTenThousandMinutes.plusSeconds(1),
                                        GroupBy.NONE,
                                        Bucket.MINUTE))
                .withMessageContaining("10,001 minute buckets");
    }

    @Test
    void rejectsInstantsTooFarFromTodayForMilliseconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UsageQuery(SINCE, Instant.MAX, GroupBy.NONE, Bucket.DAY))
                .withMessageStartingWith("until is too far from today");
    }

    @Test
    void rejectsAnEmptyRangeForTotals() {
        UsageQueries queries = new UsageQueries(new JdbcDataSource());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> queries.totals(SINCE, SINCE, GroupBy.MODEL))
                .withMessageContaining("must be before until");
    }

    @Test
    void rejectsALimitOutsideOneToAThousand() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestFilter.newest(0))
                .withMessage("limit must be between 1 and 1000, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> RequestFilter.newest(1001));
        assertThat(RequestFilter.newest(1000).limit()).isEqualTo(1000);
    }

    @Test
    void rejectsAStatusAndAStatusClassTogether() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                RequestFilter.newest(10)
                                        .withStatus(404)
                                        .withStatusClass(StatusClass.CLIENT_ERROR))
                .withMessage("give a status or a status class, not both");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestFilter.newest(10).withStatus(42))
                .withMessage("status must be an HTTP status (100 to 599), not 42");
    }

    @Test
    void rejectsAFilterWindowThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                RequestFilter.newest(10)
                                        .withSince(SINCE)
                                        .withUntil(SINCE.minusSeconds(60)))
                .withMessageContaining("must be before until");
    }

    @Test
    void readsStatusClassesAsWrittenInTheApi() {
        assertThat(StatusClass.parse("4xx")).isEqualTo(StatusClass.CLIENT_ERROR);
        assertThat(StatusClass.parse("5XX")).isEqualTo(StatusClass.SERVER_ERROR);
        assertThat(StatusClass.SUCCESS.highest()).isEqualTo(299);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StatusClass.parse("3xx"))
                .withMessage("unknown status class '3xx'; use one of 2xx, 4xx, 5xx");
    }
}
