package io.signalbox.app.providers;

import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Providers screen: the list of providers, which one is open in the editor, removing one, and
 * the first run's offer to add the local servers that already run.
 *
 * <p>Each provider keeps its own editor while the screen lives, so unsaved changes survive a look
 * at another provider. The list follows every stored configuration, from here or elsewhere (the
 * management API).
 */
public final class ProvidersViewModel {

    /**
     * A removal waiting for the user's answer.
     *
     * @param routes the routes that use the provider; while there are any it cannot be removed
     */
    public record RemovalPrompt(String provider, List<String> routes) {

        public boolean blocked() {
            return !routes.isEmpty();
        }

        public String text() {
            if (blocked()) {
                return "'"
                        + provider
                        + "' is used by "
                        + (routes.size() == 1 ? "the route " : "the routes ")
                        + String.join(", ", routes)
                        + ". Remove or re-point those targets in Routes first, then remove the"
                        + " provider.";
            }
            return "Remove '" + provider + "' and its stored API key? This cannot be undone.";
        }
    }

    private final ProviderServices services;
    private final LocalServerProbe probe;
    private final ObservableList<ProviderConfig> providers = FXCollections.observableArrayList();

    /** Kept, because a throwaway read-only view stops passing changes on after a collection. */
    private final ObservableList<ProviderConfig> readOnlyProviders =
            FXCollections.unmodifiableObservableList(providers);

    private final Map<String, ProviderEditorViewModel> editors = new HashMap<>();
    private final ReadOnlyObjectWrapper<ProviderEditorViewModel> editor =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectedName = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RemovalPrompt> removal = new ReadOnlyObjectWrapper<>();
    private final ObservableList<LocalServerProbe.Found> localServers =
            FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper probing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper probeStatus = new ReadOnlyStringWrapper("");
    private final BooleanBinding firstRun =
            Bindings.createBooleanBinding(
                    () -> providers.isEmpty() && editor.get() == null, providers, editor);

    /**
     * @param uiThread where changes stored elsewhere are applied: the FX thread in the app
     */
    ProvidersViewModel(ProviderServices services, LocalServerProbe probe, Executor uiThread) {
        this.services = services;
        this.probe = probe;
        services.config().addListener(stored -> uiThread.execute(() -> reload(stored)));
        SignalboxConfig current = services.config().current();
        providers.setAll(current.providers());
        if (providers.isEmpty()) {
            probeLocalServers();
        } else {
            select(providers.get(0).name());
        }
    }

    private void reload(SignalboxConfig stored) {
        providers.setAll(stored.providers());
        for (Map.Entry<String, ProviderEditorViewModel> entry : List.copyOf(editors.entrySet())) {
            Optional<ProviderConfig> provider = ProviderChanges.find(stored, entry.getKey());
            ProviderEditorViewModel cached = entry.getValue();
            if (provider.isPresent()) {
                cached.storedChanged(provider);
            } else if (!cached.dirtyProperty().get()) {
                // Removed elsewhere. A changed editor stays: it may be the rename being saved.
                editors.remove(entry.getKey());
                if (editor.get() == cached) {
                    selectFirstOrNothing();
                }
            }
        }
    }

    /** Opens the provider {@code name} in the editor. */
    public void select(String name) {
        Optional<ProviderConfig> provider =
                providers.stream().filter(p -> p.name().equals(name)).findFirst();
        if (provider.isEmpty()) {
            return;
        }
        removal.set(null);
        selectedName.set(name);
        editor.set(editors.computeIfAbsent(name, unused -> newEditor(provider)));
    }

    private void selectFirstOrNothing() {
        if (providers.isEmpty()) {
            selectedName.set("");
            editor.set(null);
            probeLocalServers();
        } else {
            select(providers.get(0).name());
        }
    }

    private ProviderEditorViewModel newEditor(Optional<ProviderConfig> provider) {
        return new ProviderEditorViewModel(services, provider, this::saved);
    }

    /** Opens an empty editor for a new provider, with {@code preset} chosen when given. */
    public ProviderEditorViewModel addProvider(Optional<ProviderPreset> preset) {
        removal.set(null);
        selectedName.set("");
        ProviderEditorViewModel draft = newEditor(Optional.empty());
        preset.ifPresent(draft.presetProperty()::set);
        editor.set(draft);
        return draft;
    }

    private void saved(Optional<String> oldName, String newName, SignalboxConfig stored) {
        ProviderEditorViewModel saved = editor.get();
        oldName.ifPresent(editors::remove);
        providers.setAll(stored.providers());
        if (saved != null && !saved.isNew()) {
            editors.put(newName, saved);
        }
        selectedName.set(newName);
    }

    /** Starts removing the open provider: a confirmation, or why it cannot be removed yet. */
    public void requestRemove() {
        ProviderEditorViewModel open = editor.get();
        if (open == null) {
            return;
        }
        if (open.isNew()) {
            // Nothing stored yet: discarding the draft needs no confirmation.
            selectFirstOrNothing();
            return;
        }
        String name = open.storedNameProperty().get();
        removal.set(
                new RemovalPrompt(
                        name, ProviderChanges.routesUsing(services.config().current(), name)));
    }

    /** Removes the provider the prompt names, unless a route uses it by now. */
    public void confirmRemove() {
        RemovalPrompt prompt = removal.get();
        if (prompt == null || prompt.blocked()) {
            return;
        }
        SignalboxConfig current = services.config().current();
        List<String> routes = ProviderChanges.routesUsing(current, prompt.provider());
        if (!routes.isEmpty()) {
            removal.set(new RemovalPrompt(prompt.provider(), routes));
            return;
        }
        SignalboxConfig stored;
        try {
            stored = services.config().replace(ProviderChanges.remove(current, prompt.provider()));
        } catch (InvalidConfigException e) {
            // Only references could break, and there are none; say so rather than hide it.
            removal.set(null);
            throw new IllegalStateException("Removing a provider broke the configuration", e);
        }
        removal.set(null);
        editors.remove(prompt.provider());
        providers.setAll(stored.providers());
        selectFirstOrNothing();
    }

    public void cancelRemove() {
        removal.set(null);
    }

    /** Looks for local servers on their default ports, off the UI thread. */
    public void probeLocalServers() {
        if (probing.get()) {
            return;
        }
        probing.set(true);
        probeStatus.set("Looking for model servers on this machine…");
        services.work()
                .start(
                        probe::probe,
                        found -> {
                            probing.set(false);
                            localServers.setAll(found);
                            probeStatus.set(
                                    found.isEmpty()
                                            ? "No local server answered on the usual ports (Ollama"
                                                    + " 11434, LM Studio 1234, vLLM 8000,"
                                                    + " llama.cpp 8080)."
                                            : "Running on this machine, ready to add:");
                        },
                        failure -> {
                            probing.set(false);
                            probeStatus.set("Could not look for local servers.");
                        });
    }

    /**
     * Adds a found local server as a provider in one step, with every model it serves selected
     * (they are installed on this machine, so each is a likely target; unchecking is one click),
     * and discovers it so that later discoveries can say what changed.
     */
    public void addLocalServer(LocalServerProbe.Found found) {
        SignalboxConfig current = services.config().current();
        String name =
                ProviderChanges.unusedProviderName(current, found.server().preset().defaultName());
        ProviderConfig provider =
                new ProviderConfig(
                        name,
                        ProviderConfig.TYPE_OPENAI,
                        found.server().baseUrl(),
                        Optional.empty(),
                        Map.of(),
                        found.models(),
                        true);
        SignalboxConfig stored;
        try {
            stored =
                    services.config()
                            .replace(ProviderChanges.put(current, Optional.empty(), provider));
        } catch (InvalidConfigException e) {
            probeStatus.set(
                    "Could not add " + found.server().preset().title() + ": " + e.problems());
            return;
        }
        localServers.remove(found);
        providers.setAll(stored.providers());
        select(name);
        editor.get().models().discover();
    }

    /** Whether {@code candidate} is still one of the kept editors (views may drop the others). */
    boolean hasEditor(ProviderEditorViewModel candidate) {
        return editors.containsValue(candidate);
    }

    public ObservableList<ProviderConfig> providers() {
        return readOnlyProviders;
    }

    /** The editor shown; null on the first run's empty state. */
    public ReadOnlyObjectProperty<ProviderEditorViewModel> editorProperty() {
        return editor.getReadOnlyProperty();
    }

    /** The provider selected in the list; empty while a new one is edited. */
    public ReadOnlyStringProperty selectedNameProperty() {
        return selectedName.getReadOnlyProperty();
    }

    /** A removal waiting for an answer; null when none. */
    public ReadOnlyObjectProperty<RemovalPrompt> removalProperty() {
        return removal.getReadOnlyProperty();
    }

    /** No provider yet and none being added: the screen offers a start. */
    public BooleanBinding firstRunProperty() {
        return firstRun;
    }

    public ObservableList<LocalServerProbe.Found> localServers() {
        return localServers;
    }

    public ReadOnlyBooleanProperty probingProperty() {
        return probing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty probeStatusProperty() {
        return probeStatus.getReadOnlyProperty();
    }
}
