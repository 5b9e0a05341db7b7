package io.signalbox.app.providers;

import static io.signalbox.app.providers.Fixture.provider;
import static io.signalbox.app.providers.Fixture.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.ProviderConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's form against a real ConfigService: presets, saving, and problems in place. */
class ProviderEditorViewModelTest {

    @TempDir Path temp;

    private Fixture fixture;
    private final List<String> saves = new ArrayList<>();

    @BeforeEach
    void open() {
        fixture = new Fixture(temp.resolve("data"), InlineWork.immediate());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private ProviderEditorViewModel newEditor() {
        return new ProviderEditorViewModel(
                fixture.services,
                Optional.empty(),
                (old, name, stored) -> saves.add(old.orElse("(new)") + " -> " + name));
    }

    private ProviderEditorViewModel editorOf(String name) {
        return new ProviderEditorViewModel(
                fixture.services,
                Optional.of(fixture.stored(name)),
                (old, next, stored) -> saves.add(old.orElse("(new)") + " -> " + next));
    }

    @Test
    void aPresetFillsTheBaseUrlTheNameAndTheKeyHint() {
        ProviderEditorViewModel editor = newEditor();

        editor.presetProperty().set(ProviderPreset.GROQ);

        assertThat(editor.baseUrlProperty().get()).isEqualTo("https://api.groq.com/openai/v1");
        assertThat(editor.nameProperty().get()).isEqualTo("groq");
        assertThat(editor.apiKeyHintProperty().get()).isEqualTo("Groq needs an API key");

        editor.presetProperty().set(ProviderPreset.LM_STUDIO);

        assertThat(editor.baseUrlProperty().get()).isEqualTo("http://localhost:1234/v1");
        assertThat(editor.nameProperty().get()).isEqualTo("lm-studio");
        assertThat(editor.apiKeyHintProperty().get())
                .isEqualTo("Usually not needed for a server on this machine");
    }

    @Test
    void aNameTheUserTypedIsKeptWhenThePresetChanges() {
        ProviderEditorViewModel editor = newEditor();
        editor.presetProperty().set(ProviderPreset.OPENAI);
        editor.nameProperty().set("work-openai");

        editor.presetProperty().set(ProviderPreset.OPENROUTER);

        assertThat(editor.nameProperty().get()).isEqualTo("work-openai");
    }

    @Test
    void aPresetSuggestsANameNoProviderHasYet() {
        fixture.store(List.of(provider("ollama", "http://localhost:11434/v1")), List.of());
        ProviderEditorViewModel editor = newEditor();

        editor.presetProperty().set(ProviderPreset.OLLAMA);

        assertThat(editor.nameProperty().get()).isEqualTo("ollama-2");
    }

    @Test
    void aTypedUrlShowsItsPreset() {
        ProviderEditorViewModel editor = newEditor();

        editor.baseUrlProperty().set("https://api.mistral.ai/v1/");

        assertThat(editor.presetProperty().get()).isEqualTo(ProviderPreset.MISTRAL);
        assertThat(editor.nameProperty().get()).isEmpty();
    }

    @Test
    void savingStoresTheProviderAndAppliesIt() {
        ProviderEditorViewModel editor = newEditor();
        editor.presetProperty().set(ProviderPreset.OPENROUTER);
        editor.apiKeyProperty().set("  sk-or-canary-1234  ");
        editor.headersProperty().set("HTTP-Referer: https://signalbox.example");

        assertThat(editor.save()).isTrue();

        ProviderConfig stored = fixture.stored("openrouter");
        assertThat(stored.baseUrl()).isEqualTo("https://openrouter.ai/api/v1");
        assertThat(stored.apiKey()).contains("sk-or-canary-1234");
        assertThat(stored.headers())
                .containsExactly(Map.entry("HTTP-Referer", "https://signalbox.example"));
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.isNew()).isFalse();
        assertThat(editor.noticeProperty().get()).startsWith("Saved.");
        assertThat(saves).containsExactly("(new) -> openrouter");
    }

    @Test
    void emptyNameAndBaseUrlAreReportedNextToTheirFieldsAndNothingIsStored() {
        ProviderEditorViewModel editor = newEditor();

        assertThat(editor.save()).isFalse();

        assertThat(editor.errorProperty(ProviderField.NAME).get())
                .startsWith("Give the provider a name");
        assertThat(editor.errorProperty(ProviderField.BASE_URL).get())
                .startsWith("Enter the base URL");
        assertThat(fixture.config.current().providers()).isEmpty();
    }

    @Test
    void theConfigurationChecksLandNextToTheFieldsTheyConcern() {
        fixture.store(List.of(provider("taken", "http://localhost:1/v1")), List.of());
        ProviderEditorViewModel editor = newEditor();
        editor.nameProperty().set("taken");
        editor.baseUrlProperty().set("ftp://example.com/v1");
        editor.apiKeyProperty().set("sk-with space");
        editor.headersProperty().set("Host: example.com");

        assertThat(editor.save()).isFalse();

        assertThat(editor.errorProperty(ProviderField.NAME).get())
                .isEqualTo("Another provider is named 'taken'");
        assertThat(editor.errorProperty(ProviderField.BASE_URL).get())
                .isEqualTo("Must start with http:// or https://");
        assertThat(editor.errorProperty(ProviderField.API_KEY).get())
                .isEqualTo("Contains spaces or line breaks; paste the key alone");
        assertThat(editor.errorProperty(ProviderField.HEADERS).get())
                .isEqualTo("Host: is set by the proxy itself and cannot be overridden");
        assertThat(fixture.config.current().providers()).hasSize(1);
    }

    @Test
    void aHeaderLineWithoutANameIsReportedBeforeAnythingIsSent() {
        ProviderEditorViewModel editor = newEditor();
        editor.presetProperty().set(ProviderPreset.OPENAI);
        editor.headersProperty().set("just-a-value");

        assertThat(editor.save()).isFalse();

        assertThat(editor.errorProperty(ProviderField.HEADERS).get())
                .isEqualTo("Line 1: write it as Name: value");
    }

    @Test
    void renamingAProviderKeepsItsRoutesWorking() {
        fixture.store(
                List.of(provider("ollama", "http://localhost:11434/v1", "qwen")),
                List.of(route("chat", "ollama", "qwen")));
        ProviderEditorViewModel editor = editorOf("ollama");

        editor.nameProperty().set("local");
        assertThat(editor.save()).isTrue();

        assertThat(fixture.config.current().routes().get(0).targets().get(0).provider())
                .isEqualTo("local");
        assertThat(editor.storedNameProperty().get()).isEqualTo("local");
        assertThat(saves).containsExactly("ollama -> local");
    }

    @Test
    void editsMakeTheEditorDirtyAndRevertDropsThem() {
        fixture.store(List.of(provider("ollama", "http://localhost:11434/v1", "qwen")), List.of());
        ProviderEditorViewModel editor = editorOf("ollama");
        assertThat(editor.dirtyProperty().get()).isFalse();

        editor.baseUrlProperty().set("http://localhost:11435/v1");
        assertThat(editor.dirtyProperty().get()).isTrue();

        editor.revert();
        assertThat(editor.baseUrlProperty().get()).isEqualTo("http://localhost:11434/v1");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void uncheckingAModelIsAChangeToSave() {
        fixture.store(
                List.of(provider("ollama", "http://localhost:11434/v1", "a", "b")), List.of());
        ProviderEditorViewModel editor = editorOf("ollama");
        // Listeners on a throwaway read-only list view once died here (weakly held).
        System.gc();

        editor.models().checklist().rows().get(0).checkedProperty().set(false);

        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(editor.save()).isTrue();
        assertThat(fixture.stored("ollama").models()).containsExactly("b");
    }

    @Test
    void aChangeStoredElsewhereReachesACleanEditorButNotAChangedOne() {
        fixture.store(List.of(provider("ollama", "http://localhost:11434/v1")), List.of());
        ProviderEditorViewModel clean = editorOf("ollama");
        ProviderEditorViewModel changed = editorOf("ollama");
        changed.apiKeyProperty().set("typed-but-not-saved");
        ProviderConfig fromApi = provider("ollama", "http://127.0.0.1:11434/v1");

        clean.storedChanged(Optional.of(fromApi));
        changed.storedChanged(Optional.of(fromApi));

        assertThat(clean.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:11434/v1");
        assertThat(changed.baseUrlProperty().get()).isEqualTo("http://localhost:11434/v1");
        assertThat(changed.apiKeyProperty().get()).isEqualTo("typed-but-not-saved");
        assertThat(changed.dirtyProperty().get()).isTrue();
    }
}
