package io.signalbox.app.providers;

import io.signalbox.app.discovery.ModelDiscovery;
import io.signalbox.app.runtime.ConfigService;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.DiscoveryRepository.DiscoverySnapshot;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real services of the Providers screen on a fresh database in a temp dir: a real
 * ConfigService, real discovery and real one-token calls over HTTP.
 */
final class Fixture implements AutoCloseable {

    final Database database;
    final ConfigService config;
    final InlineWork work;
    final List<String> routesCreated = new ArrayList<>();
    final ProviderServices services;

    Fixture(Path dir, InlineWork work) {
        this.database = Database.open(dir);
        this.config =
                new ConfigService(
                        database.configRepository(), database.accessKeyRepository(), stored -> {});
        this.work = work;
        this.services =
                new ProviderServices(
                        config,
                        discovery(Duration.ofSeconds(5)),
                        name ->
                                database.discoveryRepository()
                                        .last(name)
                                        .map(DiscoverySnapshot::modelIds)
                                        .orElse(List.of()),
                        new OneTokenCall(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                        work,
                        routesCreated::add,
                        ZoneOffset.UTC);
    }

    ModelDiscovery discovery(Duration timeout) {
        return new ModelDiscovery(
                database.discoveryRepository(),
                config::current,
                Duration.ofSeconds(2),
                timeout,
                Clock.systemUTC());
    }

    static ProviderConfig provider(String name, String baseUrl, String... models) {
        return new ProviderConfig(
                name,
                ProviderConfig.TYPE_OPENAI,
                baseUrl,
                Optional.empty(),
                Map.of(),
                List.of(models),
                true);
    }

    static RouteConfig route(String name, String provider, String model) {
        return new RouteConfig(
                name,
                true,
                List.of(new TargetConfig(provider, model, TargetConfig.DEFAULT_WEIGHT, true)),
                List.of(),
                RouteConfig.DEFAULT_TIMEOUT_SECONDS);
    }

    void store(List<ProviderConfig> providers, List<RouteConfig> routes) {
        try {
            config.replace(new SignalboxConfig(providers, routes, List.of()));
        } catch (InvalidConfigException e) {
            throw new AssertionError(e);
        }
    }

    ProviderConfig stored(String name) {
        return ProviderChanges.find(config.current(), name)
                .orElseThrow(() -> new AssertionError("no provider " + name));
    }

    @Override
    public void close() {
        database.close();
    }
}
