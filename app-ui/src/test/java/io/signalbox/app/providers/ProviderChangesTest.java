package io.signalbox.app.providers;

import static io.signalbox.app.providers.Fixture.provider;
import static io.signalbox.app.providers.Fixture.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderChangesTest {

    private static final SignalboxConfig CONFIG =
            new SignalboxConfig(
                    List.of(provider("ollama", "http://localhost:11434/v1", "qwen2.5:7b")),
                    List.of(
                            new RouteConfig(
                                    "chat",
                                    true,
                                    List.of(new TargetConfig("ollama", "qwen2.5:7b", 100, true)),
                                    List.of(new FallbackConfig("ollama", "llama3")),
                                    60),
                            route("code", "other", "x"),
                            route("qwen2.5:7b", "ollama", "qwen2.5:7b")),
                    List.of());

    @Test
    void aRenamedProviderTakesItsTargetsAndFallbacksAlong() {
        SignalboxConfig next =
                ProviderChanges.put(
                        CONFIG,
                        Optional.of("ollama"),
                        provider("local", "http://localhost:11434/v1", "qwen2.5:7b"));

        assertThat(next.providers()).extracting("name").containsExactly("local");
        RouteConfig chat = next.routes().get(0);
        assertThat(chat.targets().get(0).provider()).isEqualTo("local");
        assertThat(chat.fallbacks().get(0).provider()).isEqualTo("local");
        assertThat(next.routes().get(1).targets().get(0).provider()).isEqualTo("other");
    }

    @Test
    void aNewProviderIsAddedAtTheEnd() {
        SignalboxConfig next =
                ProviderChanges.put(CONFIG, Optional.empty(), provider("groq", "https://g/v1"));

        assertThat(next.providers()).extracting("name").containsExactly("ollama", "groq");
        assertThat(next.routes()).isEqualTo(CONFIG.routes());
    }

    @Test
    void routesUsingAProviderAreNamedOnceEach() {
        assertThat(ProviderChanges.routesUsing(CONFIG, "ollama"))
                .containsExactly("chat", "qwen2.5:7b");
        assertThat(ProviderChanges.routesUsing(CONFIG, "nobody")).isEmpty();
    }

    @Test
    void aNewRouteIsNamedAfterTheModelWithASuffixWhenTaken() {
        NewRoute first = NewRoute.of(CONFIG, "ollama", "qwen2.5:7b");

        assertThat(first.routeName()).isEqualTo("qwen2.5:7b-2");
        RouteConfig created = first.config().routes().get(3);
        assertThat(created.targets())
                .containsExactly(new TargetConfig("ollama", "qwen2.5:7b", 100, true));
        assertThat(created.fallbacks()).isEmpty();
        assertThat(NewRoute.of(first.config(), "ollama", "qwen2.5:7b").routeName())
                .isEqualTo("qwen2.5:7b-3");
    }

    @Test
    void aNewRouteSelectsItsModelAtTheProvider() {
        NewRoute created = NewRoute.of(CONFIG, "ollama", "llama3");

        assertThat(created.routeName()).isEqualTo("llama3");
        assertThat(created.config().providers().get(0).models())
                .containsExactly("qwen2.5:7b", "llama3");
    }

    @Test
    void characterARouteNameCannotHoldBecomeDashesAndGlobsNeverSlipIn() {
        assertThat(NewRoute.baseName("hf.co/org/Model Q4*?")).isEqualTo("hf.co/org/Model-Q4--");
        assertThat(NewRoute.baseName("  ")).isEqualTo("route");
    }

    @Test
    void unusedNamesCountUpFromTwo() {
        SignalboxConfig two =
                ProviderChanges.put(CONFIG, Optional.empty(), provider("ollama-2", "http://x/v1"));

        assertThat(ProviderChanges.unusedProviderName(two, "ollama")).isEqualTo("ollama-3");
        assertThat(ProviderChanges.unusedProviderName(two, "vllm")).isEqualTo("vllm");
    }
}
