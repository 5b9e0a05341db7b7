package io.signalbox.app.providers;

import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One provider being edited, saved or new: the form's fields, the problems found in them, and
 * whether there is anything to save. Saving goes through {@code ConfigService.replace}, so the
 * checks are the same as for an import, and its problems land next to the fields they concern.
 */
public final class ProviderEditorViewModel {

    /** Told about each save. */
    interface SaveListener {
        void saved(Optional<String> oldName, String newName, SignalboxConfig stored);
    }

    private final ProviderServices services;
    private final SaveListener saveListener;
    private final ObjectProperty<ProviderPreset> preset = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty headers = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);

    private final TrustedCertificateField certificate;
    private final ReadOnlyStringWrapper storedName = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper apiKeyHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final Map<ProviderField, ReadOnlyStringWrapper> errors =
            new EnumMap<>(ProviderField.class);
    private final ModelsViewModel models;
    private Optional<ProviderConfig> stored;

    /** True while fields are set from code, so that the preset and URL do not fill each other. */
    private boolean loading;

    ProviderEditorViewModel(
            ProviderServices services, Optional<ProviderConfig> stored, SaveListener saveListener) {
        this.services = services;
        this.saveListener = saveListener;
        this.stored = stored;
        for (ProviderField field : ProviderField.values()) {
            errors.put(field, new ReadOnlyStringWrapper(""));
        }
        this.certificate =
                new TrustedCertificateField(errors.get(ProviderField.CERTIFICATE), services::zone);
        this.models = new ModelsViewModel(services, this::draft, storedName.getReadOnlyProperty());
        preset.addListener((obs, old, chosen) -> presetChosen(old, chosen));
        baseUrl.addListener((obs, old, url) -> urlTyped(url));
        for (Observable field :
                new Observable[] {
                    name,
                    baseUrl,
                    apiKey,
                    headers,
                    enabled,
                    certificate.pemProperty(),
                    models.checklist().rows()
                }) {
            field.addListener(changed -> updateDirty());
        }
        load(stored);
        stored.ifPresent(
                provider ->
                        models.checklist()
                                .show(
                                        services.lastDiscovered().apply(provider.name()),
                                        provider.models()));
    }

    private void load(Optional<ProviderConfig> provider) {
        loading = true;
        try {
            name.set(provider.map(ProviderConfig::name).orElse(""));
            baseUrl.set(provider.map(ProviderConfig::baseUrl).orElse(""));
            apiKey.set(provider.flatMap(ProviderConfig::apiKey).orElse(""));
            headers.set(provider.map(p -> HeaderLines.format(p.headers())).orElse(""));
            enabled.set(provider.map(ProviderConfig::enabled).orElse(true));
            certificate.load(provider.flatMap(ProviderConfig::trustedCertificate));
            preset.set(provider.map(p -> ProviderPreset.matching(p.baseUrl())).orElse(null));
            storedName.set(provider.map(ProviderConfig::name).orElse(""));
            provider.ifPresent(p -> models.checklist().applySelection(p.models()));
        } finally {
            loading = false;
        }
        errors.values().forEach(error -> error.set(""));
        updateHint();
        updateDirty();
    }

    /**
     * The saved provider changed (a save here, or an edit from elsewhere): an editor without
     * unsaved changes shows the new state, one with changes keeps them and compares with it.
     */
    void storedChanged(Optional<ProviderConfig> provider) {
        boolean hadChanges = dirty.get();
        stored = provider;
        if (hadChanges) {
            storedName.set(provider.map(ProviderConfig::name).orElse(""));
            updateDirty();
        } else {
            load(provider);
        }
    }

    /** A preset fills the base URL, and the name while the user has not chosen one. */
    private void presetChosen(ProviderPreset old, ProviderPreset chosen) {
        updateHint();
        if (loading || chosen == null) {
            return;
        }
        loading = true;
        try {
            if (chosen != ProviderPreset.OTHER) {
                baseUrl.set(chosen.baseUrl());
            } else if (old != null && baseUrl.get().equals(old.baseUrl())) {
                baseUrl.set("");
            }
            String current = name.get().strip();
            boolean nameFromPreset =
                    current.isEmpty()
                            || (old != null
                                    && !old.defaultName().isEmpty()
                                    && current.matches(
                                            Pattern.quote(old.defaultName()) + "(-\\d+)?"));
            if (nameFromPreset && !chosen.defaultName().isEmpty()) {
                name.set(unusedName(chosen.defaultName()));
            }
        } finally {
            loading = false;
        }
    }

    /** A typed URL shows which preset it is, without refilling anything. */
    private void urlTyped(String url) {
        if (loading) {
            return;
        }
        loading = true;
        try {
            ProviderPreset matching = ProviderPreset.matching(url);
            if (matching != ProviderPreset.OTHER || preset.get() != null) {
                preset.set(matching);
            }
        } finally {
            loading = false;
        }
    }

    private String unusedName(String base) {
        SignalboxConfig config = services.config().current();
        // The provider's own saved name is free for it.
        HashSet<String> taken = new HashSet<>();
        config.providers().stream()
                .map(ProviderConfig::name)
                .filter(other -> !other.equals(storedName.get()))
                .forEach(taken::add);
        return ProviderChanges.unused(base, taken);
    }

    private void updateHint() {
        ProviderPreset chosen = preset.get();
        if (chosen != null && chosen.local()) {
            apiKeyHint.set("Usually not needed for a server on this machine");
        } else if (chosen != null && chosen.needsKey()) {
            apiKeyHint.set(chosen.title() + " needs an API key");
        } else {
            apiKeyHint.set("Only if the server asks for one");
        }
    }

    /**
     * The provider as edited: what discovery and Test use, and what Save stores. Header lines that
     * do not parse are left out here; Save reports them.
     */
    ProviderConfig draft() {
        Map<String, String> parsed;
        try {
            parsed = HeaderLines.parse(headers.get());
        } catch (HeaderLines.BadLine e) {
            parsed = stored.map(ProviderConfig::headers).orElse(Map.of());
        }
        return draftWith(parsed);
    }

    private ProviderConfig draftWith(Map<String, String> parsedHeaders) {
        String key = apiKey.get() == null ? "" : apiKey.get().strip();
        return new ProviderConfig(
                name.get() == null ? "" : name.get().strip(),
                ProviderConfig.TYPE_OPENAI,
                baseUrl.get() == null ? "" : baseUrl.get().strip(),
                key.isEmpty() ? Optional.empty() : Optional.of(key),
                parsedHeaders,
                models.checklist().checkedModels(),
                enabled.get(),
                certificate.value());
    }

    /**
     * Trusts the certificate in {@code file} (PEM or DER) for this provider's TLS, once saved; a
     * file that holds none is reported next to the field and changes nothing.
     */
    public void addCertificate(Path file) {
        certificate.add(file);
    }

    /** Back to trusting only the default store, once saved. */
    public void removeCertificate() {
        certificate.remove();
    }

    private void updateDirty() {
        if (loading) {
            return;
        }
        if (stored.isEmpty()) {
            setDirty(true);
            return;
        }
        ProviderConfig saved = stored.get();
        ProviderConfig edited;
        try {
            edited = draftWith(HeaderLines.parse(headers.get()));
        } catch (HeaderLines.BadLine e) {
            setDirty(true);
            return;
        }
        // The checklist is sorted, the stored selection in the user's order: compare as sets.
        boolean sameModels =
                saved.models().size() == edited.models().size()
                        && new HashSet<>(saved.models()).equals(new HashSet<>(edited.models()));
        setDirty(
                !(sameModels
                        && saved.name().equals(edited.name())
                        && saved.baseUrl().equals(edited.baseUrl())
                        && saved.apiKey().equals(edited.apiKey())
                        && saved.headers().equals(edited.headers())
                        && saved.trustedCertificate().equals(edited.trustedCertificate())
                        && saved.enabled() == edited.enabled()));
    }

    private void setDirty(boolean changed) {
        dirty.set(changed);
        if (changed) {
            notice.set("");
        }
    }

    /**
     * Stores the provider (renaming it in routes when its name changed) and applies it to the
     * running proxy.
     *
     * @return whether it was stored; if not, the problems are shown next to their fields
     */
    public boolean save() {
        errors.values().forEach(error -> error.set(""));
        Map<ProviderField, String> problems = new EnumMap<>(ProviderField.class);
        if (name.get().isBlank()) {
            problems.put(ProviderField.NAME, "Give the provider a name, e.g. openai");
        }
        if (baseUrl.get().isBlank()) {
            problems.put(
                    ProviderField.BASE_URL,
                    "Enter the base URL, e.g. http://localhost:11434/v1, or pick a preset");
        }
        Map<String, String> parsedHeaders = Map.of();
        try {
            parsedHeaders = HeaderLines.parse(headers.get());
        } catch (HeaderLines.BadLine e) {
            problems.put(ProviderField.HEADERS, e.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.forEach((field, text) -> errors.get(field).set(text));
            return false;
        }
        ProviderConfig provider = draftWith(parsedHeaders);
        SignalboxConfig current = services.config().current();
        Optional<String> oldName = stored.map(ProviderConfig::name);
        int index = oldName.map(old -> ProviderChanges.indexOf(current, old)).orElse(-1);
        SignalboxConfig next = ProviderChanges.put(current, oldName, provider);
        SignalboxConfig saved;
        try {
            saved = services.config().replace(next);
        } catch (InvalidConfigException e) {
            int at = index >= 0 ? index : next.providers().size() - 1;
            ProviderField.of(e.problems(), at)
                    .forEach((field, text) -> errors.get(field).set(text));
            return false;
        }
        stored = ProviderChanges.find(saved, provider.name());
        load(stored);
        notice.set("Saved. The proxy uses it from now on.");
        saveListener.saved(oldName, provider.name(), saved);
        return true;
    }

    /** Drops the unsaved changes. */
    public void revert() {
        load(stored);
        if (stored.isEmpty()) {
            models.checklist().show(List.of(), List.of());
        }
    }

    public ObjectProperty<ProviderPreset> presetProperty() {
        return preset;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** The key as typed; the view masks it until the user reveals it. */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    /** Extra headers, one {@code Name: value} a line. */
    public StringProperty headersProperty() {
        return headers;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The trusted certificate's PEM text; empty when only the default store is trusted. */
    public ReadOnlyStringProperty certificateProperty() {
        return certificate.pemProperty();
    }

    /** Whom the trusted certificate names and until when; empty when there is none. */
    public ReadOnlyStringProperty certificateSummaryProperty() {
        return certificate.summaryProperty();
    }

    /** The saved provider's name; empty for a new one. */
    public ReadOnlyStringProperty storedNameProperty() {
        return storedName.getReadOnlyProperty();
    }

    public boolean isNew() {
        return stored.isEmpty();
    }

    /** Whether anything differs from what is saved (always, for a new provider). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** What the key field says while empty: whether this kind of provider needs one. */
    public ReadOnlyStringProperty apiKeyHintProperty() {
        return apiKeyHint.getReadOnlyProperty();
    }

    /** "Saved." after a save, until the next edit. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The problem shown next to {@code field}; empty when there is none. */
    public ReadOnlyStringProperty errorProperty(ProviderField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ModelsViewModel models() {
        return models;
    }
}
