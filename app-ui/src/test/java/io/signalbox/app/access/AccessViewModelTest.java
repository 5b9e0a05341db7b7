package io.signalbox.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.AccessKeys;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessViewModelTest {

    /** 11:00 in Berlin, where the day began at 23:00 UTC the evening before. */
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Berlin"));
    private static final String ALICE_KEY = "sk-sb-alice-0123456789abcdef";
    private static final String BOB_KEY = "sk-sb-bob-0123456789abcdefgh";

    @TempDir Path temp;

    private AccessFixture store;
    private AccessViewModel access;

    @BeforeEach
    void start() {
        store = new AccessFixture(temp.resolve("data"), CLOCK);
        store.put(
                new SignalboxConfig(
                        List.of(),
                        List.of(),
                        List.of(
                                new AccessKeyConfig(
                                        "alice",
                                        Optional.of(ALICE_KEY),
                                        List.of(),
                                        OptionalLong.of(1000)),
                                new AccessKeyConfig("bob", Optional.of(BOB_KEY), List.of()))));
        access = new AccessViewModel(store, CLOCK, false);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private KeyRow row(String name) {
        return access.keys().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsEachKeyWithPrefixCreationLastUseAndTodaysUsageSinceLocalMidnight() {
        store.request("bob", Instant.parse("2026-11-21T22:59:59Z"), 500); // 23:59 yesterday
        store.request("bob", Instant.parse("2026-11-21T23:00:00Z"), 40); // 00:00 today
        store.request("bob", NOW.minusSeconds(600), 2);

        access.reload();

        assertThat(access.keys()).extracting(KeyRow::name).containsExactly("alice", "bob");
        KeyRow bob = row("bob");
        assertThat(bob.prefix()).as("a third of a short key at most").isEqualTo("sk-sb-bob");
        assertThat(bob.routesText()).isEqualTo("every route");
        assertThat(bob.created()).isEqualTo("2026-11-22");
        assertThat(bob.lastUsed()).isEqualTo("10 min ago");
        assertThat(bob.requestsToday()).isEqualTo(2);
        assertThat(bob.tokensToday()).isEqualTo(42);
        assertThat(bob.tokensText()).isEqualTo("42");
        assertThat(bob.limitState()).isEqualTo(KeyRow.LimitState.NONE);
        assertThat(row("alice").lastUsed()).isEqualTo("never");
        assertThat(row("alice").tokensText()).isEqualTo("0 of 1,000");
    }

    @ParameterizedTest(name = "{0} of 1000 tokens: {1}")
    @CsvSource({
        "799, OK, ''",
        "800, WARNING, '''alice'' has used 80% of its daily token limit (800 of 1,000).'",
        "999, WARNING, '''alice'' has used 99% of its daily token limit (999 of 1,000).'",
        "1000, REACHED, '''alice'' reached its daily limit (1,000 of 1,000 tokens): its requests get 429 until midnight.'",
        "1377, REACHED, '''alice'' reached its daily limit (1,377 of 1,000 tokens): its requests get 429 until midnight.'"
    })
    void warnsAtEightyPercentOfTheDailyLimitAndSaysWhenItIsReached(
            long tokens, KeyRow.LimitState state, String notice) {
        store.request("alice", NOW.minusSeconds(60), tokens);

        access.reload();

        assertThat(row("alice").limitState()).isEqualTo(state);
        if (notice.isEmpty()) {
            assertThat(access.limitNotices()).isEmpty();
        } else {
            assertThat(access.limitNotices()).containsExactly(notice);
        }
        assertThat(row("alice").limitShare()).isEqualTo(Math.min(1.0, tokens / 1000.0));
    }

    @Test
    void aNewKeyIsShownOnceThenOnlyItsPrefixRemains() {
        KeyEditorViewModel editor = new KeyEditorViewModel(store, AccessKeys::generate);
        editor.openNew();
        editor.nameProperty().set("carol");
        KeyEditorViewModel.Saved saved = editor.save().orElseThrow();
        String key = saved.newKey().orElseThrow();

        access.reload();
        access.keySaved(saved);

        assertThat(access.createdKeyProperty().get()).isEqualTo(key);
        assertThat(access.createdKeyNameProperty().get()).isEqualTo("carol");
        assertThat(row("carol").prefix()).isEqualTo(key.substring(0, 10));

        access.dismissCreatedKey();

        assertThat(access.createdKeyProperty().get()).isNull();
        assertThat(access.keys().toString()).doesNotContain(key);
        access.reload();
        assertThat(row("carol").prefix()).isEqualTo(key.substring(0, 10));
        assertThat(access.createdKeyProperty().get()).as("never shown again").isNull();
    }

    @Test
    void aChangedKeyIsConfirmedWithoutShowingAnyKey() {
        access.reload();
        access.keySaved(new KeyEditorViewModel.Saved("bob", Optional.empty()));

        assertThat(access.createdKeyProperty().get()).isNull();
        assertThat(access.noticeProperty().get()).isEqualTo("Saved the access key 'bob'.");
    }

    @Test
    void revokingAsksFirstAndCancellingChangesNothing() {
        access.reload();

        access.askRevoke("bob");
        assertThat(access.revokeCandidateProperty().get()).isEqualTo("bob");
        assertThat(access.revokeQuestionProperty().get())
                .contains("Revoke 'bob'?", "401", "cannot be restored");
        access.cancelRevoke();

        assertThat(access.revokeCandidateProperty().get()).isNull();
        assertThat(access.confirmRevoke()).isFalse();
        assertThat(store.current().accessKeys()).hasSize(2);
    }

    @Test
    void aConfirmedRevokeRemovesTheKeyAndItsHash() {
        access.reload();

        access.askRevoke("bob");
        assertThat(access.confirmRevoke()).isTrue();

        assertThat(access.keys()).extracting(KeyRow::name).containsExactly("alice");
        assertThat(store.database().accessKeyRepository().findByKey(BOB_KEY)).isEmpty();
        assertThat(store.database().accessKeyRepository().findByKey(ALICE_KEY)).isPresent();
        assertThat(access.noticeProperty().get()).contains("Revoked 'bob'", "401");
    }

    @Test
    void revokingTheLastKeyOnLoopbackSaysTheProxyOpensAgain() {
        access.reload();
        access.askRevoke("bob");
        assertThat(access.revokeQuestionProperty().get()).doesNotContain("last key");
        access.confirmRevoke();

        access.askRevoke("alice");

        assertThat(access.revokeQuestionProperty().get())
                .contains("last key", "any program on this machine");
    }

    @Test
    void revokingTheLastKeyOnANetworkBindSaysWhatThatMeans() {
        AccessViewModel lan = new AccessViewModel(store, CLOCK, true);
        lan.reload();
        lan.askRevoke("bob");
        assertThat(lan.revokeQuestionProperty().get()).doesNotContain("last key");
        lan.confirmRevoke();

        lan.askRevoke("alice");

        assertThat(lan.revokeQuestionProperty().get()).contains("last key", "network");
    }

    @Test
    void followsConfigurationChangesMadeElsewhere() {
        access.reload();
        SignalboxConfig now = store.current();
        store.put(
                new SignalboxConfig(
                        now.providers(),
                        now.routes(),
                        List.of(now.accessKeys().get(1).withDailyTokenLimit(OptionalLong.of(10)))));

        access.configChanged(store.current());

        assertThat(access.keys()).extracting(KeyRow::name).containsExactly("bob");
        assertThat(row("bob").tokensText()).isEqualTo("0 of 10");
    }
}
