package io.signalbox.app.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingTargetsTest {

    @Test
    void listsTargetsThenFallbacksOfTheProviderInRouteOrder() {
        SignalboxConfig config =
                config(
                        route(
                                "b-route",
                                List.of(
                                        new TargetConfig("lab", "gone-1", 100, true),
                                        new TargetConfig("lab", "here", 100, true)),
                                List.of(new FallbackConfig("lab", "gone-2"))),
                        route(
                                "a-route",
                                List.of(new TargetConfig("lab", "gone-3", 0, false)),
                                List.of()));

        assertThat(MissingTargets.find(config, "lab", List.of("here")))
                .containsExactly(
                        new TargetRef("b-route", TargetRef.Role.TARGET, 0, "lab", "gone-1"),
                        new TargetRef("b-route", TargetRef.Role.FALLBACK, 0, "lab", "gone-2"),
                        new TargetRef("a-route", TargetRef.Role.TARGET, 0, "lab", "gone-3"));
    }

    @Test
    void ignoresPassThroughTargetsAndOtherProviders() {
        SignalboxConfig config =
                config(
                        route(
                                "any",
                                List.of(
                                        new TargetConfig("lab", "*", 100, true),
                                        new TargetConfig("cloud", "gone", 100, true)),
                                List.of(new FallbackConfig("cloud", "gone"))));

        assertThat(MissingTargets.find(config, "lab", List.of())).isEmpty();
    }

    @Test
    void takesABareOllamaNameAsItsLatestTag() {
        SignalboxConfig config =
                config(
                        route(
                                "local",
                                List.of(
                                        new TargetConfig("ollama", "llama3", 100, true),
                                        new TargetConfig("ollama", "qwen2.5", 100, true),
                                        new TargetConfig("ollama", "llama3:70b", 100, true)),
                                List.of()));

        assertThat(MissingTargets.find(config, "ollama", List.of("llama3:latest", "qwen2.5:7b")))
                .extracting(TargetRef::model)
                .containsExactly("qwen2.5", "llama3:70b");
    }

    @Test
    void matchesModelNamesExactly() {
        SignalboxConfig config =
                config(
                        route(
                                "chat",
                                List.of(new TargetConfig("router", "openai/GPT-4o", 100, true)),
                                List.of()));

        assertThat(MissingTargets.find(config, "router", List.of("openai/gpt-4o")))
                .extracting(TargetRef::model)
                .containsExactly("openai/GPT-4o");
    }

    private static SignalboxConfig config(RouteConfig... routes) {
        return new SignalboxConfig(List.of(), List.of(routes), List.of());
    }

    private static RouteConfig route(
            String name, List<TargetConfig> targets, List<FallbackConfig> fallbacks) {
        return new RouteConfig(name, true, targets, fallbacks, 60);
    }
}
