package io.signalbox.app.routes;

import static io.signalbox.app.routes.StoreFixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.proxy.routing.FailureKind;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.HealthPolicy;
import io.signalbox.proxy.routing.TargetKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir Path temp;

    private StoreFixture store;
    private final HealthBook health = new HealthBook(HealthPolicy.defaults());
    private RoutesViewModel routes;

    @BeforeEach
    void start() {
        store = new StoreFixture(temp.resolve("data"));
        store.put(
                new SignalboxConfig(
                        List.of(
                                provider("ollama", "qwen", "llama", "nemo"),
                                provider("cloud", "mini")),
                        List.of(
                                new RouteConfig(
                                        "chat",
                                        true,
                                        List.of(
                                                new TargetConfig("ollama", "qwen", 100, true),
                                                new TargetConfig("cloud", "mini", 200, true),
                                                new TargetConfig("ollama", "llama", 50, false)),
                                        List.of(new FallbackConfig("ollama", "nemo")),
                                        60),
                                new RouteConfig(
                                        "code",
                                        true,
                                        List.of(new TargetConfig("cloud", "mini", 100, true)),
                                        List.of(),
                                        30)),
                        List.of(
                                new AccessKeyConfig(
                                        "alice",
                                        Optional.of("sk-sb-0123456789abcdef0123"),
                                        List.of("chat", "code")),
                                new AccessKeyConfig(
                                        "bob",
                                        Optional.of("sk-sb-abcdef0123456789abcd"),
                                        List.of("code")))));
        routes = new RoutesViewModel(store, health::snapshot, Clock.fixed(NOW, ZoneOffset.UTC));
        routes.reload();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private List<String> names() {
        return routes.routes().stream().map(RouteSummary::name).toList();
    }

    @Test
    void eachRouteShowsItsSplitFallbackCountAndHealth() {
        RouteSummary chat = routes.routes().get(0);

        assertThat(chat.split())
                .extracting(SplitSegment::share)
                .containsExactly(1.0 / 3, 2.0 / 3, 0.0);
        assertThat(chat.fallbackCount()).isEqualTo(1);
        assertThat(chat.details()).isEqualTo("3 targets · timeout 60 s");
        assertThat(chat.health())
                .extracting(TargetStatus::kind)
                .containsExactly(
                        TargetStatus.Kind.HEALTHY,
                        TargetStatus.Kind.HEALTHY,
                        TargetStatus.Kind.DISABLED);
    }

    @Test
    void healthDotsFollowTheProxysHealthBook() {
        health.recordFailure(
                new TargetKey("cloud", "mini"),
                FailureKind.RATE_LIMITED,
                Optional.of(Duration.ofSeconds(30)),
                NOW);

        routes.refreshHealth();

        TargetStatus mini = routes.routes().get(0).health().get(1);
        assertThat(mini.kind()).isEqualTo(TargetStatus.Kind.COOLING);
        assertThat(mini.description())
                .isEqualTo(
                        "cloud / mini: cooling until 10:00:30 (the provider is rate limiting requests)");
        assertThat(routes.routes().get(1).health().get(0).kind())
                .isEqualTo(TargetStatus.Kind.COOLING);
    }

    @Test
    void switchingARouteOffIsSavedAtOnce() {
        assertThat(routes.setEnabled("code", false)).isTrue();

        assertThat(RouteConfigs.find(store.current(), "code").orElseThrow().enabled()).isFalse();
        assertThat(routes.routes().get(1).enabled()).isFalse();
    }

    @Test
    void renamingCarriesTheNameIntoAccessKeys() {
        assertThat(routes.rename("code", "coder")).isTrue();

        assertThat(names()).containsExactly("chat", "coder");
        assertThat(store.current().accessKeys())
                .extracting(AccessKeyConfig::routes)
                .containsExactly(List.of("chat", "coder"), List.of("coder"));
    }

    @Test
    void aRenameToATakenOrInvalidNameIsRefusedWithAMessage() {
        assertThat(routes.rename("code", "chat")).isFalse();
        assertThat(routes.messageProperty().get())
                .isEqualTo("The name another route is named 'chat'.");

        assertThat(routes.rename("code", "a b")).isFalse();
        assertThat(routes.messageProperty().get()).startsWith("The name use up to 128 letters");
        assertThat(names()).containsExactly("chat", "code");
    }

    @Test
    void duplicatesAreNamedCopyThenCopy2AndSitAfterTheOriginal() {
        assertThat(routes.duplicate("chat")).isEqualTo("chat-copy");
        assertThat(routes.duplicate("chat")).isEqualTo("chat-copy-2");

        assertThat(names()).containsExactly("chat", "chat-copy-2", "chat-copy", "code");
        RouteConfig copy = RouteConfigs.find(store.current(), "chat-copy").orElseThrow();
        assertThat(copy.targets())
                .isEqualTo(RouteConfigs.find(store.current(), "chat").orElseThrow().targets());
        // No key is widened to the copy.
        assertThat(store.current().accessKeys().get(0).routes()).containsExactly("chat", "code");
    }

    @Test
    void aDeleteCanBeUndoneWithTheKeysAsTheyWere() {
        assertThat(routes.delete("chat")).isTrue();
        assertThat(names()).containsExactly("code");
        assertThat(store.current().accessKeys().get(0).routes()).containsExactly("code");
        assertThat(routes.undoTextProperty().get()).isEqualTo("Deleted the route 'chat'.");

        assertThat(routes.undoDelete()).isEqualTo("chat");

        assertThat(names()).containsExactly("chat", "code");
        assertThat(store.current().accessKeys().get(0).routes())
                .containsExactlyInAnyOrder("chat", "code");
        assertThat(routes.undoTextProperty().get()).isNull();
        assertThat(routes.undoDelete()).isNull();
    }

    @Test
    void aRouteThatIsAKeysOnlyRouteIsNotDeleted() {
        assertThat(routes.delete("code")).isFalse();

        assertThat(routes.messageProperty().get()).contains("'bob' may call only this route");
        assertThat(names()).containsExactly("chat", "code");
    }

    @Test
    void aChangeFromElsewhereShowsInTheList() throws Exception {
        SignalboxConfig current = store.current();
        store.replace(
                new SignalboxConfig(
                        current.providers(), List.of(current.routes().get(0)), List.of()));

        routes.configChanged(store.current());

        assertThat(names()).containsExactly("chat");
    }

    @Test
    void targetsOfAProviderThatIsOffTakeNoShare() throws Exception {
        SignalboxConfig current = store.current();
        var cloud = current.providers().get(1);
        store.replace(
                new SignalboxConfig(
                        List.of(
                                current.providers().get(0),
                                new io.signalbox.persistence.config.ProviderConfig(
                                        cloud.name(),
                                        cloud.type(),
                                        cloud.baseUrl(),
                                        cloud.apiKey(),
                                        cloud.headers(),
                                        cloud.models(),
                                        false)),
                        current.routes(),
                        current.accessKeys()));

        routes.reload();

        RouteSummary chat = routes.routes().get(0);
        assertThat(chat.split()).extracting(SplitSegment::share).containsExactly(1.0, 0.0, 0.0);
        assertThat(chat.health().get(1).description())
                .isEqualTo("cloud / mini: the provider 'cloud' is switched off");
    }
}
