package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.ConfigReader;
import io.signalbox.persistence.config.RouterConfig;
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

/** The V9 tables: routers, their routes and keys' routers are read back, also after a reopen. */
class RoutersStoreTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-02T10:15:30Z"), ZoneOffset.UTC);
    private static final String BOB_KEY = "sk-sb-0123456789abcdef";

    private static final String CONFIG =
            """
            {
              "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
              "routes": [
                { "name": "chat", "targets": [ { "provider": "p", "model": "m" } ] },
                { "name": "embed", "targets": [ { "provider": "p", "model": "e" } ] },
                { "name": "claude-*", "targets": [ { "provider": "p", "model": "*" } ] }
              ],
              "routers": [
                { "slug": "zeta", "active": true, "routes": ["embed", "claude-*", "chat"] },
                { "slug": "alpha", "active": false, "routes": [] }
              ],
              "accessKeys": [
                { "name": "bob", "key": "%s", "routers": ["zeta", "alpha"] },
                { "name": "ann", "key": "sk-sb-fedcba9876543210" }
              ]
            }
            """
                    .formatted(BOB_KEY);

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
    void readsBackRoutersInOrderWithTheirRoutes() throws Exception {
        SignalboxConfig config = ConfigReader.read(CONFIG).config();

        database.configRepository().replace(config);

        SignalboxConfig loaded = database.configRepository().load();
        assertThat(loaded.routers()).isEqualTo(config.routers());
        assertThat(loaded.accessKeys().get(0).routers()).containsExactly("zeta", "alpha");
        assertThat(loaded.accessKeys().get(1).routers()).isEmpty();

        database.close();
        database = Database.open(temp.resolve("data"), CLOCK);
        assertThat(database.configRepository().load().routers()).isEqualTo(config.routers());
    }

    @Test
    void theProxysKeyLookupSeesTheKeysRouters() throws Exception {
        database.configRepository().replace(ConfigReader.read(CONFIG).config());

        StoredAccessKey bob = database.accessKeyRepository().findByKey(BOB_KEY).orElseThrow();

        assertThat(bob.routers()).containsExactly("zeta", "alpha");
        assertThat(database.accessKeyRepository().list())
                .extracting(StoredAccessKey::routers)
                .containsExactly(List.of("zeta", "alpha"), List.of());
    }

    @Test
    void aReplaceWithoutRoutersRemovesThem() throws Exception {
        database.configRepository().replace(ConfigReader.read(CONFIG).config());
        SignalboxConfig loaded = database.configRepository().load();

        database.configRepository()
                .replace(
                        new SignalboxConfig(
                                loaded.providers(),
                                loaded.routes(),
                                List.of(
                                        loaded.accessKeys().get(0).withRouters(List.of()),
                                        loaded.accessKeys().get(1))));

        SignalboxConfig after = database.configRepository().load();
        assertThat(after.routers()).isEmpty();
        assertThat(after.accessKeys()).allMatch(key -> key.routers().isEmpty());
    }

    @Test
    void anEditedRouterReplacesTheOldOne() throws Exception {
        SignalboxConfig config = ConfigReader.read(CONFIG).config();
        database.configRepository().replace(config);

        List<RouterConfig> edited =
                List.of(new RouterConfig("zeta", false, List.of("chat")), config.routers().get(1));
        database.configRepository().replace(database.configRepository().load().withRouters(edited));

        assertThat(database.configRepository().load().routers()).isEqualTo(edited);
    }
}
