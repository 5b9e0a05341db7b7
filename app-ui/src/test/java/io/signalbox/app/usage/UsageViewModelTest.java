package io.signalbox.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signalbox.persistence.usage.GroupBy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Usage view model on a real request log: what it reads, when, and what it makes of it. */
class UsageViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:17:42Z");

    @TempDir Path temp;

    private RequestLog log;
    private MutableClock clock;
    private UsageViewModel model;

    @BeforeEach
    void start() {
        log = new RequestLog(temp.resolve("data"));
        clock = new MutableClock(NOW);
        model = modelWith(Runnable::run);
    }

    private UsageViewModel modelWith(java.util.concurrent.Executor background) {
        return new UsageViewModel(
                log.database().usageQueries(),
                log::count,
                () -> "http://127.0.0.1:8337/v1",
                clock,
                background,
                Runnable::run);
    }

    @AfterEach
    void stop() {
        log.close();
    }

    /** Five requests in the last five minutes: 101 tokens, one failure, one estimate. */
    private void fiveRequests() {
        log.served(NOW.minusSeconds(300), "chat", "alice", "model-a", 11, 7);
        log.served(NOW.minusSeconds(290), "chat", "bob", "model-a", 11, 7);
        log.served(NOW.minusSeconds(120), "chat", "alice", "model-b", 11, 4);
        log.failed(NOW.minusSeconds(60), "code");
        log.estimated(NOW.minusSeconds(30), "code", 40, 10);
    }

    private UsageReport report() {
        return model.reportProperty().get();
    }

    @Test
    void totalsErrorRateAndSharesAreThoseOfTheLog() {
        fiveRequests();
        model.rangeProperty().set(UsageRange.LAST_HOUR);

        UsageSummary sum = report().summary();
        assertThat(sum.requests()).isEqualTo(5);
        assertThat(sum.errors()).isEqualTo(1);
        assertThat(sum.promptTokens()).isEqualTo(73);
        assertThat(sum.completionTokens()).isEqualTo(28);
        assertThat(sum.totalTokens()).isEqualTo(101);
        assertThat(sum.errorRate()).isEqualTo(0.2);
        assertThat(sum.estimatedRequests()).isEqualTo(1);
        assertThat(report().rows()).extracting(GroupRow::group).containsExactly("chat", "code");
        GroupRow chat = report().rows().get(0);
        assertThat(chat.totalTokens()).isEqualTo(51);
        assertThat(chat.share()).isCloseTo(51 / 101.0, within(1e-9));
        assertThat(chat.estimated()).isFalse();
        GroupRow code = report().rows().get(1);
        assertThat(code.errorRate()).isEqualTo(0.5);
        assertThat(code.estimated()).isTrue();
        assertThat(report().rows().stream().mapToDouble(GroupRow::share).sum())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theMinuteSeriesPutsEachRequestInItsBucket() {
        fiveRequests();
        model.rangeProperty().set(UsageRange.LAST_HOUR);

        UsageFrame frame = report().frame();
        int last = frame.buckets().size() - 1; // 10:17, the minute of NOW
        ChartSeries chat = frame.series().get(0);
        ChartSeries code = frame.series().get(1);
        assertThat(frame.labels().get(last)).isEqualTo("10:17");
        assertThat(chat.tokens().get(last - 5)).isEqualTo(36); // 10:12:42 and 10:12:52
        assertThat(chat.tokens().get(last - 2)).isEqualTo(15);
        assertThat(code.tokens().get(last)).isEqualTo(50);
        assertThat(code.estimated().get(last)).isTrue();
        assertThat(code.estimated().get(last - 1)).isFalse(); // the failure: no tokens, exact
        assertThat(frame.totalTokens()).isEqualTo(report().summary().totalTokens());
    }

    @Test
    void everyRangeAddsUpToItsTotals() {
        fiveRequests();
        log.served(NOW.minus(Duration.ofDays(3)), "chat", "alice", "model-a", 100, 100);
        log.served(NOW.minus(Duration.ofDays(20)), "embed", null, "model-e", 1000, 0);

        long[] expected = {101, 101, 301, 1301};
        UsageRange[] ranges = {
            UsageRange.LAST_HOUR, UsageRange.LAST_DAY, UsageRange.LAST_WEEK, UsageRange.LAST_MONTH
        };
        for (int i = 0; i < ranges.length; i++) {
            model.rangeProperty().set(ranges[i]);
            assertThat(report().summary().totalTokens())
                    .as(ranges[i].label())
                    .isEqualTo(expected[i]);
            assertThat(report().frame().totalTokens()).as(ranges[i].label()).isEqualTo(expected[i]);
        }
    }

    @Test
    void groupingByKeyNamesRequestsWithoutOne() {
        fiveRequests();
        model.rangeProperty().set(UsageRange.LAST_HOUR);
        model.groupByProperty().set(GroupBy.KEY);

        assertThat(report().rows())
                .extracting(GroupRow::label, GroupRow::requests, GroupRow::totalTokens)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("(no key)", 2L, 50L),
                        org.assertj.core.groups.Tuple.tuple("alice", 2L, 33L),
                        org.assertj.core.groups.Tuple.tuple("bob", 1L, 18L));
    }

    @Test
    void pollReadsAgainOnlyWhenTheLogGrewOrTheWindowMovedOn() {
        fiveRequests();
        model.rangeProperty().set(UsageRange.LAST_HOUR);
        UsageReport first = report();

        model.poll();
        model.poll();
        assertThat(report()).isSameAs(first);

        log.served(NOW.minusSeconds(5), "chat", "alice", "model-a", 2, 3);
        model.poll();
        assertThat(report()).isNotSameAs(first);
        assertThat(report().summary().totalTokens()).isEqualTo(106);

        UsageReport grown = report();
        clock.advance(Duration.ofSeconds(10)); // still 10:17: same window
        model.poll();
        assertThat(report()).isSameAs(grown);
        clock.advance(Duration.ofMinutes(1)); // 10:18: the window slides by one bar
        model.poll();
        assertThat(report().window().until()).isEqualTo(Instant.parse("2026-11-22T10:19:00Z"));
        assertThat(report().frame().labels()).endsWith("10:18");
    }

    @Test
    void aReadForChoicesChangedMeanwhileIsDroppedAndTheNewOneFollows() {
        fiveRequests();
        Deque<Runnable> reads = new ArrayDeque<>();
        Deque<Runnable> fx = new ArrayDeque<>();
        model =
                new UsageViewModel(
                        log.database().usageQueries(),
                        log::count,
                        () -> "http://127.0.0.1:8337/v1",
                        clock,
                        reads::add,
                        fx::add);
        model.rangeProperty().set(UsageRange.LAST_HOUR);
        reads.poll().run(); // reads by route, hands the result to the FX thread
        model.groupByProperty().set(GroupBy.MODEL); // ...but the user changed the grouping first

        fx.poll().run();
        assertThat(report()).isNull();
        assertThat(model.readingProperty().get()).isTrue();

        reads.poll().run();
        fx.poll().run();
        assertThat(report().groupBy()).isEqualTo(GroupBy.MODEL);
        assertThat(model.readingProperty().get()).isFalse();
        assertThat(report().rows())
                .extracting(GroupRow::group)
                .containsExactly("guess", "model-a", "model-b", "");
        assertThat(reads).isEmpty();
        assertThat(fx).isEmpty();
    }

    @Test
    void customRangesAreReadAndImpossibleOnesExplained() {
        fiveRequests();
        model.rangeProperty().set(UsageRange.CUSTOM);
        model.customFromProperty().set(LocalDate.parse("2026-11-22"));
        model.customToProperty().set(LocalDate.parse("2026-11-22"));
        assertThat(report().window().bucketCount()).isEqualTo(24);
        assertThat(report().summary().totalTokens()).isEqualTo(101);

        model.customFromProperty().set(LocalDate.parse("2026-11-23"));
        assertThat(model.problemProperty().get()).isEqualTo("The range ends before it starts.");

        model.rangeProperty().set(UsageRange.LAST_DAY);
        assertThat(model.problemProperty().get()).isNull();
    }

    @Test
    void anEmptyLogIsToldApartFromAnEmptyRange() {
        model.rangeProperty().set(UsageRange.LAST_HOUR);
        assertThat(report().storedRequests()).isZero();

        log.served(NOW.minus(Duration.ofDays(2)), "chat", null, "model-a", 1, 1);
        model.poll();
        assertThat(report().storedRequests()).isEqualTo(1);
        assertThat(report().summary()).isEqualTo(UsageSummary.NONE);
    }

    @Test
    void theTableExportIsTheTableAndTheSeriesExportEveryPoint() throws Exception {
        fiveRequests();
        model.rangeProperty().set(UsageRange.LAST_HOUR);
        Path table = temp.resolve("table.csv");
        Path series = temp.resolve("series.csv");

        assertThat(model.exportTable(table)).isTrue();
        assertThat(model.exportSeries(series)).isTrue();

        assertThat(Files.readString(table, StandardCharsets.UTF_8))
                .isEqualTo(
                        UsageCsv.TABLE_HEADER
                                + "\r\n"
                                + "chat,3,0,0.0000,33,18,51,0,0,0,0.5050\r\n"
                                + "code,2,1,0.5000,40,10,50,0,0,1,0.4950\r\n");
        assertThat(Files.readString(series, StandardCharsets.UTF_8))
                .isEqualTo(
                        UsageCsv.SERIES_HEADER
                                + "\r\n"
                                + "2026-11-22T10:12:00Z,chat,2,0,22,14,36,0,0,0\r\n"
                                + "2026-11-22T10:15:00Z,chat,1,0,11,4,15,0,0,0\r\n"
                                + "2026-11-22T10:16:00Z,code,1,1,0,0,0,0,0,0\r\n"
                                + "2026-11-22T10:17:00Z,code,1,0,40,10,50,0,0,1\r\n");
        assertThat(model.exportName(false)).isEqualTo("signalbox-usage-by-route-2026-11-22.csv");
    }

    @Test
    void estimatedUsageIsToldApartFromExactUsage() {
        fiveRequests();
        model.rangeProperty().set(UsageRange.LAST_HOUR);

        assertThat(UsageViewModel.estimatedNote(report().summary()))
                .startsWith("1 of 5 requests (20.0%) carry estimated tokens");
        assertThat(report().summary().estimatedShare()).isEqualTo(0.2);
        assertThat(UsageViewModel.estimatedNote(new UsageSummary(5, 0, 1, 1, 2, 0, 0, 0))).isNull();
    }

    @Test
    void theFirstRequestHintFollowsTheConfiguration() {
        model.configChanged(
                new io.signalbox.persistence.config.SignalboxConfig(
                        java.util.List.of(),
                        java.util.List.of(
                                new io.signalbox.persistence.config.RouteConfig(
                                        "chat",
                                        true,
                                        java.util.List.of(
                                                new io.signalbox.persistence.config.TargetConfig(
                                                        "local", "m", 100, true)),
                                        java.util.List.of(),
                                        60)),
                        java.util.List.of()));

        assertThat(model.firstRequestProperty().get())
                .startsWith("curl http://127.0.0.1:8337/v1/chat/completions")
                .contains("\"model\":\"chat\"");
    }
}
