package io.signalbox.proxy.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.signalbox.proxy.management.ManagementApi.Bucket;
import io.signalbox.proxy.management.ManagementApi.Grouping;
import io.signalbox.proxy.management.ManagementApi.RequestSelection;
import io.signalbox.proxy.management.ManagementApi.UsageSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiQueryTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:34:56.789123Z");

    /** {@code "a=1", "b=2"} as the handler hands query parameters over. */
    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : pairs) {
            String[] parts = pair.split("=", 2);
            query.computeIfAbsent(parts[0], name -> new ArrayList<>()).add(parts[1]);
        }
        return query;
    }

    private static ManagementException refusal(ThrowingCall call) {
        ManagementException failure = catchThrowableOfType(ManagementException.class, call::run);
        assertThat(failure).as("a 400").isNotNull();
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.code()).isEqualTo("invalid_parameter");
        return failure;
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws ManagementException;
    }

    @Test
    void usageDefaultsToTheLastDayUpToNowByRouteWithoutASeries() throws Exception {
        UsageSelection selection = ApiQuery.usage(query(), NOW);

        assertThat(selection.until()).isEqualTo(Instant.parse("2026-03-10T12:34:56.789Z"));
        assertThat(selection.since()).isEqualTo(Instant.parse("2026-03-09T12:34:56.789Z"));
        assertThat(selection.groupBy()).isEqualTo(Grouping.ROUTE);
        assertThat(selection.bucket()).isEmpty();
    }

    @Test
    void usageTakesEveryParameter() throws Exception {
        UsageSelection selection =
                ApiQuery.usage(
                        query(
                                "since=2026-03-01T00:00:00Z",
                                "until=2026-03-02T01:00:00+01:00",
                                "groupBy=key",
                                "bucket=HOUR"),
                        NOW);

        assertThat(selection.since()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(selection.until()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(selection.groupBy()).isEqualTo(Grouping.KEY);
        assertThat(selection.bucket()).contains(Bucket.HOUR);
    }

    @Test
    void onlySinceReportsUpToNowAndOnlyUntilTheDayBefore() throws Exception {
        assertThat(ApiQuery.usage(query("since=2026-03-10T00:00:00Z"), NOW).until())
                .isEqualTo(Instant.parse("2026-03-10T12:34:56.789Z"));
        assertThat(ApiQuery.usage(query("until=2026-03-05T06:00:00Z"), NOW).since())
                .isEqualTo(Instant.parse("2026-03-04T06:00:00Z"));
    }

    @Test
    void anOffsetWhosePlusArrivedAsASpaceStillParses() throws Exception {
        UsageSelection selection = ApiQuery.usage(query("since=2026-03-01T02:00:00 02:00"), NOW);

        assertThat(selection.since()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "since=yesterday                              | since must be an ISO-8601 time",
                "until=2026-03-01                             | until must be an ISO-8601 time",
                "since=2026-03-01T00:00:00                    | since must be an ISO-8601 time",
                "groupBy=team                                 | groupBy must be one of route, provider, model, key, not 'team'",
                "bucket=week                                  | bucket must be one of minute, hour, day",
                "group=route                                  | Unknown parameter 'group'; this call takes bucket, groupBy, since, until",
                "groupBy=                                     | The parameter 'groupBy' is empty",
                "groupBy=route&groupBy=model                  | The parameter 'groupBy' is given twice",
                "since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z | since (2026-03-02T00:00:00Z) must be before until (2026-03-01T00:00:00Z)",
                "since=2026-03-01T00:00:00Z&until=2026-03-01T00:00:00Z | must be before until"
            })
    void aUsageParameterThatDoesNotParseIsRefusedByName(String parameters, String message) {
        ManagementException failure =
                refusal(() -> ApiQuery.usage(query(parameters.split("&")), NOW));

        assertThat(failure.getMessage()).contains(message);
    }

    @Test
    void requestsDefaultToTheNewestFiftyUnfiltered() throws Exception {
        assertThat(ApiQuery.requests(query()))
                .isEqualTo(
                        new RequestSelection(
                                50,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
    }

    @Test
    void requestsTakeEveryFilter() throws Exception {
        RequestSelection selection =
                ApiQuery.requests(
                        query(
                                "limit=1000",
                                "route=chat",
                                "key=alice",
                                "status=429",
                                "since=2026-03-01T00:00:00Z",
                                "until=2026-03-02T00:00:00Z"));

        assertThat(selection)
                .isEqualTo(
                        new RequestSelection(
                                1000,
                                Optional.of("chat"),
                                Optional.of("alice"),
                                Optional.of(429),
                                Optional.empty(),
                                Optional.of(Instant.parse("2026-03-01T00:00:00Z")),
                                Optional.of(Instant.parse("2026-03-02T00:00:00Z"))));
    }

    @ParameterizedTest
    @CsvSource({"2xx, 2xx", "4XX, 4xx", "5xx, 5xx"})
    void aStatusClassFiltersByClass(String given, String statusClass) throws Exception {
        RequestSelection selection = ApiQuery.requests(query("status=" + given));

        assertThat(selection.statusClass()).contains(statusClass);
        assertThat(selection.status()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "limit=0       | limit must be a whole number from 1 to 1000",
                "limit=1001    | limit must be a whole number from 1 to 1000",
                "limit=ten     | limit must be a whole number from 1 to 1000",
                "limit=-5      | limit must be a whole number from 1 to 1000",
                "status=600    | status must be a whole number from 100 to 599",
                "status=3xx    | status must be a whole number from 100 to 599",
                "since=today   | since must be an ISO-8601 time",
                "model=chat    | Unknown parameter 'model'",
                "since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z | must be before until"
            })
    void aRequestsParameterThatDoesNotParseIsRefusedByName(String parameters, String message) {
        ManagementException failure =
                refusal(() -> ApiQuery.requests(query(parameters.split("&"))));

        assertThat(failure.getMessage()).contains(message);
    }

    @ParameterizedTest
    @CsvSource({"'', false", "secrets=false, false", "secrets=true, true"})
    void secretsAreLeftOutUnlessAskedFor(String parameters, boolean secrets) throws Exception {
        String[] pairs = parameters.isEmpty() ? new String[0] : new String[] {parameters};

        assertThat(ApiQuery.secrets(query(pairs))).isEqualTo(secrets);
    }

    @Test
    void secretsTakeOnlyTrueOrFalse() {
        assertThat(refusal(() -> ApiQuery.secrets(query("secrets=yes"))).getMessage())
                .isEqualTo("secrets must be true or false");
        assertThat(refusal(() -> ApiQuery.secrets(query("limit=1"))).getMessage())
                .contains("Unknown parameter 'limit'; this call takes secrets");
    }

    @Test
    void aCallWithoutParametersSaysSo() {
        assertThat(refusal(() -> ApiQuery.of(query("verbose=1"), Set.of())).getMessage())
                .isEqualTo("Unknown parameter 'verbose'; this call takes no parameters");
    }
}
