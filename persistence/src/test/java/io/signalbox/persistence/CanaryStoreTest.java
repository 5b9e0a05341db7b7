package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.CanaryConfig;
import io.signalbox.persistence.config.ConfigReader;
import io.signalbox.persistence.config.SignalboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The V11 canary columns and decisions: read back as written, also after a reopen. */
class CanaryStoreTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-02T10:15:30Z"), ZoneOffset.UTC);

    private static final String CONFIG =
            """
            {
              "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
              "routes": [
                { "name": "chat", "targets": [
                    { "provider": "p", "model": "stable" },
                    { "provider": "p", "model": "next",
                      "canary": { "share": 10, "minSuccessPercent": 90, "windowMinutes": 7,
                                  "minRequests": 30 } } ] },
                { "name": "plain", "targets": [ { "provider": "p", "model": "stable" } ] }
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

    private void reopen() {
        database.close();
        database = Database.open(temp.resolve("data"), CLOCK);
    }

    @Test
    void readsBackTheCanaryOfATargetAfterAReopen() throws Exception {
        SignalboxConfig config = ConfigReader.read(CONFIG).config();

        database.configRepository().replace(config);
        reopen();
        SignalboxConfig loaded = database.configRepository().load();

        assertThat(loaded).isEqualTo(config);
        assertThat(loaded.routes().get(0).targets().get(1).canary())
                .contains(new CanaryConfig(10, 90, 7, 30));
        assertThat(loaded.routes().get(0).targets().get(0).canary()).isEmpty();
        assertThat(loaded.routes().get(1).targets().get(0).canary()).isEmpty();
    }

    @Test
    void decisionsSurviveARestartAndAConfigurationReplacement() throws Exception {
        database.configRepository().replace(ConfigReader.read(CONFIG).config());
        CanaryDecisionRecord demoted =
                new CanaryDecisionRecord(
                        Instant.parse("2026-11-02T10:00:00Z"),
                        "chat",
                        "p",
                        "next",
                        "demoted",
                        10,
                        90,
                        7,
                        30,
                        26,
                        30);
        CanaryDecisionRecord rolledBack =
                new CanaryDecisionRecord(
                        Instant.parse("2026-11-02T10:05:00Z"),
                        "chat",
                        "p",
                        "next",
                        "rolled_back",
                        10,
                        90,
                        7,
                        30,
                        0,
                        0);

        database.canaryDecisions().append(demoted);
        database.canaryDecisions().append(rolledBack);
        database.configRepository()
                .replace(
                        ConfigReader.read(
                                        """
                                        {"providers": [{"name": "p", "baseUrl": "http://h/v1"}],
                                         "routes": [{"name": "chat", "targets": [
                                           {"provider": "p", "model": "stable"}]}]}
                                        """)
                                .config());
        reopen();

        assertThat(database.canaryDecisions().newest(10)).containsExactly(rolledBack, demoted);
        assertThat(database.canaryDecisions().newest(1)).containsExactly(rolledBack);
    }
}
