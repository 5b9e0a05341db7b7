package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeyRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

    @TempDir Path temp;

    private final String aliceKey = AccessKeys.generate();
    private final String bobKey = AccessKeys.generate();
    private Database database;
    private AccessKeyRepository repository;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("data"), Clock.fixed(NOW, ZoneOffset.UTC));
        repository = database.accessKeyRepository();
        database.configRepository()
                .replace(
                        new SignalboxConfig(
                                List.of(),
                                List.of(),
                                List.of(
                                        new AccessKeyConfig("bob", Optional.of(bobKey), List.of()),
                                        new AccessKeyConfig(
                                                "alice",
                                                Optional.of(aliceKey),
                                                List.of("chat", "claude-*")))));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void findsAnAccessKeyByItsPlaintext() {
        StoredAccessKey alice = repository.findByKey(aliceKey).orElseThrow();

        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.prefix()).isEqualTo(aliceKey.substring(0, 10));
        assertThat(alice.routes()).containsExactly("chat", "claude-*");
        assertThat(alice.allowsRoute("chat")).isTrue();
        assertThat(alice.allowsRoute("embed")).isFalse();
        assertThat(alice.createdAt()).isEqualTo(NOW);
        assertThat(alice.lastUsedAt()).isEmpty();
        assertThat(repository.findByKey(bobKey).orElseThrow().allowsAllRoutes()).isTrue();
    }

    @Test
    void findsNothingForAnUnknownKey() {
        assertThat(repository.findByKey(AccessKeys.generate())).isEmpty();
        assertThat(repository.findByKey("")).isEmpty();
        assertThat(repository.findByKey(aliceKey + " ")).isEmpty();
    }

    @Test
    void listsAccessKeysInConfigurationOrder() {
        assertThat(repository.list())
                .extracting(StoredAccessKey::name)
                .containsExactly("bob", "alice");
        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void recordsTheLastUseButNeverMovesItBack() {
        Instant later = NOW.plusSeconds(3600);

        repository.markUsed("alice", later);
        repository.markUsed("alice", NOW.plusSeconds(5));

        assertThat(repository.findByKey(aliceKey).orElseThrow().lastUsedAt()).contains(later);
        assertThat(repository.findByKey(bobKey).orElseThrow().lastUsedAt()).isEmpty();
    }

    @Test
    void showsNeitherKeyNorHashInToString() {
        String text = repository.findByKey(aliceKey).orElseThrow().toString();

        assertThat(text)
                .contains("alice")
                .doesNotContain(aliceKey)
                .doesNotContain(AccessKeys.hash(aliceKey));
    }
}
