package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsRepositoryTest {

    @TempDir Path temp;

    private Database database;
    private SettingsRepository settings;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("data"));
        settings = database.settingsRepository();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void readsNothingForAnUnknownKey() {
        assertThat(settings.get("proxy.port")).isEmpty();
        assertThat(settings.all()).isEmpty();
    }

    @Test
    void readsBackWhatItStoredAndOverwrites() {
        settings.put("proxy.port", "8337");
        settings.put("proxy.bind", "127.0.0.1");
        settings.put("proxy.port", "9000");

        assertThat(settings.get("proxy.port")).contains("9000");
        assertThat(settings.all())
                .containsExactly(
                        java.util.Map.entry("proxy.bind", "127.0.0.1"),
                        java.util.Map.entry("proxy.port", "9000"));
    }

    @Test
    void removesAKey() {
        settings.put("theme", "dark");

        settings.remove("theme");

        assertThat(settings.get("theme")).isEmpty();
    }
}
