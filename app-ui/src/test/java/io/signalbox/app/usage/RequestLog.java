package io.signalbox.app.usage;

import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh H2 request log that tests fill with requests of known usage, through the repository the
 * usage writer uses; the view models read it back through the real usage queries.
 */
public final class RequestLog implements AutoCloseable {

    private final Database database;
    private final AtomicInteger counter = new AtomicInteger();

    public RequestLog(Path dir) {
        database = Database.open(dir);
    }

    public Database database() {
        return database;
    }

    /** A served request with one attempt and exact usage. */
    public RequestRecord served(
            Instant at, String route, String key, String model, long prompt, long completion) {
        return add(
                at,
                route,
                key,
                "local",
                model,
                200,
                new TokenUsage(prompt, completion, prompt + completion, 0, 0, false),
                List.of(
                        new AttemptRecord(
                                1, "local", model, "ok", 200, 40, true, Optional.empty())),
                null);
    }

    /** A served request whose tokens Signalbox estimated. */
    public RequestRecord estimated(Instant at, String route, long prompt, long completion) {
        return add(
                at,
                route,
                null,
                "local",
                "guess",
                200,
                new TokenUsage(prompt, completion, prompt + completion, 0, 0, true),
                List.of(
                        new AttemptRecord(
                                1, "local", "guess", "ok", 200, 40, true, Optional.empty())),
                null);
    }

    /** A request every target failed. */
    public RequestRecord failed(Instant at, String route) {
        return add(
                at,
                route,
                null,
                null,
                null,
                502,
                TokenUsage.NONE,
                List.of(
                        new AttemptRecord(
                                1,
                                "local",
                                "model-a",
                                "server_error",
                                500,
                                30,
                                false,
                                Optional.of("HTTP 500"))),
                "every target failed");
    }

    public RequestRecord add(
            Instant at,
            String route,
            String key,
            String provider,
            String model,
            int status,
            TokenUsage usage,
            List<AttemptRecord> attempts,
            String error) {
        // Ids sort by time like the proxy's: epoch millis in hex, then a counter.
        String id = String.format("%012x%04x", at.toEpochMilli(), counter.incrementAndGet());
        RequestRecord record =
                new RequestRecord(
                        id,
                        at,
                        route,
                        Optional.ofNullable(provider),
                        Optional.ofNullable(model),
                        Optional.ofNullable(key),
                        status,
                        false,
                        120,
                        attempts,
                        usage,
                        Optional.ofNullable(error));
        database.requestLogRepository().insertBatch(List.of(record));
        return record;
    }

    public long count() {
        return database.requestLogRepository().count();
    }

    @Override
    public void close() {
        database.close();
    }
}
