package io.signalbox.app.usage;

import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.RequestFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Times what the Usage and Requests screens read on a million-row log (30 days, 20 routes, 5 keys):
 * the count each poll makes, each range's report, and the newest page of requests.
 *
 * <p>Not a test (surefire skips it by name): timings depend on the machine. Run it with the test
 * classpath: {@code java -cp ... io.signalbox.app.usage.ScreenReadsBenchmark [rows]}.
 */
public final class ScreenReadsBenchmark {

    private ScreenReadsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Instant now = Instant.now();
        Path temp = java.nio.file.Files.createTempDirectory("signalbox-screen-reads");
        try (Database db = Database.open(temp)) {
            Random random = new Random(1);
            long t0 = System.nanoTime();
            List<RequestRecord> batch = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                Instant at =
                        now.minusMillis(
                                (long)
                                        ((rows - i)
                                                * (Duration.ofDays(30).toMillis()
                                                        / (double) rows)));
                String id = String.format("%012x%04x", at.toEpochMilli(), i % 65536);
                batch.add(
                        new RequestRecord(
                                id,
                                at,
                                "route-" + random.nextInt(20),
                                Optional.of("p" + random.nextInt(5)),
                                Optional.of("m" + random.nextInt(10)),
                                Optional.of("key-" + random.nextInt(5)),
                                random.nextInt(50) == 0 ? 502 : 200,
                                random.nextBoolean(),
                                300,
                                List.of(
                                        new AttemptRecord(
                                                1,
                                                "p",
                                                "m",
                                                "ok",
                                                200,
                                                290,
                                                true,
                                                Optional.empty())),
                                new TokenUsage(
                                        random.nextInt(2000),
                                        random.nextInt(500),
                                        0,
                                        0,
                                        0,
                                        random.nextInt(20) == 0),
                                Optional.empty()));
                if (batch.size() == 5000) {
                    db.requestLogRepository().insertBatch(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) db.requestLogRepository().insertBatch(batch);
            System.out.printf("inserted %d in %d ms%n", rows, (System.nanoTime() - t0) / 1_000_000);
            time("count", () -> db.requestLogRepository().count());
            for (UsageRange range :
                    new UsageRange[] {
                        UsageRange.LAST_HOUR,
                        UsageRange.LAST_DAY,
                        UsageRange.LAST_WEEK,
                        UsageRange.LAST_MONTH
                    }) {
                UsageWindow window = UsageWindow.last(range, now);
                time(
                        "report " + range + " by route",
                        () ->
                                UsageReport.read(
                                        db.usageQueries(),
                                        window,
                                        GroupBy.ROUTE,
                                        1,
                                        ZoneOffset.UTC));
                time(
                        "report " + range + " by key",
                        () ->
                                UsageReport.read(
                                        db.usageQueries(), window, GroupBy.KEY, 1, ZoneOffset.UTC));
            }
            time("newest 300", () -> db.usageQueries().requests(RequestFilter.newest(300)));
            time(
                    "newest 300 route-3",
                    () ->
                            db.usageQueries()
                                    .requests(RequestFilter.newest(300).withRoute("route-3")));
            time(
                    "newest 300 5xx",
                    () ->
                            db.usageQueries()
                                    .requests(
                                            RequestFilter.newest(300)
                                                    .withStatusClass(
                                                            io.signalbox.persistence.usage
                                                                    .StatusClass.SERVER_ERROR)));
        } finally {
            try (var files = java.nio.file.Files.walk(temp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The median and worst of seven runs after three warm-ups. */
    private static void time(String what, Supplier<Object> work) {
        for (int i = 0; i < 3; i++) work.get();
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 100_000;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("%-32s median %.1f ms, max %.1f ms%n", what, ms[3] / 10.0, ms[6] / 10.0);
    }
}
