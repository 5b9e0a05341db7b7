package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");
    private static final String ALICE_KEY = "sk-sb-alice-0123456789abcdefghijklmno";
    private static final String BOB_KEY = "sk-sb-bob-0123456789abcdefghijklmnopqr";

    @TempDir Path temp;

    private Database database;
    private ConfigRepository repository;

    @BeforeEach
    void open() {
        database = Database.open(temp.resolve("data"), Clock.fixed(NOW, ZoneOffset.UTC));
        repository = database.configRepository();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void loadsAnEmptyConfigurationFromAFreshDatabase() {
        assertThat(repository.load()).isEqualTo(SignalboxConfig.empty());
    }

    @Test
    void readsBackWhatItStoredInOrder() {
        SignalboxConfig config = sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY));

        repository.replace(config);

        assertThat(repository.load()).isEqualTo(withoutKeys(config));
    }

    @Test
    void storesProviderSecretsEncrypted() {
        repository.replace(sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY)));

        List<String> stored =
                strings(
                        """
                        SELECT api_key FROM providers WHERE api_key IS NOT NULL
                        UNION ALL SELECT header_value FROM provider_headers
                        """);
        assertThat(stored)
                .hasSize(3)
                .allSatisfy(
                        value ->
                                assertThat(value)
                                        .startsWith("v1:")
                                        .doesNotContain("sk-openrouter-secret")
                                        .doesNotContain("Bearer team-token"));
    }

    @Test
    void storesAccessKeysAsHashAndDisplayPrefix() {
        repository.replace(sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY)));

        assertThat(strings("SELECT key_hash FROM access_keys ORDER BY position"))
                .containsExactly(AccessKeys.hash(ALICE_KEY), AccessKeys.hash(BOB_KEY));
        assertThat(database.accessKeyRepository().list())
                .extracting(StoredAccessKey::prefix)
                .containsExactly("sk-sb-alic", "sk-sb-bob-");
    }

    @Test
    void storesADailyTokenLimitAndDropsItWhenTheKeyComesWithoutOne() {
        repository.replace(sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY)));

        assertThat(database.accessKeyRepository().findByKey(ALICE_KEY).orElseThrow())
                .extracting(StoredAccessKey::dailyTokenLimit)
                .isEqualTo(OptionalLong.of(200_000));
        assertThat(database.accessKeyRepository().list())
                .extracting(StoredAccessKey::dailyTokenLimit)
                .containsExactly(OptionalLong.of(200_000), OptionalLong.empty());

        SignalboxConfig unlimited = repository.load();
        repository.replace(
                new SignalboxConfig(
                        unlimited.providers(),
                        unlimited.routes(),
                        unlimited.accessKeys().stream()
                                .map(k -> k.withDailyTokenLimit(OptionalLong.empty()))
                                .toList()));

        assertThat(repository.load().accessKeys())
                .extracting(AccessKeyConfig::dailyTokenLimit)
                .containsOnly(OptionalLong.empty());
        assertThat(database.accessKeyRepository().findByKey(ALICE_KEY))
                .as("the hash survives a change of the limit")
                .isPresent();
    }

    @Test
    void keepsTheStoredHashWhenAnAccessKeyComesWithoutItsKey() {
        repository.replace(sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY)));

        repository.replace(sample(Optional.empty(), Optional.empty()));

        assertThat(database.accessKeyRepository().findByKey(ALICE_KEY))
                .get()
                .extracting(StoredAccessKey::name)
                .isEqualTo("alice");
        assertThat(database.accessKeyRepository().findByKey(BOB_KEY)).isPresent();
    }

    @Test
    void replacesTheHashWhenAnAccessKeyComesWithANewKey() {
        repository.replace(sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY)));
        String newKey = AccessKeys.generate();

        repository.replace(sample(Optional.of(newKey), Optional.empty()));

        assertThat(database.accessKeyRepository().findByKey(ALICE_KEY)).isEmpty();
        assertThat(database.accessKeyRepository().findByKey(newKey)).isPresent();
    }

    @Test
    void refusesAnAccessKeyWithoutKeyOrStoredHashAndChangesNothing() {
        SignalboxConfig before = sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY));
        repository.replace(before);
        SignalboxConfig newcomer =
                new SignalboxConfig(
                        List.of(),
                        List.of(),
                        List.of(new AccessKeyConfig("carol", Optional.empty(), List.of())));

        assertThatThrownBy(() -> repository.replace(newcomer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carol");

        assertThat(repository.load()).isEqualTo(withoutKeys(before));
        assertThat(database.accessKeyRepository().findByKey(ALICE_KEY)).isPresent();
    }

    @Test
    void rollsBackAReplaceThatFailsAfterDeletingTheOldConfiguration() {
        SignalboxConfig before = sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY));
        repository.replace(before);
        RouteConfig chat = new RouteConfig("chat", true, List.of(), List.of(), 60);
        // Providers are written before routes, so this fails midway through the writes.
        SignalboxConfig twoChats =
                new SignalboxConfig(
                        List.of(provider("other", Optional.empty(), Map.of())),
                        List.of(chat, chat),
                        List.of());

        assertThatThrownBy(() -> repository.replace(twoChats))
                .isInstanceOf(PersistenceException.class)
                .hasMessageContaining("replace the configuration");

        assertThat(repository.load()).isEqualTo(withoutKeys(before));
    }

    @Test
    void refusesTwoAccessKeysWithTheSameKey() {
        SignalboxConfig sameKey = sample(Optional.of(ALICE_KEY), Optional.of(ALICE_KEY));

        assertThatThrownBy(() -> repository.replace(sameKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alice")
                .hasMessageContaining("bob")
                .hasMessageNotContaining(ALICE_KEY)
                .hasMessageNotContaining(AccessKeys.hash(ALICE_KEY));
        assertThat(repository.load()).isEqualTo(SignalboxConfig.empty());
    }

    @Test
    void keepsCreationAndLastUseOfAnUnchangedAccessKey() {
        repository.replace(sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY)));
        Instant used = NOW.plusSeconds(60);
        database.accessKeyRepository().markUsed("alice", used);

        repository.replace(sample(Optional.of(ALICE_KEY), Optional.empty()));

        StoredAccessKey alice = database.accessKeyRepository().findByKey(ALICE_KEY).orElseThrow();
        assertThat(alice.createdAt()).isEqualTo(NOW);
        assertThat(alice.lastUsedAt()).contains(used);
    }

    @Test
    void dropsWhatTheNewConfigurationLeavesOut() {
        repository.replace(sample(Optional.of(ALICE_KEY), Optional.of(BOB_KEY)));
        SignalboxConfig smaller =
                new SignalboxConfig(
                        List.of(provider("local", Optional.empty(), Map.of())),
                        List.of(),
                        List.of());

        repository.replace(smaller);

        assertThat(repository.load()).isEqualTo(smaller);
        assertThat(strings("SELECT route FROM route_targets")).isEmpty();
        assertThat(strings("SELECT route FROM access_key_routes")).isEmpty();
    }

    static SignalboxConfig sample(Optional<String> aliceKey, Optional<String> bobKey) {
        ProviderConfig openRouter =
                new ProviderConfig(
                        "openrouter",
                        ProviderConfig.TYPE_OPENAI,
                        "https://openrouter.ai/api/v1",
                        Optional.of("sk-openrouter-secret"),
                        Map.of("Authorization-Extra", "Bearer team-token", "X-Team", "ml"),
                        List.of("openai/gpt-4o-mini", "anthropic/claude-3.5-haiku", "a-model"),
                        true);
        ProviderConfig local = provider("lab-vllm", Optional.empty(), Map.of());
        ProviderConfig disabled =
                new ProviderConfig(
                        "groq",
                        ProviderConfig.TYPE_OPENAI,
                        "https://api.groq.com/openai/v1",
                        Optional.empty(),
                        Map.of(),
                        List.of(),
                        false);
        RouteConfig chat =
                new RouteConfig(
                        "chat",
                        true,
                        List.of(
                                new TargetConfig("lab-vllm", "qwen2.5-7b-instruct", 100, true),
                                new TargetConfig("openrouter", "openai/gpt-4o-mini", 200, true),
                                new TargetConfig("openrouter", "*", 0, false)),
                        List.of(
                                new FallbackConfig("groq", "llama-3.1-8b-instant"),
                                new FallbackConfig("lab-vllm", "qwen2.5-7b-instruct")),
                        60);
        RouteConfig claude =
                new RouteConfig(
                        "claude-*",
                        false,
                        List.of(new TargetConfig("openrouter", "*", 100, true)),
                        List.of(),
                        120);
        RouteConfig aaa = new RouteConfig("aaa", true, List.of(), List.of(), 5);
        return new SignalboxConfig(
                List.of(openRouter, local, disabled),
                List.of(chat, claude, aaa),
                List.of(
                        new AccessKeyConfig(
                                "alice",
                                aliceKey,
                                List.of("chat", "claude-*"),
                                OptionalLong.of(200_000)),
                        new AccessKeyConfig("bob", bobKey, List.of())));
    }

    static ProviderConfig provider(
            String name, Optional<String> apiKey, Map<String, String> headers) {
        return new ProviderConfig(
                name,
                ProviderConfig.TYPE_OPENAI,
                "http://10.0.0.5:8000/v1",
                apiKey,
                headers,
                List.of("qwen2.5-7b-instruct"),
                true);
    }

    private static SignalboxConfig withoutKeys(SignalboxConfig config) {
        return new SignalboxConfig(
                config.providers(),
                config.routes(),
                config.accessKeys().stream()
                        .map(
                                k ->
                                        new AccessKeyConfig(
                                                k.name(),
                                                Optional.empty(),
                                                k.routes(),
                                                k.dailyTokenLimit()))
                        .toList());
    }

    private List<String> strings(String sql) {
        return database.withConnection(
                "read test rows",
                connection -> {
                    List<String> values = new ArrayList<>();
                    try (PreparedStatement select = connection.prepareStatement(sql);
                            ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            values.add(row.getString(1));
                        }
                    }
                    return values;
                });
    }

    @Test
    void storesATrustedCertificateInPlainTextAndReadsItBack() throws Exception {
        String pem;
        try (var in = getClass().getResourceAsStream("/certificates/self-signed.pem")) {
            pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        ProviderConfig provider =
                new ProviderConfig(
                                "gpu-box",
                                ProviderConfig.TYPE_OPENAI,
                                "https://gpu-box-one.lan:8443/v1",
                                Optional.empty(),
                                Map.of(),
                                List.of(),
                                true)
                        .withTrustedCertificate(Optional.of(pem));
        SignalboxConfig config = new SignalboxConfig(List.of(provider), List.of(), List.of());

        repository.replace(config);

        assertThat(repository.load()).isEqualTo(config);
        // A certificate is public: stored as it is, unlike the key beside it.
        assertThat(strings("SELECT trusted_certificate FROM providers")).containsExactly(pem);
    }
}
