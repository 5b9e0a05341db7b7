package io.signalbox.persistence.usage;

import static io.signalbox.persistence.usage.UsageTestData.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.signalbox.persistence.Database;
import io.signalbox.persistence.RequestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Filtered pages of the request log match the same filter applied to the records in memory. */
class RequestListTest {

    private static final Instant TIE = START.plus(Duration.ofHours(30));

    @TempDir static Path temp;

    private static Database database;
    private static UsageQueries queries;
    private static List<RequestRecord> records;

    @BeforeAll
    static void insertTwoDaysOfTraffic() {
        database = Database.open(temp.resolve("data"));
        queries = database.usageQueries();
        records = new ArrayList<>(UsageTestData.randomRequests(42, 1500, Duration.ofDays(2)));
        // Requests started in the same millisecond, which only the id can order.
        Random random = new Random(3);
        for (String id : List.of("tie-b", "tie-c", "tie-a")) {
            records.add(UsageTestData.randomRequest(random, id, TIE));
        }
        for (int start = 0; start < records.size(); start += 400) {
            database.requestLogRepository()
                    .insertBatch(records.subList(start, Math.min(start + 400, records.size())));
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Stream<Arguments> filters() {
        Instant from = START.plus(Duration.parse("PT20H13M"));
        Instant until = START.plus(Duration.parse("PT31H47M"));
        return Stream.of(
                filter("the newest 25", RequestFilter.newest(25), r -> true),
                filter("one route", RequestFilter.newest(1000).withRoute("chat"), routeIs("chat")),
                filter(
                        "one access key",
                        RequestFilter.newest(1000).withAccessKey("bob"),
                        r -> r.accessKeyName().equals(Optional.of("bob"))),
                filter(
                        "an exact status",
                        RequestFilter.newest(1000).withStatus(502),
                        r -> r.status() == 502),
                filter(
                        "client errors",
                        RequestFilter.newest(1000).withStatusClass(StatusClass.CLIENT_ERROR),
                        r -> r.status() >= 400 && r.status() < 500),
                filter(
                        "a time window",
                        RequestFilter.newest(1000).withSince(from).withUntil(until),
                        r -> !r.startedAt().isBefore(from) && r.startedAt().isBefore(until)),
                // Pages cut by the limit: the scan starts at the newest hours of the rollup that
                // hold enough requests of the route or key, so these check that bound.
                filter(
                        "one route, a short page",
                        RequestFilter.newest(5).withRoute("chat"),
                        routeIs("chat")),
                filter(
                        "one route, a page across many hours",
                        RequestFilter.newest(150).withRoute("chat"),
                        routeIs("chat")),
                filter(
                        "one key in a window, cut mid-hour",
                        RequestFilter.newest(33).withAccessKey("bob").withUntil(until),
                        r ->
                                r.accessKeyName().equals(Optional.of("bob"))
                                        && r.startedAt().isBefore(until)),
                // With another condition the rollup cannot count matches: only its oldest hour
                // bounds the scan, and rarer matches further back must still be found.
                filter(
                        "one route and a rare status",
                        RequestFilter.newest(40).withRoute("chat").withStatus(502),
                        routeIs("chat").and(r -> r.status() == 502)),
                filter(
                        "a route and a key together",
                        RequestFilter.newest(20).withRoute("chat").withAccessKey("bob"),
                        routeIs("chat").and(r -> r.accessKeyName().equals(Optional.of("bob")))),
                filter(
                        "everything at once, cut by the limit",
                        RequestFilter.newest(7)
                                .withRoute("embed")
                                .withAccessKey("alice")
                                .withStatusClass(StatusClass.SUCCESS)
                                .withUntil(until),
                        routeIs("embed")
                                .and(r -> r.accessKeyName().equals(Optional.of("alice")))
                                .and(r -> r.status() >= 200 && r.status() < 300)
                                .and(r -> r.startedAt().isBefore(until))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void listsTheMatchingRequestsNewestFirstWithTheirAttempts(
            RequestFilter filter, Predicate<RequestRecord> matches) {
        List<RequestRecord> expected =
                records.stream()
                        .filter(matches)
                        .sorted(
                                Comparator.comparing(RequestRecord::startedAt)
                                        .thenComparing(RequestRecord::id)
                                        .reversed())
                        .limit(filter.limit())
                        .toList();

        assertThat(expected).isNotEmpty();
        assertThat(queries.requests(filter)).containsExactlyElementsOf(expected);
    }

    @Test
    void ordersRequestsOfTheSameMillisecondByIdDescending() {
        List<RequestRecord> page =
                queries.requests(RequestFilter.newest(3).withUntil(TIE.plusMillis(1)));

        assertThat(page).extracting(RequestRecord::id).containsExactly("tie-c", "tie-b", "tie-a");
    }

    @Test
    void findsNothingForARouteOutsideTheWindowItWasCalledIn() {
        Instant before =
                records.stream().map(RequestRecord::startedAt).min(Instant::compareTo).get();

        assertThat(queries.requests(RequestFilter.newest(50).withRoute("chat").withUntil(before)))
                .isEmpty();
    }

    @Test
    void findsNothingForARouteNoOneCalled() {
        assertThat(queries.requests(RequestFilter.newest(50).withRoute("no-such-route"))).isEmpty();
    }

    private static Arguments filter(
            String name, RequestFilter filter, Predicate<RequestRecord> matches) {
        return arguments(named(name, filter), matches);
    }

    private static Predicate<RequestRecord> routeIs(String route) {
        return r -> r.route().equals(route);
    }
}
