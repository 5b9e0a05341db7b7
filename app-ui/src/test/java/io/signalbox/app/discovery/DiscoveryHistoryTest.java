package io.signalbox.app.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.persistence.Database;
import io.signalbox.persistence.DiscoveryRepository.DiscoveredModel;
import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discoveries compared with the one before, on a real database that is closed in between. */
class DiscoveryHistoryTest {

    private static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-03T09:00:00Z");

    @TempDir Path temp;

    @Test
    void reportsNothingAsChangedTheFirstTime() throws Exception {
        try (Database database = Database.open(temp);
                FakeUpstream upstream = FakeUpstream.json(list("a", "b"))) {
            DiscoveryResult result =
                    discovery(database, MONDAY)
                            .discover(provider(upstream), SignalboxConfig.empty());

            assertThat(result.provider()).isEqualTo("lab");
            assertThat(result.models()).containsExactly("a", "b");
            assertThat(result.discoveredAt()).isEqualTo(MONDAY);
            assertThat(result.firstDiscovery()).isTrue();
            assertThat(result.previousDiscovery()).isEmpty();
            assertThat(result.added()).isEmpty();
            assertThat(result.gone()).isEmpty();
            assertThat(result.changed()).isFalse();
        }
    }

    @Test
    void reportsModelsAddedAndGoneSinceTheLastDiscoveryAcrossARestart() throws Exception {
        try (Database database = Database.open(temp);
                FakeUpstream upstream = FakeUpstream.json(list("kept", "retired"))) {
            discovery(database, MONDAY).discover(provider(upstream), SignalboxConfig.empty());
        }

        try (Database database = Database.open(temp);
                FakeUpstream upstream = FakeUpstream.json(list("kept", "new-a", "new-b"))) {
            DiscoveryResult result =
                    discovery(database, TUESDAY)
                            .discover(provider(upstream), SignalboxConfig.empty());

            assertThat(result.previousDiscovery()).contains(MONDAY);
            assertThat(result.added()).containsExactly("new-a", "new-b");
            assertThat(result.gone()).containsExactly("retired");
            assertThat(result.changed()).isTrue();
            assertThat(database.discoveryRepository().last("lab").orElseThrow().models())
                    .containsExactly(
                            new DiscoveredModel("kept", MONDAY, TUESDAY),
                            new DiscoveredModel("new-a", TUESDAY, TUESDAY),
                            new DiscoveredModel("new-b", TUESDAY, TUESDAY));
        }
    }

    @Test
    void storesNothingWhenTheDiscoveryFails() throws Exception {
        try (Database database = Database.open(temp)) {
            try (FakeUpstream upstream = FakeUpstream.json(list("a"))) {
                discovery(database, MONDAY).discover(provider(upstream), SignalboxConfig.empty());
            }
            try (FakeUpstream upstream = FakeUpstream.answering(500, "text/plain", "down")) {
                assertThatThrownBy(
                                () ->
                                        discovery(database, TUESDAY)
                                                .discover(
                                                        provider(upstream),
                                                        SignalboxConfig.empty()))
                        .isInstanceOf(DiscoveryException.class);
            }

            assertThat(database.discoveryRepository().last("lab").orElseThrow().discoveredAt())
                    .isEqualTo(MONDAY);
        }
    }

    @Test
    void flagsTheTargetsAndFallbacksWhoseModelDisappearedUpstream() throws Exception {
        SignalboxConfig config =
                new SignalboxConfig(
                        List.of(),
                        List.of(
                                new RouteConfig(
                                        "chat",
                                        true,
                                        List.of(
                                                new TargetConfig("lab", "kept", 100, true),
                                                new TargetConfig("lab", "retired", 100, true),
                                                new TargetConfig("other", "retired", 100, true),
                                                new TargetConfig("lab", "*", 100, true)),
                                        List.of(new FallbackConfig("lab", "also-retired")),
                                        60)),
                        List.of());
        try (Database database = Database.open(temp);
                FakeUpstream upstream = FakeUpstream.json(list("kept"))) {
            DiscoveryResult result =
                    discovery(database, MONDAY).discover(provider(upstream), config);

            assertThat(result.missingTargets())
                    .containsExactly(
                            new TargetRef("chat", TargetRef.Role.TARGET, 1, "lab", "retired"),
                            new TargetRef(
                                    "chat", TargetRef.Role.FALLBACK, 0, "lab", "also-retired"));
        }
    }

    @Test
    void readsTheRoutesFromTheCurrentConfigurationWhenNoneIsPassed() throws Exception {
        SignalboxConfig config =
                new SignalboxConfig(
                        List.of(),
                        List.of(
                                new RouteConfig(
                                        "chat",
                                        true,
                                        List.of(new TargetConfig("lab", "gone", 100, true)),
                                        List.of(),
                                        60)),
                        List.of());
        try (Database database = Database.open(temp);
                FakeUpstream upstream = FakeUpstream.json(list("kept"))) {
            ModelDiscovery discovery =
                    new ModelDiscovery(
                            database.discoveryRepository(),
                            () -> config,
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(5),
                            Clock.fixed(MONDAY, ZoneOffset.UTC));

            assertThat(discovery.discover(provider(upstream)).missingTargets())
                    .extracting(TargetRef::model)
                    .containsExactly("gone");
        }
    }

    private static ModelDiscovery discovery(Database database, Instant now) {
        return new ModelDiscovery(
                database.discoveryRepository(),
                SignalboxConfig::empty,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ProviderConfig provider(FakeUpstream upstream) {
        return new ProviderConfig(
                "lab",
                ProviderConfig.TYPE_OPENAI,
                upstream.baseUrl(),
                Optional.of("sk-lab"),
                Map.of(),
                List.of(),
                true);
    }

    private static String list(String... ids) {
        StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\"}");
        }
        return json.append("]}").toString();
    }
}
