package io.signalbox.persistence.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.signalbox.persistence.Database;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hand-made logs for the edges of totals and series: partial hours, UTC days, gaps. */
class UsageQueriesTest {

    private static final Instant TEN = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir Path temp;

    private Database database;
    private UsageQueries queries;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("data"));
        queries = database.usageQueries();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void totalsCountOnlyTheRequestsInsideAPartialHour() {
        insert(
                request("before", "10:05:00", 1),
                request("first", "10:30:00", 10),
                request("inside", "10:50:00", 100),
                request("whole-hour", "11:30:00", 1_000),
                request("last", "12:14:59.999", 10_000),
                request("at-until", "12:15:00", 100_000));

        List<UsageTotal> totals = queries.totals(at("10:30:00"), at("12:15:00"), GroupBy.NONE);

        assertThat(totals)
                .singleElement()
                .satisfies(
                        total -> {
                            assertThat(total.group()).isEqualTo(GroupBy.ALL);
                            assertThat(total.requests()).isEqualTo(4);
                            assertThat(total.totalTokens()).isEqualTo(11_110);
                        });
    }

    @Test
    void totalsWithinOneHourReadTheRequestRows() {
        insert(
                request("a", "10:10:00", 1),
                request("b", "10:25:00", 10),
                request("c", "11:05:00", 100),
                request("d", "11:20:00", 1_000));

        assertThat(queries.totals(at("10:20:00"), at("10:40:00"), GroupBy.NONE))
                .extracting(UsageTotal::totalTokens)
                .containsExactly(10L);
        assertThat(queries.totals(at("10:20:00"), at("11:10:00"), GroupBy.NONE))
                .extracting(UsageTotal::totalTokens)
                .containsExactly(110L);
    }

    @Test
    void hourSeriesCountTheFirstAndLastHourWhole() {
        insert(
                request("early", "10:05:00", 1),
                request("inside", "10:50:00", 10),
                request("later", "11:55:00", 100),
                request("next-hour", "12:10:00", 1_000));

        List<UsagePoint> points =
                queries.series(
                        new UsageQuery(at("10:30:00"), at("11:45:00"), GroupBy.NONE, Bucket.HOUR));

        assertThat(points)
                .extracting(UsagePoint::bucketStart, UsagePoint::totalTokens)
                .containsExactly(tuple(at("10:00:00"), 11L), tuple(at("11:00:00"), 100L));
    }

    @Test
    void minuteSeriesAreExactAndLeaveOutMinutesWithoutTraffic() {
        insert(
                request("before", "10:00:59.999", 1),
                request("a", "10:01:00", 10),
                request("b", "10:01:59", 100),
                request("c", "10:04:30", 1_000),
                request("at-until", "10:05:00", 10_000));

        List<UsagePoint> points =
                queries.series(
                        new UsageQuery(
                                at("10:01:00"), at("10:05:00"), GroupBy.NONE, Bucket.MINUTE));

        assertThat(points)
                .extracting(UsagePoint::bucketStart, UsagePoint::requests, UsagePoint::totalTokens)
                .containsExactly(
                        tuple(at("10:01:00"), 2L, 110L), tuple(at("10:04:00"), 1L, 1_000L));
    }

    @Test
    void dayBucketsAreUtcDays() {
        insert(
                record("late", Instant.parse("2026-11-02T23:30:00Z"), "chat", 200, 1),
                record("early", Instant.parse("2026-11-03T00:30:00Z"), "chat", 200, 10));

        List<UsagePoint> points =
                queries.series(
                        new UsageQuery(
                                Instant.parse("2026-11-01T12:00:00Z"),
                                Instant.parse("2026-11-05T00:00:00Z"),
                                GroupBy.ROUTE,
                                Bucket.DAY));

        assertThat(points)
                .extracting(UsagePoint::bucketStart, UsagePoint::totalTokens)
                .containsExactly(
                        tuple(Instant.parse("2026-11-02T00:00:00Z"), 1L),
                        tuple(Instant.parse("2026-11-03T00:00:00Z"), 10L));
    }

    @Test
    void requestsWithoutProviderOrKeyFormTheEmptyGroup() {
        RequestRecord unserved = record("unserved", at("10:10:00"), "chat", 502, 0);
        insert(unserved, request("served", "10:20:00", 50));

        List<UsageTotal> byProvider = queries.totals(TEN, at("11:00:00"), GroupBy.PROVIDER);

        assertThat(byProvider)
                .extracting(UsageTotal::group, UsageTotal::requests, UsageTotal::errors)
                .containsExactly(tuple("groq", 1L, 0L), tuple("", 1L, 1L));
        assertThat(queries.totals(TEN, at("11:00:00"), GroupBy.KEY))
                .extracting(UsageTotal::group)
                .containsExactly("alice", "");
    }

    @Test
    void countsAFailureAfterA200AsAnError() {
        RequestRecord broken =
                new RequestRecord(
                        "broken",
                        at("10:10:00"),
                        "chat",
                        Optional.of("groq"),
                        Optional.of("llama"),
                        Optional.empty(),
                        200,
                        true,
                        10,
                        List.of(),
                        new TokenUsage(5, 5, 10, 0, 0, false),
                        Optional.of("stream broke"));
        insert(broken);

        assertThat(queries.totals(at("10:05:00"), at("10:15:00"), GroupBy.NONE))
                .extracting(UsageTotal::errors)
                .containsExactly(1L);
        assertThat(queries.totals(TEN, at("11:00:00"), GroupBy.NONE))
                .extracting(UsageTotal::errors)
                .containsExactly(1L);
    }

    @Test
    void readsNothingFromAnEmptyLog() {
        Instant since = at("00:00:00");
        Instant until = since.plusSeconds(86_400);

        assertThat(queries.totals(since, until, GroupBy.ROUTE)).isEmpty();
        assertThat(queries.totals(since, until, GroupBy.NONE)).isEmpty();
        assertThat(queries.series(new UsageQuery(since, until, GroupBy.NONE, Bucket.HOUR)))
                .isEmpty();
        assertThat(queries.requests(RequestFilter.newest(10))).isEmpty();
    }

    private void insert(RequestRecord... records) {
        database.requestLogRepository().insertBatch(List.of(records));
    }

    /** {@code time} of 2026-11-02, UTC. */
    private static Instant at(String time) {
        return Instant.parse("2026-11-02T" + time + "Z");
    }

    /** A served chat request of alice's with {@code tokens} total tokens. */
    private static RequestRecord request(String id, String time, long tokens) {
        return new RequestRecord(
                id,
                at(time),
                "chat",
                Optional.of("groq"),
                Optional.of("llama"),
                Optional.of("alice"),
                200,
                false,
                10,
                List.of(),
                new TokenUsage(tokens, 0, tokens, 0, 0, false),
                Optional.empty());
    }

    /** A request without provider, model or key unless {@code status} is 200. */
    private static RequestRecord record(
            String id, Instant startedAt, String route, int status, long tokens) {
        boolean served = status == 200;
        return new RequestRecord(
                id,
                startedAt,
                route,
                served ? Optional.of("groq") : Optional.empty(),
                served ? Optional.of("llama") : Optional.empty(),
                Optional.empty(),
                status,
                false,
                10,
                List.of(),
                new TokenUsage(tokens, 0, tokens, 0, 0, false),
                Optional.empty());
    }
}
