package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.RequestFilter;
import io.signalbox.persistence.usage.UsageTotal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request log written before V6 reads back the same after the move to the row key. */
class RowKeyMigrationTest {

    private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir Path temp;

    @Test
    void keepsEveryRequestItsAttemptsAndTheirOrder() throws SQLException {
        Path dataDir = temp.resolve("data");
        String url =
                "jdbc:h2:file:" + dataDir.resolve(Database.DATABASE_NAME) + ";TRACE_LEVEL_FILE=0";
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(url, "signalbox", "")
                .locations("classpath:db/migration")
                .target("4")
                .loggers("slf4j")
                .load()
                .migrate();
        long t = T.toEpochMilli();
        try (Connection connection = DriverManager.getConnection(url, "signalbox", "");
                Statement statement = connection.createStatement()) {
            // Two requests in one millisecond, the later id written first; one with two attempts.
            statement.execute(v4Request("b-same-ms", t, 200, "'ok'", 40));
            statement.execute(v4Request("a-same-ms", t, 200, "'ok'", 40));
            statement.execute(v4Request("retried", t + 2_000, 200, "NULL", 0));
            statement.execute(v4Request("old", t - 3_600_000, 502, "NULL", 0));
            statement.execute(
                    """
                    INSERT INTO request_attempts VALUES
                        ('retried', 1, 'p', 'm', 'upstream_5xx', 503, 10, FALSE, 'busy'),
                        ('retried', 2, 'p', 'm', 'ok', 200, 30, TRUE, NULL)
                    """);
        }

        try (Database database = Database.open(dataDir)) {
            List<RequestRecord> recent = database.requestLogRepository().recent(10);
            assertThat(recent)
                    .extracting(RequestRecord::id)
                    .containsExactly("retried", "b-same-ms", "a-same-ms", "old");
            assertThat(recent.get(0).attempts())
                    .extracting(AttemptRecord::outcome)
                    .containsExactly("upstream_5xx", "ok");
            assertThat(recent.get(1).attempts())
                    .singleElement()
                    .extracting(AttemptRecord::latencyMs)
                    .isEqualTo(40L);
            assertThat(recent.get(3).startedAt()).isEqualTo(T.minusSeconds(3600));
            assertThat(
                            database.usageQueries()
                                    .requests(
                                            RequestFilter.newest(10)
                                                    .withSince(T)
                                                    .withUntil(T.plusSeconds(1))))
                    .extracting(RequestRecord::id)
                    .containsExactly("b-same-ms", "a-same-ms");
            // The partial hours of a total come from the request rows, by the row key's range.
            assertThat(database.usageQueries().totals(T, T.plusSeconds(10), GroupBy.ROUTE))
                    .singleElement()
                    .extracting(UsageTotal::requests)
                    .isEqualTo(3L);

            // New rows go after the migrated ones.
            database.requestLogRepository()
                    .insertBatch(
                            List.of(
                                    copy(recent.get(1), "c-same-ms", T),
                                    copy(recent.get(0), "newest", T.plusSeconds(5))));
            assertThat(database.requestLogRepository().recent(3))
                    .extracting(RequestRecord::id)
                    .containsExactly("newest", "retried", "c-same-ms");
        }
    }

    private static RequestRecord copy(RequestRecord request, String id, Instant startedAt) {
        return new RequestRecord(
                id,
                startedAt,
                request.route(),
                request.provider(),
                request.model(),
                request.accessKeyName(),
                request.status(),
                request.stream(),
                request.latencyMs(),
                request.attempts(),
                request.usage(),
                request.error());
    }

    private static String v4Request(
            String id, long startedAt, int status, String outcome, long latency) {
        return """
                INSERT INTO requests (id, started_at, route, provider, model, access_key_name,
                    status, stream, attempt_count, latency_ms, prompt_tokens, completion_tokens,
                    total_tokens, cached_tokens, reasoning_tokens, usage_estimated, error,
                    attempt_outcome, attempt_latency_ms)
                VALUES ('%s', %d, 'chat', 'p', 'm', NULL, %d, FALSE, 1, 50, 10, 5, 15, 0, 0,
                    FALSE, NULL, %s, %s)
                """
                .formatted(
                        id, startedAt, status, outcome, "NULL".equals(outcome) ? "NULL" : latency);
    }
}
