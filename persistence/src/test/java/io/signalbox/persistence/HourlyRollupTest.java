package io.signalbox.persistence;

import static io.signalbox.persistence.RequestLogRepositoryTest.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hourly rollup the request log keeps as it stores requests, against a real H2 file. */
class HourlyRollupTest {

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
    void keepsTheHourlyRollupEqualToTheSumOfTheRequests() {
        Random random = new Random(42);
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            records.add(randomRequest(random, i));
        }
        for (int start = 0; start < records.size(); start += 50) {
            log.insertBatch(records.subList(start, start + 50));
        }

        List<UsageHourRow> rollup = log.hourly(HOUR, HOUR.plus(Duration.ofHours(6)));

        assertThat(rollup)
                .containsExactlyInAnyOrderElementsOf(expectedRollup(records))
                .isSortedAccordingTo(Comparator.comparing(UsageHourRow::hourStart));
        assertThat(rollup.stream().mapToLong(UsageHourRow::requests).sum()).isEqualTo(600);
    }

    @Test
    void returnsEveryHourThatOverlapsTheRange() {
        TokenUsage usage = new TokenUsage(1, 1, 2, 0, 0, true);
        log.insertBatch(
                List.of(
                        RequestLogRepositoryTest.request(
                                "before", HOUR.minusSeconds(1), "chat", 200, usage),
                        RequestLogRepositoryTest.request(
                                "first", HOUR.plusSeconds(1), "chat", 200, usage),
                        RequestLogRepositoryTest.request(
                                "second", HOUR.plus(Duration.ofMinutes(90)), "chat", 200, usage),
                        RequestLogRepositoryTest.request(
                                "after", HOUR.plus(Duration.ofHours(2)), "chat", 200, usage)));

        List<UsageHourRow> rows =
                log.hourly(HOUR.plus(Duration.ofMinutes(30)), HOUR.plus(Duration.ofHours(2)));

        assertThat(rows)
                .extracting(UsageHourRow::hourStart)
                .containsExactly(HOUR, HOUR.plus(Duration.ofHours(1)));
        assertThat(rows).allSatisfy(row -> assertThat(row.estimatedRequests()).isEqualTo(1));
    }

    private static RequestRecord randomRequest(Random random, int index) {
        String[] routes = {"chat", "embed", "claude-*"};
        String[] providers = {"lab-vllm", "openrouter", "groq"};
        String[] keys = {"alice", "bob"};
        boolean served = random.nextInt(10) > 0;
        int status = served ? (random.nextInt(8) == 0 ? 500 : 200) : 502;
        long prompt = served ? random.nextInt(2000) : 0;
        long completion = served ? random.nextInt(500) : 0;
        return new RequestRecord(
                "req-" + index,
                HOUR.plusMillis(random.nextLong(Duration.ofHours(5).toMillis())),
                routes[random.nextInt(routes.length)],
                served
                        ? Optional.of(providers[random.nextInt(providers.length)])
                        : Optional.empty(),
                served ? Optional.of("model-" + random.nextInt(2)) : Optional.empty(),
                random.nextBoolean()
                        ? Optional.of(keys[random.nextInt(keys.length)])
                        : Optional.empty(),
                status,
                random.nextBoolean(),
                random.nextInt(5000),
                List.of(),
                new TokenUsage(
                        prompt,
                        completion,
                        prompt + completion,
                        prompt / 4,
                        completion / 3,
                        random.nextInt(5) == 0),
                random.nextInt(20) == 0 ? Optional.of("stream broke") : Optional.empty());
    }

    /** The rollup computed the slow way: grouping the records in memory. */
    private static List<UsageHourRow> expectedRollup(List<RequestRecord> records) {
        Map<String, UsageHourRow> rows = new TreeMap<>();
        for (RequestRecord record : records) {
            Instant hourStart =
                    Instant.ofEpochMilli(UsageRollup.hourStart(record.startedAt().toEpochMilli()));
            String key =
                    String.join(
                            "\t",
                            String.format("%020d", hourStart.toEpochMilli()),
                            record.route(),
                            record.provider().orElse(""),
                            record.model().orElse(""),
                            record.accessKeyName().orElse(""));
            TokenUsage usage = record.usage();
            UsageHourRow one =
                    new UsageHourRow(
                            hourStart,
                            record.route(),
                            record.provider(),
                            record.model(),
                            record.accessKeyName(),
                            1,
                            record.failed() ? 1 : 0,
                            usage.promptTokens(),
                            usage.completionTokens(),
                            usage.totalTokens(),
                            usage.cachedTokens(),
                            usage.reasoningTokens(),
                            usage.estimated() ? 1 : 0);
            rows.merge(key, one, HourlyRollupTest::sum);
        }
        return List.copyOf(rows.values());
    }

    private static UsageHourRow sum(UsageHourRow a, UsageHourRow b) {
        return new UsageHourRow(
                a.hourStart(),
                a.route(),
                a.provider(),
                a.model(),
                a.accessKeyName(),
                a.requests() + b.requests(),
                a.errors() + b.errors(),
                a.promptTokens() + b.promptTokens(),
                a.completionTokens() + b.completionTokens(),
                a.totalTokens() + b.totalTokens(),
                a.cachedTokens() + b.cachedTokens(),
                a.reasoningTokens() + b.reasoningTokens(),
                a.estimatedRequests() + b.estimatedRequests());
    }
}
