package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogRepositoryTest {

    static final Instant HOUR = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir Path temp;

    private Database database;
    private RequestLogRepository log;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("data"));
        log = database.requestLogRepository();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void readsBackRequestsNewestFirstWithTheirAttempts() {
        RequestRecord servedAfterFallback =
                new RequestRecord(
                        "req-1",
                        HOUR.plusSeconds(10),
                        "chat",
                        Optional.of("groq"),
                        Optional.of("llama-3.1-8b-instant"),
                        Optional.of("alice"),
                        200,
                        true,
                        1234,
                        List.of(
                                new AttemptRecord(
                                        1,
                                        "lab-vllm",
                                        "qwen2.5-7b-instruct",
                                        "http_error",
                                        429,
                                        80,
                                        false,
                                        Optional.of("rate limited")),
                                new AttemptRecord(
                                        2,
                                        "groq",
                                        "llama-3.1-8b-instant",
                                        "ok",
                                        200,
                                        1100,
                                        true,
                                        Optional.empty())),
                        new TokenUsage(120, 30, 150, 100, 10, false),
                        Optional.empty());
        RequestRecord timedOut =
                new RequestRecord(
                        "req-2",
                        HOUR.plusSeconds(20),
                        "chat",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        504,
                        false,
                        60_000,
                        List.of(
                                new AttemptRecord(
                                        1,
                                        "lab-vllm",
                                        "qwen2.5-7b-instruct",
                                        "timeout",
                                        null,
                                        60_000,
                                        false,
                                        Optional.of("no first byte within 60 s"))),
                        TokenUsage.NONE,
                        Optional.of("every target failed"));
        RequestRecord unknownRoute =
                request("req-3", HOUR.plusSeconds(30), "no-such-route", 404, TokenUsage.NONE);

        log.insertBatch(List.of(servedAfterFallback, timedOut, unknownRoute));

        assertThat(log.recent(10)).containsExactly(unknownRoute, timedOut, servedAfterFallback);
        assertThat(log.recent(2)).containsExactly(unknownRoute, timedOut);
        assertThat(log.recent(0)).isEmpty();
        assertThat(log.count()).isEqualTo(3);
    }

    @Test
    void keepsTheOnlyAttemptOfARequestInItsOwnRowWhenThatAttemptServedIt() {
        RequestRecord served = withOnlyAttempt("one", 1, 200, Optional.empty(), "ok", true);
        RequestRecord callerError =
                withOnlyAttempt("two", 2, 400, Optional.empty(), "caller_error", true);
        RequestRecord cutStream =
                withOnlyAttempt(
                        "three", 3, 200, Optional.of("upstream cut the stream"), "cut", true);
        RequestRecord notCommitted = withOnlyAttempt("four", 4, 200, Optional.empty(), "ok", false);

        log.insertBatch(List.of(served, callerError, cutStream, notCommitted));

        assertThat(log.recent(10)).containsExactly(notCommitted, cutStream, callerError, served);
        // Only the attempt that differs from its request needed a row of its own.
        assertThat(attemptRowsOf()).containsExactly("four");
    }

    private RequestRecord withOnlyAttempt(
            String id,
            int second,
            int status,
            Optional<String> error,
            String outcome,
            boolean committed) {
        return new RequestRecord(
                id,
                HOUR.plusSeconds(second),
                "chat",
                Optional.of("openai"),
                Optional.of("gpt-4o-mini"),
                Optional.of("alice"),
                status,
                false,
                250,
                List.of(
                        new AttemptRecord(
                                1,
                                "openai",
                                "gpt-4o-mini",
                                outcome,
                                status,
                                240,
                                committed,
                                error)),
                new TokenUsage(12, 3, 15, 0, 0, false),
                error);
    }

    private List<String> attemptRowsOf() {
        return database.withConnection(
                "list attempt rows",
                connection -> {
                    List<String> ids = new ArrayList<>();
                    try (var select =
                                    connection.prepareStatement(
                                            "SELECT DISTINCT request_id FROM request_attempts"
                                                    + " ORDER BY request_id");
                            var row = select.executeQuery()) {
                        while (row.next()) {
                            ids.add(row.getString(1));
                        }
                    }
                    return ids;
                });
    }

    @Test
    void skipsRequestsItAlreadyStoredAndDoesNotCountThemTwice() {
        TokenUsage usage = new TokenUsage(10, 5, 15, 0, 0, false);
        List<RequestRecord> first =
                List.of(
                        request("a", HOUR.plusSeconds(1), "chat", 200, usage),
                        request("b", HOUR.plusSeconds(2), "chat", 500, usage));
        log.insertBatch(first);
        List<UsageHourRow> before = log.hourly(HOUR, HOUR.plus(Duration.ofHours(1)));

        log.insertBatch(first);
        log.insertBatch(
                List.of(
                        request("b", HOUR.plusSeconds(2), "chat", 500, usage),
                        request("c", HOUR.plusSeconds(3), "chat", 200, usage),
                        request("c", HOUR.plusSeconds(3), "chat", 200, usage)));

        assertThat(before).singleElement().extracting(UsageHourRow::requests).isEqualTo(2L);
        assertThat(log.count()).isEqualTo(3);
        assertThat(log.hourly(HOUR, HOUR.plus(Duration.ofHours(1))))
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row.requests()).isEqualTo(3);
                            assertThat(row.errors()).isEqualTo(1);
                            assertThat(row.totalTokens()).isEqualTo(45);
                        });
    }

    @Test
    void ordersRequestsOfOneMillisecondByIdAlsoWhereTheLimitCutsThem() {
        // Written in an order other than the ids', one batch each, so their row keys disagree
        // with the order the list must show.
        for (String id : List.of("tie-b", "tie-d", "tie-a", "tie-c")) {
            log.insertBatch(List.of(request(id, HOUR, "chat", 200, TokenUsage.NONE)));
        }
        log.insertBatch(
                List.of(request("newer", HOUR.plusMillis(1), "chat", 200, TokenUsage.NONE)));
        log.insertBatch(
                List.of(request("older", HOUR.minusMillis(1), "chat", 200, TokenUsage.NONE)));

        assertThat(log.recent(3))
                .extracting(RequestRecord::id)
                .containsExactly("newer", "tie-d", "tie-c");
        assertThat(log.recent(5))
                .extracting(RequestRecord::id)
                .containsExactly("newer", "tie-d", "tie-c", "tie-b", "tie-a");
        assertThat(log.recent(10))
                .extracting(RequestRecord::id)
                .containsExactly("newer", "tie-d", "tie-c", "tie-b", "tie-a", "older");
    }

    @Test
    void findsAnotherRowKeyWhenTheOneItDrewIsTaken() {
        TokenUsage usage = new TokenUsage(10, 5, 15, 0, 0, false);
        log.insertBatch(List.of(request("first", HOUR, "chat", 200, usage)));
        // A second writer whose sequence is where the first one's was: it draws the same key for
        // a request of the same millisecond (2^20 rows later the sequence wraps to it, too).
        RequestLogRepository sameSequence = new RequestLogRepository(database, 1L << 20);

        sameSequence.insertBatch(
                List.of(
                        request("second", HOUR, "chat", 200, usage),
                        request("third", HOUR.plusMillis(5), "chat", 200, usage)));

        assertThat(log.recent(10))
                .extracting(RequestRecord::id)
                .containsExactly("third", "second", "first");
        assertThat(log.hourly(HOUR, HOUR.plusSeconds(1)))
                .singleElement()
                .extracting(UsageHourRow::totalTokens)
                .isEqualTo(45L);
    }

    @Test
    void refusesAStartTimeItsRowKeyCannotHold() {
        RequestRecord farFuture =
                request(
                        "far",
                        Instant.parse("+300000-01-01T00:00:00Z"),
                        "chat",
                        200,
                        TokenUsage.NONE);

        assertThatThrownBy(() -> log.insertBatch(List.of(farFuture)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epoch milliseconds");
        assertThat(log.count()).isZero();
    }

    @Test
    void cutsOverlongClientTextInsteadOfLosingTheBatch() {
        String hugeModelName = "m".repeat(10_000);
        RequestRecord odd = request("odd", HOUR, hugeModelName, 404, TokenUsage.NONE);
        RequestRecord normal = request("normal", HOUR, "chat", 200, TokenUsage.NONE);

        log.insertBatch(List.of(odd, normal));

        assertThat(log.recent(10))
                .extracting(RequestRecord::route)
                .containsExactlyInAnyOrder("m".repeat(512), "chat");
    }

    @Test
    void keepsWhatTheWritersOwnConnectionStoredAcrossAReopenAndRefusesBatchesAfterClose() {
        TokenUsage usage = new TokenUsage(10, 5, 15, 0, 0, false);
        log.insertBatch(List.of(request("a", HOUR.plusSeconds(1), "chat", 200, usage)));
        log.insertBatch(List.of(request("b", HOUR.plusSeconds(2), "chat", 200, usage)));
        database.close();

        assertThatThrownBy(
                        () ->
                                log.insertBatch(
                                        List.of(
                                                request(
                                                        "c",
                                                        HOUR.plusSeconds(3),
                                                        "chat",
                                                        200,
                                                        usage))))
                .isInstanceOf(PersistenceException.class)
                .hasMessageContaining("closed");
        database = Database.open(temp.resolve("data"));
        log = database.requestLogRepository();
        assertThat(log.count()).isEqualTo(2);
        assertThat(log.hourly(HOUR, HOUR.plus(Duration.ofHours(1))))
                .singleElement()
                .extracting(UsageHourRow::totalTokens)
                .isEqualTo(30L);
    }

    @Test
    void ignoresAnEmptyBatch() {
        log.insertBatch(List.of());

        assertThat(log.count()).isZero();
        assertThat(log.recent(5)).isEmpty();
    }

    static RequestRecord request(
            String id, Instant startedAt, String route, int status, TokenUsage usage) {
        return new RequestRecord(
                id,
                startedAt,
                route,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                status,
                false,
                5,
                List.of(),
                usage,
                Optional.empty());
    }
}
