package io.signalbox.app.providers;

import static io.signalbox.app.providers.Fixture.provider;
import static io.signalbox.app.providers.Fixture.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen's state: the list, the first run, removal, and changes stored elsewhere. */
class ProvidersViewModelTest {

    @TempDir Path temp;

    private FakeProviderServer localServer;
    private Fixture fixture;
    private int closedPort;

    @BeforeEach
    void start() throws IOException {
        localServer = new FakeProviderServer(List.of("llama3.1:8b", "qwen2.5:7b"));
        fixture = new Fixture(temp.resolve("data"), InlineWork.immediate());
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
        localServer.close();
    }

    private ProvidersViewModel screen() {
        LocalServerProbe probe =
                new LocalServerProbe(
                        fixture.discovery(Duration.ofSeconds(2)),
                        List.of(
                                new LocalServer(ProviderPreset.OLLAMA, localServer.baseUrl()),
                                new LocalServer(
                                        ProviderPreset.LM_STUDIO,
                                        "http://127.0.0.1:" + closedPort + "/v1")));
        return new ProvidersViewModel(fixture.services, probe, Runnable::run);
    }

    @Test
    void theFirstRunFindsTheLocalServerThatRunsAndAddsItInOneStep() {
        ProvidersViewModel screen = screen();

        assertThat(screen.firstRunProperty().get()).isTrue();
        assertThat(screen.localServers())
                .extracting(found -> found.server().preset())
                .containsExactly(ProviderPreset.OLLAMA);
        assertThat(screen.localServers().get(0).models()).hasSize(2);
        assertThat(screen.probeStatusProperty().get())
                .isEqualTo("Running on this machine, ready to add:");

        screen.addLocalServer(screen.localServers().get(0));

        ProviderConfig added = fixture.stored("ollama");
        assertThat(added.baseUrl()).isEqualTo(localServer.baseUrl());
        assertThat(added.apiKey()).isEmpty();
        assertThat(added.models()).containsExactly("llama3.1:8b", "qwen2.5:7b");
        assertThat(screen.firstRunProperty().get()).isFalse();
        assertThat(screen.selectedNameProperty().get()).isEqualTo("ollama");
        assertThat(screen.editorProperty().get().models().checklist().rows())
                .extracting(ModelRow::id)
                .containsExactly("llama3.1:8b", "qwen2.5:7b");
        assertThat(screen.editorProperty().get().models().discoveryStatusProperty().get())
                .isEqualTo("2 models found");
    }

    @Test
    void addProviderLeavesTheFirstRunForAnEmptyEditor() {
        ProvidersViewModel screen = screen();

        ProviderEditorViewModel draft = screen.addProvider(Optional.of(ProviderPreset.DEEPSEEK));

        assertThat(screen.firstRunProperty().get()).isFalse();
        assertThat(draft.isNew()).isTrue();
        assertThat(draft.baseUrlProperty().get()).isEqualTo("https://api.deepseek.com/v1");
        draft.apiKeyProperty().set("sk-deepseek-canary");
        assertThat(draft.save()).isTrue();
        assertThat(screen.providers()).extracting(ProviderConfig::name).containsExactly("deepseek");
        assertThat(screen.selectedNameProperty().get()).isEqualTo("deepseek");
    }

    @Test
    void aProviderUsedByRoutesIsNotRemovedAndTheRoutesAreNamed() {
        fixture.store(
                List.of(provider("ollama", "http://localhost:11434/v1", "qwen")),
                List.of(route("chat", "ollama", "qwen"), route("code", "ollama", "qwen")));
        ProvidersViewModel screen = screen();

        screen.requestRemove();

        ProvidersViewModel.RemovalPrompt prompt = screen.removalProperty().get();
        assertThat(prompt.blocked()).isTrue();
        assertThat(prompt.text())
                .isEqualTo(
                        "'ollama' is used by the routes chat, code. Remove or re-point those"
                                + " targets in Routes first, then remove the provider.");
        screen.confirmRemove();
        assertThat(fixture.config.current().providers()).hasSize(1);
    }

    @Test
    void anUnusedProviderIsRemovedAfterConfirmationOnly() {
        fixture.store(
                List.of(
                        provider("ollama", "http://localhost:11434/v1"),
                        provider("groq", "https://api.groq.com/openai/v1")),
                List.of());
        ProvidersViewModel screen = screen();

        screen.requestRemove();
        assertThat(screen.removalProperty().get().text())
                .isEqualTo("Remove 'ollama' and its stored API key? This cannot be undone.");
        screen.cancelRemove();
        assertThat(fixture.config.current().providers()).hasSize(2);

        screen.requestRemove();
        screen.confirmRemove();

        assertThat(fixture.config.current().providers()).extracting("name").containsExactly("groq");
        assertThat(screen.selectedNameProperty().get()).isEqualTo("groq");
        assertThat(screen.removalProperty().get()).isNull();
    }

    @Test
    void removingTheLastProviderReturnsToTheFirstRun() {
        fixture.store(List.of(provider("ollama", "http://localhost:11434/v1")), List.of());
        ProvidersViewModel screen = screen();

        screen.requestRemove();
        screen.confirmRemove();

        assertThat(screen.firstRunProperty().get()).isTrue();
        assertThat(screen.localServers()).hasSize(1);
    }

    @Test
    void discardingANewProviderNeedsNoConfirmation() {
        fixture.store(List.of(provider("ollama", "http://localhost:11434/v1")), List.of());
        ProvidersViewModel screen = screen();
        screen.addProvider(Optional.empty());

        screen.requestRemove();

        assertThat(screen.removalProperty().get()).isNull();
        assertThat(screen.selectedNameProperty().get()).isEqualTo("ollama");
    }

    @Test
    void unsavedEditsSurviveALookAtAnotherProvider() {
        fixture.store(
                List.of(
                        provider("a", "http://localhost:1/v1"),
                        provider("b", "http://localhost:2/v1")),
                List.of());
        ProvidersViewModel screen = screen();
        screen.editorProperty().get().baseUrlProperty().set("http://localhost:9/v1");

        screen.select("b");
        screen.select("a");

        assertThat(screen.editorProperty().get().baseUrlProperty().get())
                .isEqualTo("http://localhost:9/v1");
        assertThat(screen.editorProperty().get().dirtyProperty().get()).isTrue();
    }

    @Test
    void aConfigurationStoredElsewhereReachesTheList() throws InvalidConfigException {
        fixture.store(List.of(provider("a", "http://localhost:1/v1")), List.of());
        ProvidersViewModel screen = screen();

        fixture.config.replace(
                new SignalboxConfig(
                        List.of(
                                provider("a", "http://localhost:7/v1"),
                                provider("c", "http://c/v1")),
                        List.of(),
                        List.of()));

        assertThat(screen.providers()).extracting(ProviderConfig::name).containsExactly("a", "c");
        assertThat(screen.editorProperty().get().baseUrlProperty().get())
                .isEqualTo("http://localhost:7/v1");
    }

    @Test
    void aProviderRemovedElsewhereClosesItsEditor() throws InvalidConfigException {
        fixture.store(
                List.of(
                        provider("a", "http://localhost:1/v1"),
                        provider("b", "http://localhost:2/v1")),
                List.of());
        ProvidersViewModel screen = screen();

        fixture.config.replace(
                new SignalboxConfig(
                        List.of(provider("b", "http://localhost:2/v1")), List.of(), List.of()));

        assertThat(screen.selectedNameProperty().get()).isEqualTo("b");
    }
}
