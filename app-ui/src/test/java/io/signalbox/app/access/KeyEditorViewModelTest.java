package io.signalbox.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.AccessKeys;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyEditorViewModelTest {

    private static final String BOB_KEY = "sk-sb-bob-0123456789abcdef";

    @TempDir Path temp;

    private AccessFixture store;
    private KeyEditorViewModel editor;

    @BeforeEach
    void start() {
        store =
                new AccessFixture(
                        temp.resolve("data"),
                        Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        store.put(
                new SignalboxConfig(
                        List.of(
                                new ProviderConfig(
                                        "local",
                                        ProviderConfig.TYPE_OPENAI,
                                        "http://127.0.0.1:9/v1",
                                        Optional.empty(),
                                        Map.of(),
                                        List.of("m"),
                                        true)),
                        List.of(route("chat"), route("code")),
                        List.of(
                                new AccessKeyConfig(
                                        "bob", Optional.of(BOB_KEY), List.of("code")))));
        editor = new KeyEditorViewModel(store, AccessKeys::generate);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static RouteConfig route(String name) {
        return new RouteConfig(
                name, true, List.of(new TargetConfig("local", "m", 100, true)), List.of(), 60);
    }

    private AccessKeyConfig stored(String name) {
        return store.current().accessKeys().stream()
                .filter(key -> key.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private void tick(String route) {
        editor.routes().stream()
                .filter(choice -> choice.name().equals(route))
                .findFirst()
                .orElseThrow()
                .selected()
                .set(true);
    }

    @Test
    void aNewKeyIsGeneratedHandedBackOnceAndStoredOnlyAsItsHash() {
        editor.openNew();
        editor.nameProperty().set("alice");
        tick("chat");

        KeyEditorViewModel.Saved saved = editor.save().orElseThrow();

        String key = saved.newKey().orElseThrow();
        assertThat(key).startsWith(AccessKeys.KEY_PREFIX).hasSizeGreaterThanOrEqualTo(38);
        assertThat(saved.toString()).doesNotContain(key);
        assertThat(stored("alice").routes()).containsExactly("chat");
        assertThat(stored("alice").key()).as("never read back").isEmpty();
        assertThat(store.database().accessKeyRepository().findByKey(key))
                .hasValueSatisfying(found -> assertThat(found.name()).isEqualTo("alice"));
        assertThat(stored("bob").routes()).as("other keys unchanged").containsExactly("code");
    }

    @Test
    void noRouteTickedMeansEveryRouteAndTheFormSaysSo() {
        editor.openNew();
        editor.nameProperty().set("ci");

        assertThat(editor.routes())
                .extracting(KeyEditorViewModel.RouteChoice::name)
                .containsExactly("chat", "code");
        assertThat(editor.routesSummaryProperty().get()).contains("every route");
        tick("code");
        assertThat(editor.routesSummaryProperty().get()).isEqualTo("The key may call only: code.");
        editor.routes().get(1).selected().set(false);

        editor.save().orElseThrow();

        assertThat(stored("ci").allowsAllRoutes()).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            value = {
                "'' | Give the key a name",
                "'with space' | letters, digits",
                "'bob' | Another key is named 'bob'",
                "'é' | letters, digits"
            },
            delimiter = '|')
    void aBadNameIsShownWhileTypingAndNothingIsSaved(String name, String problem) {
        editor.openNew();
        editor.nameProperty().set("fine");
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(editor.nameProblemProperty().get()).isNull();

        editor.nameProperty().set(name);

        assertThat(editor.nameProblemProperty().get()).contains(problem);
        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.save()).isEmpty();
        assertThat(store.current().accessKeys())
                .extracting(AccessKeyConfig::name)
                .containsExactly("bob");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            value = {
                "'' | ",
                "'0' | ",
                "'-5' | ",
                "'lots' | ",
                "'1.5' | ",
                "'200,000' | 200000",
                "'1 000 000' | 1000000",
                "'50_000' | 50000",
                "'  7 ' | 7"
            },
            delimiter = '|')
    void aDailyLimitMustBeAWholeNumberAboveZero(String text, Long expected) {
        editor.openNew();
        editor.nameProperty().set("alice");
        editor.limitedProperty().set(true);

        editor.limitTextProperty().set(text);

        if (expected == null) {
            assertThat(editor.limitProblemProperty().get()).contains("whole number");
            assertThat(editor.save()).isEmpty();
        } else {
            assertThat(editor.limitProblemProperty().get()).isNull();
            editor.save().orElseThrow();
            assertThat(stored("alice").dailyTokenLimit()).hasValue(expected);
        }
    }

    @Test
    void editingChangesRoutesAndLimitButKeepsTheKeyAndItsName() {
        assertThat(editor.openEdit("bob")).isTrue();
        assertThat(editor.editingProperty().get()).isTrue();
        assertThat(editor.routes().get(1).selected().get()).as("code was ticked").isTrue();
        tick("chat");
        editor.limitedProperty().set(true);
        editor.limitTextProperty().set("5000");

        KeyEditorViewModel.Saved saved = editor.save().orElseThrow();

        assertThat(saved.newKey()).isEmpty();
        assertThat(stored("bob").routes()).containsExactly("chat", "code");
        assertThat(stored("bob").dailyTokenLimit()).hasValue(5000);
        assertThat(store.database().accessKeyRepository().findByKey(BOB_KEY)).isPresent();

        editor.openEdit("bob");
        assertThat(editor.limitTextProperty().get()).isEqualTo("5,000");
        editor.limitedProperty().set(false);
        editor.save().orElseThrow();
        assertThat(stored("bob").dailyTokenLimit()).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aSaveKeepsChangesMadeElsewhereMeanwhile() {
        editor.openNew();
        editor.nameProperty().set("alice");
        // The management API adds carol while the form is open.
        SignalboxConfig now = store.current();
        store.put(
                new SignalboxConfig(
                        now.providers(),
                        now.routes(),
                        List.of(
                                now.accessKeys().get(0),
                                new AccessKeyConfig(
                                        "carol", Optional.of(AccessKeys.generate()), List.of()))));

        editor.save().orElseThrow();

        assertThat(store.current().accessKeys())
                .extracting(AccessKeyConfig::name)
                .containsExactly("bob", "carol", "alice");
    }

    @Test
    void aKeyRevokedWhileItsFormWasOpenIsNotSavedBack() {
        editor.openEdit("bob");
        SignalboxConfig now = store.current();
        store.put(new SignalboxConfig(now.providers(), now.routes(), List.of()));

        assertThat(editor.save()).isEmpty();

        assertThat(editor.formProblemProperty().get()).contains("revoked meanwhile");
        assertThat(store.current().accessKeys()).isEmpty();
    }
}
