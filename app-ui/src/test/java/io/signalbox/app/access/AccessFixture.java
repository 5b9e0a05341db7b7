package io.signalbox.app.access;

import io.signalbox.app.runtime.ConfigService;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.StoredAccessKey;
import io.signalbox.persistence.TokenUsage;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.UsageTotal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real config service and request log on a fresh H2 database, as the app gives them. */
final class AccessFixture implements AccessStore, AutoCloseable {

    private final Database database;
    private final ConfigService service;
    private final AtomicInteger requestIds = new AtomicInteger();

    AccessFixture(Path dir, Clock clock) {
        database = Database.open(dir, clock);
        service =
                new ConfigService(
                        database.configRepository(), database.accessKeyRepository(), c -> {});
    }

    Database database() {
        return database;
    }

    void put(SignalboxConfig config) {
        try {
            service.replace(config);
        } catch (InvalidConfigException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A finished request of {@code key} in the request log, as the proxy's writer stores it. */
    void request(String key, Instant startedAt, long totalTokens) {
        database.requestLogRepository()
                .insertBatch(
                        List.of(
                                new RequestRecord(
                                        "req-" + requestIds.incrementAndGet(),
                                        startedAt,
                                        "chat",
                                        Optional.of("local"),
                                        Optional.of("m"),
                                        Optional.of(key),
                                        200,
                                        false,
                                        5,
                                        List.of(),
                                        new TokenUsage(
                                                totalTokens / 2,
                                                totalTokens - totalTokens / 2,
                                                totalTokens,
                                                0,
                                                0,
                                                false),
                                        Optional.empty())));
        database.accessKeyRepository().markUsed(key, startedAt);
    }

    @Override
    public SignalboxConfig current() {
        return service.current();
    }

    @Override
    public SignalboxConfig replace(SignalboxConfig next) throws InvalidConfigException {
        return service.replace(next);
    }

    @Override
    public List<StoredAccessKey> storedKeys() {
        return database.accessKeyRepository().list();
    }

    @Override
    public List<UsageTotal> usageByKey(Instant since, Instant until) {
        return database.usageQueries().totals(since, until, GroupBy.KEY);
    }

    @Override
    public void close() {
        database.close();
    }
}
