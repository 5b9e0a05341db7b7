package io.signalbox.persistence.usage;

import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Times the usage queries on a million-row request log: 30 days of traffic over 20 routes, 5
 * providers, 10 models and 5 access keys, written through insertBatch like the usage writer does.
 *
 * <p>Not a test (surefire skips it by name): timings depend on the machine. Run it with the test
 * classpath, e.g. {@code java -Xmx256m -cp ... io.signalbox.persistence.usage.UsageQueryBenchmark
 * [rows]}. The target: a 30-day hourly series by route in under 200 ms.
 */
public final class UsageQueryBenchmark {

    private static final int ROUTES = 20;
    private static final int PROVIDERS = 5;
    private static final int KEYS = 5;
    private static final int BATCH = 5_000;
    private static final int WARMUPS = 3;
    private static final int RUNS = 9;

    /**
     * Not on an hour: totals read partial hours at both ends, as they do for "the last 30 days".
     */
    private static final Instant NOW = Instant.parse("2026-12-01T14:23:17.345Z");

    private static final Duration SPAN = Duration.ofDays(30);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration DAY = Duration.ofDays(1);

    private UsageQueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dataDir = Files.createTempDirectory("signalbox-usage-benchmark");
        try {
            try (Database database = Database.open(dataDir)) {
                insert(database, rows);
                time(database.usageQueries());
            }
            explain(dataDir);
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void insert(Database database, int rows) {
        Random random = new Random(2026);
        Instant first = NOW.minus(SPAN);
        long spacingNanos = SPAN.toNanos() / rows;
        long started = System.nanoTime();
        List<RequestRecord> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < rows; i++) {
            // Evenly spread, in time order, as the proxy writes them.
            Instant startedAt = first.plusNanos(i * spacingNanos);
            batch.add(request(random, i, startedAt));
            if (batch.size() == BATCH || i == rows - 1) {
                database.requestLogRepository().insertBatch(batch);
                batch.clear();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "inserted %,d requests in %.1f s (%,.0f rows/s), batches of %,d; database %,d MB%n",
                rows,
                seconds,
                rows / seconds,
                BATCH,
                sizeMb(database.dataDir()));
    }

    /**
     * Routes map to targets the way a configuration does: each route has a main target and a
     * fallback, so the rollup holds the combinations that really occur, not all 5,000.
     */
    private static RequestRecord request(Random random, int index, Instant startedAt) {
        int route = random.nextInt(ROUTES);
        boolean served = random.nextInt(50) > 0;
        boolean fellBack = served && random.nextInt(10) == 0;
        int provider = (route + (fellBack ? 1 : 0)) % PROVIDERS;
        // Two models per provider: 10 models in all.
        String model = "model-" + (provider * 2 + route % 2);
        int status = served ? 200 : 502;
        long prompt = served ? random.nextInt(3000) : 0;
        long completion = served ? random.nextInt(600) : 0;
        AttemptRecord attempt =
                new AttemptRecord(
                        1,
                        "provider-" + provider,
                        model,
                        served ? "ok" : "http_error",
                        status,
                        random.nextInt(3000),
                        served,
                        served ? Optional.empty() : Optional.of("bad gateway"));
        int key = random.nextInt(KEYS + 1);
        return new RequestRecord(
                // Time-ordered ids like RequestIds: 12 hex digits of millis, 12 of a counter.
                String.format(Locale.ROOT, "%012x%012x", startedAt.toEpochMilli(), index),
                startedAt,
                "route-" + route,
                served ? Optional.of("provider-" + provider) : Optional.empty(),
                served ? Optional.of(model) : Optional.empty(),
                key == KEYS ? Optional.empty() : Optional.of("key-" + key),
                status,
                random.nextBoolean(),
                attempt.latencyMs(),
                List.of(attempt),
                new TokenUsage(
                        prompt,
                        completion,
                        prompt + completion,
                        prompt / 4,
                        0,
                        random.nextInt(20) == 0),
                Optional.empty());
    }

    private static void time(UsageQueries queries) {
        System.out.printf(
                Locale.ROOT,
                "max heap %,d MB; %d warm-up and %d timed runs each%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                WARMUPS,
                RUNS);
        measure(
                "totals by route, 30 days",
                now -> queries.totals(now.minus(SPAN), now, GroupBy.ROUTE));
        measure(
                "series by route, 30 days, HOUR",
                now ->
                        queries.series(
                                new UsageQuery(now.minus(SPAN), now, GroupBy.ROUTE, Bucket.HOUR)));
        measure(
                "series, 24 h, MINUTE, not grouped",
                now ->
                        queries.series(
                                new UsageQuery(now.minus(DAY), now, GroupBy.NONE, Bucket.MINUTE)));
        measure(
                "series by route, 24 h, MINUTE",
                now ->
                        queries.series(
                                new UsageQuery(now.minus(DAY), now, GroupBy.ROUTE, Bucket.MINUTE)));
        measure(
                "series by model, 7 days, DAY",
                now ->
                        queries.series(
                                new UsageQuery(now.minus(WEEK), now, GroupBy.MODEL, Bucket.DAY)));
        measure(
                "requests, limit 50, one route",
                now ->
                        queries.requests(
                                RequestFilter.newest(50).withRoute("route-7").withUntil(now)));
        measure(
                "requests, limit 50, 5xx of one key",
                now ->
                        queries.requests(
                                RequestFilter.newest(50)
                                        .withAccessKey("key-3")
                                        .withStatusClass(StatusClass.SERVER_ERROR)
                                        .withUntil(now)));
        measure(
                "requests, limit 50, a route with no requests",
                now ->
                        queries.requests(
                                RequestFilter.newest(50)
                                        .withRoute("no-such-route")
                                        .withUntil(now)));
    }

    /**
     * Runs {@code query} a few times untimed, then times it. Each run ends its range a millisecond
     * later: H2 reuses the result of a repeated query with the same parameters, which would time
     * nothing.
     */
    private static void measure(String name, Function<Instant, List<?>> query) {
        int size = 0;
        for (int i = 0; i < WARMUPS; i++) {
            size = query.apply(NOW.plusMillis(i)).size();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            Instant now = NOW.plusMillis(WARMUPS + i);
            long started = System.nanoTime();
            query.apply(now);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "%-46s %,7d rows   min %8.1f ms   median %8.1f ms   max %8.1f ms%n",
                name,
                size,
                millis[0],
                millis[RUNS / 2],
                millis[RUNS - 1]);
    }

    /**
     * Why the slow ones are slow: the rollup's size, and the plans H2 chose (read on the closed
     * database's files).
     */
    private static void explain(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("signalbox") + ";TRACE_LEVEL_FILE=0";
        try (Connection connection = DriverManager.getConnection(url, "signalbox", "");
                Statement statement = connection.createStatement()) {
            print(statement, "SELECT COUNT(*) || ' usage_hourly rows' FROM usage_hourly");
            print(
                    statement,
                    """
                    EXPLAIN ANALYZE
                    SELECT hour_start AS bucket, route AS grp, SUM(requests), SUM(total_tokens)
                    FROM usage_hourly
                    WHERE hour_start >= %d AND hour_start < %d
                    GROUP BY bucket, grp ORDER BY bucket, grp
                    """
                            .formatted(NOW.minus(SPAN).toEpochMilli(), NOW.toEpochMilli()));
            print(
                    statement,
                    """
                    EXPLAIN ANALYZE
                    SELECT id FROM requests WHERE route = 'no-such-route'
                    ORDER BY row_key DESC LIMIT 50
                    """);
        }
    }

    private static void print(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                System.out.println(row.getString(1));
            }
        }
    }

    private static long sizeMb(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(file -> file.toFile().length()).sum() / (1024 * 1024);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
