package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.ConfigReader;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The V10 columns: limits and missing weights are read back as written, also after a reopen. */
class TpmLimitStoreTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-02T10:15:30Z"), ZoneOffset.UTC);

    private static final String CONFIG =
            """
            {
              "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
              "routes": [
                { "name": "chat", "retries": 1,
                  "targets": [ { "provider": "p", "model": "a", "tpmLimit": 60000 },
                               { "provider": "p", "model": "b", "weight": 250, "tpmLimit": 5 },
                               { "provider": "p", "model": "c", "weight": 0 } ],
                  "fallbacks": [ { "provider": "p", "model": "d" },
                                 { "provider": "p", "model": "e", "tpmLimit": 1000000000 } ] },
                { "name": "plain", "targets": [ { "provider": "p", "model": "a" } ] }
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
    void readsBackLimitsAndMissingWeights() throws Exception {
        SignalboxConfig config = ConfigReader.read(CONFIG).config();

        database.configRepository().replace(config);
        database.close();
        database = Database.open(temp.resolve("data"), CLOCK);
        SignalboxConfig loaded = database.configRepository().load();

        assertThat(loaded).isEqualTo(config);
        TargetConfig a = loaded.routes().get(0).targets().get(0);
        assertThat(a.tpmLimit()).isEqualTo(OptionalLong.of(60000));
        assertThat(a.weightGiven()).isFalse();
        assertThat(loaded.routes().get(0).targets().get(1).weightGiven()).isTrue();
        assertThat(loaded.routes().get(0).fallbacks().get(1).tpmLimit())
                .isEqualTo(OptionalLong.of(1_000_000_000L));
        assertThat(loaded.routes().get(0).retries()).hasValue(1);
    }

    @Test
    void replacingDropsLimitsThatAreGone() throws Exception {
        database.configRepository().replace(ConfigReader.read(CONFIG).config());
        SignalboxConfig without =
                ConfigReader.read(CONFIG.replace("\"tpmLimit\": 60000", "\"weight\": 7")).config();

        database.configRepository().replace(without);

        TargetConfig a = database.configRepository().load().routes().get(0).targets().get(0);
        assertThat(a.tpmLimit()).isEmpty();
        assertThat(a.weight()).isEqualTo(7);
        assertThat(database.configRepository().load()).isEqualTo(without);
    }
}
