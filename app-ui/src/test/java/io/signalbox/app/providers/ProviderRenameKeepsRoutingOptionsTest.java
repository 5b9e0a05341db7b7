package io.signalbox.app.providers;

import static io.signalbox.app.providers.Fixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.RouteSelection;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.persistence.config.TargetMatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Renaming a provider rewrites its routes' targets; their conditions, retries and turns stay. */
class ProviderRenameKeepsRoutingOptionsTest {

    @Test
    void aRenamedProvidersTargetsKeepTheirConditionsAndTheRouteItsOptions() {
        TargetMatch premium =
                new TargetMatch(Map.of("user-type", "premium"), Map.of(), Optional.empty());
        SignalboxConfig config =
                new SignalboxConfig(
                        List.of(provider("ollama", "http://localhost:11434/v1", "big", "small")),
                        List.of(
                                new RouteConfig(
                                        "chat",
                                        true,
                                        List.of(
                                                new TargetConfig(
                                                        "ollama", "big", 100, true, premium),
                                                new TargetConfig("ollama", "small", 100, true)),
                                        List.of(),
                                        60,
                                        OptionalInt.of(0),
                                        RouteSelection.ROUND_ROBIN)),
                        List.of());

        SignalboxConfig next =
                ProviderChanges.put(
                        config,
                        Optional.of("ollama"),
                        provider("local", "http://localhost:11434/v1", "big", "small"));

        RouteConfig chat = next.routes().get(0);
        assertThat(chat.targets())
                .containsExactly(
                        new TargetConfig("local", "big", 100, true, premium),
                        new TargetConfig("local", "small", 100, true));
        assertThat(chat.retries()).isEqualTo(OptionalInt.of(0));
        assertThat(chat.selection()).isEqualTo(RouteSelection.ROUND_ROBIN);
    }
}
