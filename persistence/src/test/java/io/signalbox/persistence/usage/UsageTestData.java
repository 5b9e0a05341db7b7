package io.signalbox.persistence.usage;

import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/** Seeded request logs, and the usage they should add up to, computed the slow way in memory. */
final class UsageTestData {

    /** A Sunday midnight UTC; the generated requests start here. */
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private static final String[] ROUTES = {"chat", "embed", "claude-*", "summarize"};
    private static final String[][] TARGETS = {
        {"lab-vllm", "qwen2.5-7b-instruct"},
        {"groq", "llama-3.1-8b-instant"},
        {"openrouter", "llama-3.1-8b-instant"},
        {"openrouter", "claude-3.5-haiku"},
    };
    private static final String[] KEYS = {"alice", "bob", "ci"};

    private UsageTestData() {}

    /**
     * {@code count} requests at random times in {@code [START, START + span)}, oldest first, with
     * every case usage has to count: unserved requests (no provider or model), requests without a
     * key, error statuses, failures after a 200, estimated usage, fallbacks.
     */
    static List<RequestRecord> randomRequests(long seed, int count, Duration span) {
        Random random = new Random(seed);
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant startedAt = START.plusMillis(random.nextLong(span.toMillis()));
            records.add(randomRequest(random, "req-" + i, startedAt));
        }
        records.sort(Comparator.comparing(RequestRecord::startedAt));
        return records;
    }

    static RequestRecord randomRequest(Random random, String id, Instant startedAt) {
        String[] target = TARGETS[random.nextInt(TARGETS.length)];
        boolean served = random.nextInt(12) > 0;
        boolean fellBack = served && random.nextInt(6) == 0;
        int status = served ? (random.nextInt(15) == 0 ? 400 : 200) : 502;
        long prompt = served ? random.nextInt(4000) : 0;
        long completion = served ? random.nextInt(800) : 0;
        List<AttemptRecord> attempts = new ArrayList<>();
        if (fellBack || !served) {
            attempts.add(
                    new AttemptRecord(
                            1,
                            "lab-vllm",
                            "qwen2.5-7b-instruct",
                            "http_error",
                            503,
                            40,
                            false,
                            Optional.of("overloaded")));
        }
        if (served) {
            attempts.add(
                    new AttemptRecord(
                            attempts.size() + 1,
                            target[0],
                            target[1],
                            "ok",
                            status,
                            900,
                            true,
                            Optional.empty()));
        }
        return new RequestRecord(
                id,
                startedAt,
                ROUTES[random.nextInt(ROUTES.length)],
                served ? Optional.of(target[0]) : Optional.empty(),
                served ? Optional.of(target[1]) : Optional.empty(),
                random.nextInt(4) == 0 ? Optional.empty() : Optional.of(KEYS[random.nextInt(3)]),
                status,
                random.nextBoolean(),
                random.nextInt(5000),
                attempts,
                new TokenUsage(
                        prompt,
                        completion,
                        prompt + completion,
                        prompt / 3,
                        completion / 5,
                        served && random.nextInt(7) == 0),
                served && random.nextInt(40) == 0
                        ? Optional.of("stream broke after the first byte")
                        : Optional.empty());
    }

    /** The group {@code record} belongs to, as UsageQueries names it. */
    static String groupOf(RequestRecord record, GroupBy groupBy) {
        return switch (groupBy) {
            case ROUTE -> record.route();
            case PROVIDER -> record.provider().orElse("");
            case MODEL -> record.model().orElse("");
            case KEY -> record.accessKeyName().orElse("");
            case NONE -> GroupBy.ALL;
        };
    }

    /** The totals of the records started in {@code [since, until)}, most total tokens first. */
    static List<UsageTotal> expectedTotals(
            List<RequestRecord> records, Instant since, Instant until, GroupBy groupBy) {
        Map<String, Sums> sums = new TreeMap<>();
        for (RequestRecord record : records) {
            if (!record.startedAt().isBefore(since) && record.startedAt().isBefore(until)) {
                sums.computeIfAbsent(groupOf(record, groupBy), g -> new Sums()).add(record);
            }
        }
        return sums.entrySet().stream()
                .map(entry -> entry.getValue().total(entry.getKey()))
                .sorted(
                        Comparator.comparingLong(UsageTotal::totalTokens)
                                .reversed()
                                .thenComparing(UsageTotal::group))
                .toList();
    }

    /** The points of the records started in {@code [from, until)}, oldest bucket first. */
    static List<UsagePoint> expectedSeries(
            List<RequestRecord> records,
            Instant from,
            Instant until,
            GroupBy groupBy,
            Bucket bucket) {
        Map<Long, Map<String, Sums>> sums = new TreeMap<>();
        for (RequestRecord record : records) {
            if (!record.startedAt().isBefore(from) && record.startedAt().isBefore(until)) {
                long bucketStart = bucket.startOf(record.startedAt().toEpochMilli());
                sums.computeIfAbsent(bucketStart, b -> new TreeMap<>())
                        .computeIfAbsent(groupOf(record, groupBy), g -> new Sums())
                        .add(record);
            }
        }
        List<UsagePoint> points = new ArrayList<>();
        sums.forEach(
                (bucketStart, groups) ->
                        groups.forEach(
                                (group, sum) ->
                                        points.add(
                                                sum.point(
                                                        Instant.ofEpochMilli(bucketStart),
                                                        group))));
        return points;
    }

    /** Running sums of one group, counted the way RequestRecord and the rollup count. */
    private static final class Sums {
        long requests;
        long errors;
        long promptTokens;
        long completionTokens;
        long totalTokens;
        long cachedTokens;
        long reasoningTokens;
        long estimatedRequests;

        void add(RequestRecord record) {
            TokenUsage usage = record.usage();
            requests++;
            errors += record.failed() ? 1 : 0;
            promptTokens += usage.promptTokens();
            completionTokens += usage.completionTokens();
            totalTokens += usage.totalTokens();
            cachedTokens += usage.cachedTokens();
            reasoningTokens += usage.reasoningTokens();
            estimatedRequests += usage.estimated() ? 1 : 0;
        }

        UsageTotal total(String group) {
            return new UsageTotal(
                    group,
                    requests,
                    errors,
                    promptTokens,
                    completionTokens,
                    totalTokens,
                    cachedTokens,
                    reasoningTokens,
                    estimatedRequests);
        }

        UsagePoint point(Instant bucketStart, String group) {
            return new UsagePoint(
                    bucketStart,
                    group,
                    requests,
                    errors,
                    promptTokens,
                    completionTokens,
                    totalTokens,
                    cachedTokens,
                    reasoningTokens,
                    estimatedRequests);
        }
    }
}
