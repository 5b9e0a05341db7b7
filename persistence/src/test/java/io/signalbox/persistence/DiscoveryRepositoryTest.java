package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.persistence.DiscoveryRepository.DiscoveredModel;
import io.signalbox.persistence.DiscoveryRepository.DiscoverySnapshot;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryRepositoryTest {

    private static final Instant T1 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-03T09:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-04T09:00:00Z");

    @TempDir Path temp;

    private Database database;
    private DiscoveryRepository discoveries;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("data"));
        discoveries = database.discoveryRepository();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void knowsNothingOfAProviderNeverDiscovered() {
        assertThat(discoveries.last("lab")).isEmpty();
    }

    @Test
    void readsBackTheModelsSortedWithTheirTimes() {
        discoveries.save("lab", List.of("b", "a", "b"), T1);

        DiscoverySnapshot last = discoveries.last("lab").orElseThrow();

        assertThat(last.provider()).isEqualTo("lab");
        assertThat(last.discoveredAt()).isEqualTo(T1);
        assertThat(last.modelIds()).containsExactly("a", "b");
        assertThat(last.models())
                .containsExactly(
                        new DiscoveredModel("a", T1, T1), new DiscoveredModel("b", T1, T1));
    }

    @Test
    void replacesTheListAndKeepsFirstSeenOfModelsStillListed() {
        discoveries.save("lab", List.of("kept", "dropped"), T1);
        discoveries.save("lab", List.of("kept", "added"), T2);
        discoveries.save("lab", List.of("kept", "added", "dropped"), T3);

        assertThat(discoveries.last("lab").orElseThrow().models())
                .containsExactly(
                        new DiscoveredModel("added", T2, T3),
                        // Gone on T2, so it is new again on T3.
                        new DiscoveredModel("dropped", T3, T3),
                        new DiscoveredModel("kept", T1, T3));
    }

    @Test
    void remembersAnEmptyDiscovery() {
        discoveries.save("lab", List.of("a"), T1);
        discoveries.save("lab", List.of(), T2);

        DiscoverySnapshot last = discoveries.last("lab").orElseThrow();

        assertThat(last.discoveredAt()).isEqualTo(T2);
        assertThat(last.models()).isEmpty();
    }

    @Test
    void keepsProvidersApart() {
        discoveries.save("lab", List.of("a"), T1);
        discoveries.save("cloud", List.of("b"), T2);
        discoveries.save("lab", List.of("c"), T3);

        assertThat(discoveries.last("cloud").orElseThrow().modelIds()).containsExactly("b");
        assertThat(discoveries.last("lab").orElseThrow().modelIds()).containsExactly("c");
    }

    @Test
    void survivesAConfigurationReplacement() {
        SignalboxConfig config =
                new SignalboxConfig(
                        List.of(
                                new ProviderConfig(
                                        "lab",
                                        ProviderConfig.TYPE_OPENAI,
                                        "http://localhost:8000/v1",
                                        Optional.empty(),
                                        Map.of(),
                                        List.of(),
                                        true)),
                        List.of(),
                        List.of());
        database.configRepository().replace(config);
        discoveries.save("lab", List.of("a"), T1);

        database.configRepository().replace(config);
        database.configRepository().replace(SignalboxConfig.empty());

        assertThat(discoveries.last("lab").orElseThrow().modelIds()).containsExactly("a");
    }

    @Test
    void survivesARestart() {
        discoveries.save("lab", List.of("a"), T1);
        database.close();

        database = Database.open(temp.resolve("data"));

        assertThat(database.discoveryRepository().last("lab").orElseThrow().models())
                .containsExactly(new DiscoveredModel("a", T1, T1));
    }

    @Test
    void refusesAnIdTheStoreCannotKeepAndChangesNothing() {
        discoveries.save("lab", List.of("a"), T1);

        assertThatThrownBy(
                        () ->
                                discoveries.save(
                                        "lab",
                                        List.of(
                                                "b",
                                                "x"
                                                        .repeat(
                                                                DiscoveryRepository.MAX_MODEL_LENGTH
                                                                        + 1)),
                                        T2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> discoveries.save("lab", List.of(" "), T2))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(discoveries.last("lab").orElseThrow().modelIds()).containsExactly("a");
    }

    @Test
    void keepsAnIdOfTheLongestLength() {
        String longest = "m".repeat(DiscoveryRepository.MAX_MODEL_LENGTH);

        discoveries.save("lab", List.of(longest), T1);

        assertThat(discoveries.last("lab").orElseThrow().modelIds()).containsExactly(longest);
    }
}
