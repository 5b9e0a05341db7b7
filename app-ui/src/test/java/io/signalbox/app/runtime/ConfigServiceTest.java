package io.signalbox.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.persistence.Database;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigServiceTest {

    @TempDir Path temp;

    private Database database;
    private final List<SignalboxConfig> applied = new ArrayList<>();
    private ConfigService service;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("data"));
        service =
                new ConfigService(
                        database.configRepository(), database.accessKeyRepository(), applied::add);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static ProviderConfig provider(String name) {
        return new ProviderConfig(
                name,
                ProviderConfig.TYPE_OPENAI,
                "http://127.0.0.1:11434/v1",
                Optional.of("sk-" + name + "-secret"),
                Map.of(),
                List.of("llama3"),
                true);
    }

    private static RouteConfig route(String name, String provider) {
        return new RouteConfig(
                name,
                true,
                List.of(new TargetConfig(provider, "llama3", 100, true)),
                List.of(),
                RouteConfig.DEFAULT_TIMEOUT_SECONDS);
    }

    @Test
    void aValidEditIsStoredAndAppliedAtOnce() throws Exception {
        SignalboxConfig edited =
                new SignalboxConfig(
                        List.of(provider("ollama")), List.of(route("chat", "ollama")), List.of());

        List<SignalboxConfig> heard = new ArrayList<>();
        service.addListener(heard::add);

        SignalboxConfig stored = service.replace(edited);

        assertThat(stored).isEqualTo(edited);
        assertThat(heard).containsExactly(edited);
        assertThat(service.current()).isEqualTo(edited);
        assertThat(applied).containsExactly(edited);
    }

    @Test
    void anInvalidEditNamesTheProblemAndChangesNothing() throws Exception {
        SignalboxConfig first =
                service.replace(
                        new SignalboxConfig(
                                List.of(provider("ollama")),
                                List.of(route("chat", "ollama")),
                                List.of()));
        SignalboxConfig broken =
                new SignalboxConfig(
                        List.of(provider("ollama")),
                        List.of(route("chat", "ollama"), route("other", "nowhere")),
                        List.of());

        assertThatThrownBy(() -> service.replace(broken))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .anySatisfy(
                                                problem ->
                                                        assertThat(problem.path())
                                                                .startsWith("routes[1]")));
        assertThat(service.current()).isEqualTo(first);
        assertThat(applied).containsExactly(first);
    }
}
