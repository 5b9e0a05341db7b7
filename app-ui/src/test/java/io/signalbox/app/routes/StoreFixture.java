package io.signalbox.app.routes;

import io.signalbox.app.runtime.ConfigService;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real config service on a fresh H2 database, as the view models use it in the app. */
final class StoreFixture implements ConfigStore, AutoCloseable {

    private final Database database;
    private final ConfigService service;

    StoreFixture(Path dir) {
        database = Database.open(dir);
        service =
                new ConfigService(
                        database.configRepository(), database.accessKeyRepository(), c -> {});
    }

    static ProviderConfig provider(String name, String... models) {
        return new ProviderConfig(
                name,
                ProviderConfig.TYPE_OPENAI,
                "http://127.0.0.1:9/v1",
                Optional.empty(),
                Map.of(),
                List.of(models),
                true);
    }

    ConfigService service() {
        return service;
    }

    @Override
    public SignalboxConfig current() {
        return service.current();
    }

    @Override
    public SignalboxConfig replace(SignalboxConfig next) throws InvalidConfigException {
        return service.replace(next);
    }

    void put(SignalboxConfig config) {
        try {
            service.replace(config);
        } catch (InvalidConfigException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
