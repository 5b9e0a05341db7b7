package io.signalbox.app.providers;

import static io.signalbox.app.providers.Fixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery, Test and Create route against a real provider on loopback, without a toolkit. */
class ModelsViewModelTest {

    @TempDir Path temp;

    private FakeProviderServer upstream;
    private Fixture fixture;

    @BeforeEach
    void start() throws IOException {
        upstream = new FakeProviderServer(List.of("gpt-4o", "gpt-4o-mini", "o3-mini"));
        fixture = new Fixture(temp.resolve("data"), InlineWork.immediate());
    }

    @AfterEach
    void stop() {
        fixture.close();
        upstream.close();
    }

    private ProviderEditorViewModel saved(String name, String baseUrl, String... models) {
        fixture.store(List.of(provider(name, baseUrl, models)), List.of());
        return new ProviderEditorViewModel(
                fixture.services, Optional.of(fixture.stored(name)), (a, b, c) -> {});
    }

    @Test
    void discoveryFillsTheChecklistAndTheSecondOneMarksWhatChanged() {
        ProviderEditorViewModel editor = saved("openai", upstream.baseUrl(), "gpt-4o");
        ModelsViewModel models = editor.models();

        models.discover();

        assertThat(models.checklist().rows())
                .extracting(ModelRow::id)
                .containsExactly("gpt-4o", "gpt-4o-mini", "o3-mini");
        assertThat(models.checklist().checkedModels()).containsExactly("gpt-4o");
        assertThat(models.discoveryStatusProperty().get()).isEqualTo("3 models found");
        assertThat(models.checklist().rows())
                .extracting(ModelRow::mark)
                .containsOnly(ModelRow.Mark.NONE);

        upstream.listing(List.of("gpt-4o", "gpt-4.1", "o3-mini"));
        models.discover();

        assertThat(row(models, "gpt-4.1").mark()).isEqualTo(ModelRow.Mark.ADDED);
        assertThat(row(models, "gpt-4o-mini").mark()).isEqualTo(ModelRow.Mark.GONE);
        assertThat(models.discoveryStatusProperty().get())
                .startsWith("3 models · 1 new, 1 removed since ");
        assertThat(models.errorTitleProperty().get()).isEmpty();
    }

    @Test
    void theSelectionMadeAfterDiscoveryIsSaved() {
        ProviderEditorViewModel editor = saved("openai", upstream.baseUrl());
        editor.models().discover();

        row(editor.models(), "gpt-4o-mini").checkedProperty().set(true);
        row(editor.models(), "o3-mini").checkedProperty().set(true);
        assertThat(editor.save()).isTrue();

        assertThat(fixture.stored("openai").models()).containsExactly("gpt-4o-mini", "o3-mini");
    }

    @Test
    void aWrongKeyIsSaidInPlainWords() {
        upstream.requiringKey("sk-right");
        ProviderEditorViewModel editor = saved("openai", upstream.baseUrl());
        editor.apiKeyProperty().set("sk-wrong-canary");

        editor.models().discover();

        assertThat(editor.models().errorTitleProperty().get())
                .isEqualTo("Wrong or missing API key");
        assertThat(editor.models().errorTextProperty().get())
                .isEqualTo(
                        "Provider 'openai' rejected the API key (HTTP 401): check the key in the"
                                + " provider settings")
                .doesNotContain("sk-wrong-canary");
        assertThat(editor.models().discoveringProperty().get()).isFalse();
    }

    @Test
    void anUnreachableServerIsSaidInPlainWords() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ProviderEditorViewModel editor = saved("gone", "http://127.0.0.1:" + closedPort + "/v1");

        editor.models().discover();

        assertThat(editor.models().errorTitleProperty().get()).isEqualTo("Server unreachable");
        assertThat(editor.models().errorTextProperty().get())
                .contains("could not be reached at 127.0.0.1:" + closedPort);
    }

    @Test
    void aWrongBaseUrlIsSaidInPlainWords() {
        ProviderEditorViewModel editor = saved("openai", upstream.baseUrl().replace("/v1", ""));

        editor.models().discover();

        assertThat(editor.models().errorTitleProperty().get()).isEqualTo("Wrong base URL");
        assertThat(editor.models().errorTextProperty().get()).contains("ends with /v1");
    }

    @Test
    void anUnsavedDraftIsDiscoveredWithWhatWasTypedButNotRemembered() {
        ProviderEditorViewModel editor =
                new ProviderEditorViewModel(fixture.services, Optional.empty(), (a, b, c) -> {});
        editor.nameProperty().set("draft");
        editor.baseUrlProperty().set(upstream.baseUrl());

        editor.models().discover();

        assertThat(editor.models().checklist().rows()).hasSize(3);
        assertThat(fixture.database.discoveryRepository().last("draft")).isEmpty();
    }

    @Test
    void cancellingADiscoveryStopsWaitingAndKeepsTheList() {
        fixture.close();
        fixture = new Fixture(temp.resolve("held"), InlineWork.held());
        ProviderEditorViewModel editor = saved("openai", upstream.baseUrl(), "gpt-4o");
        ModelsViewModel models = editor.models();

        models.discover();
        assertThat(models.discoveringProperty().get()).isTrue();
        models.cancelDiscovery();
        fixture.work.runAll();

        assertThat(models.discoveringProperty().get()).isFalse();
        assertThat(models.discoveryStatusProperty().get()).startsWith("Discovery cancelled");
        assertThat(models.checklist().rows()).extracting(ModelRow::id).containsExactly("gpt-4o");
        assertThat(upstream.requests).isEmpty();
    }

    @Test
    void testSendsOneTokenWithTheKeyAndShowsTheLatency() {
        upstream.requiringKey("sk-test-canary");
        ProviderEditorViewModel editor = saved("openai", upstream.baseUrl(), "gpt-4o");
        editor.apiKeyProperty().set("sk-test-canary");
        editor.models().focusedModelProperty().set("gpt-4o");

        editor.models().testFocusedModel();

        assertThat(editor.models().actionResultProperty().get())
                .matches("gpt-4o answered in \\d+ ms");
        assertThat(editor.models().actionFailedProperty().get()).isFalse();
        FakeProviderServer.Seen call = upstream.chatRequests().get(0);
        assertThat(call.authorization()).contains("Bearer sk-test-canary");
        assertThat(call.body()).contains("\"max_tokens\":1").contains("\"model\":\"gpt-4o\"");
    }

    @Test
    void aFailedTestSaysWhyWithoutTheKey() {
        upstream.requiringKey("sk-right");
        ProviderEditorViewModel editor = saved("openai", upstream.baseUrl(), "gpt-4o");
        editor.apiKeyProperty().set("sk-wrong-canary");
        editor.models().focusedModelProperty().set("gpt-4o");

        editor.models().testFocusedModel();

        assertThat(editor.models().actionFailedProperty().get()).isTrue();
        assertThat(editor.models().actionResultProperty().get())
                .isEqualTo(
                        "The provider rejected the API key (HTTP 401): Incorrect API key provided");
    }

    @Test
    void createRouteAddsARouteNamedAfterTheModelAndSaysSo() {
        ProviderEditorViewModel editor = saved("openai", upstream.baseUrl(), "gpt-4o");
        editor.models().discover();
        editor.models().focusedModelProperty().set("o3-mini");

        assertThat(editor.models().createRouteFromFocusedModel()).contains("o3-mini");

        RouteConfig route = fixture.config.current().routes().get(0);
        assertThat(route.name()).isEqualTo("o3-mini");
        assertThat(route.targets())
                .containsExactly(new TargetConfig("openai", "o3-mini", 100, true));
        assertThat(fixture.stored("openai").models()).containsExactly("gpt-4o", "o3-mini");
        assertThat(fixture.routesCreated).containsExactly("o3-mini");
    }

    @Test
    void createRouteNeedsTheProviderSaved() {
        ProviderEditorViewModel editor =
                new ProviderEditorViewModel(fixture.services, Optional.empty(), (a, b, c) -> {});
        editor.models().focusedModelProperty().set("gpt-4o");

        assertThat(editor.models().createRouteFromFocusedModel()).isEmpty();
        assertThat(fixture.config.current().routes()).isEmpty();
    }

    private static ModelRow row(ModelsViewModel models, String id) {
        return models.checklist().rows().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
