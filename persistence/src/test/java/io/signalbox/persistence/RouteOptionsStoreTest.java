package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.ConfigReader;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.RouteSelection;
import io.signalbox.persistence.config.SignalboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The V8 columns and condition rows: what is stored is read back, also after a reopen. */
class RouteOptionsStoreTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-02T10:15:30Z"), ZoneOffset.UTC);

    private static final String CONFIG =
            """
            {
              "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
              "routes": [
                { "name": "chat", "selection": "round_robin", "retries": 2,
                  "targets": [
                    { "provider": "p", "model": "premium",
                      "match": { "headers": { "user-type": "premium", "X-Tier": "gold" },
                                 "query": { "beta": "true", "lang": "de" },
                                 "path": "/v1/chat/*" } },
                    { "provider": "p", "model": "paths", "match": { "path": "/v1/embeddings" } },
                    { "provider": "p", "model": "standard" }
                  ] },
                { "name": "plain", "targets": [ { "provider": "p", "model": "standard" } ] }
              ]
            }
            """;

    @TempDir Path temp;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("data"), CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void readsBackMatchRetriesAndSelectionInOrder() throws Exception {
        SignalboxConfig config = ConfigReader.read(CONFIG).config();

        database.configRepository().replace(config);
        database.close();
        database = Database.open(temp.resolve("data"), CLOCK);
        SignalboxConfig loaded = database.configRepository().load();

        assertThat(loaded).isEqualTo(config);
        assertThat(loaded.routes().get(0).targets().get(0).match().headers().keySet())
                .containsExactly("user-type", "X-Tier");
        RouteConfig plain = loaded.routes().get(1);
        assertThat(plain.retries()).isEmpty();
        assertThat(plain.selection()).isEqualTo(RouteSelection.WEIGHTED);
    }

    @Test
    void replacingTheConfigurationDropsOldConditions() throws Exception {
        database.configRepository().replace(ConfigReader.read(CONFIG).config());
        SignalboxConfig without =
                ConfigReader.read(
                                """
                                {"providers": [{"name": "p", "baseUrl": "http://h/v1"}],
                                 "routes": [{"name": "chat", "targets": [
                                   {"provider": "p", "model": "premium"}]}]}
                                """)
                        .config();

        database.configRepository().replace(without);

        assertThat(database.configRepository().load()).isEqualTo(without);
        assertThat(database.configRepository().load().routes())
                .extracting(RouteConfig::name)
                .isEqualTo(List.of("chat"));
    }
}
