package io.signalbox.app.access;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.ConfigProblem;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The form that creates an access key or changes one: its name, the routes it may call and its
 * daily token limit. Problems show while the user types; Save is possible only without them. A new
 * key's value is generated here and handed back once, in {@link Saved}.
 */
public final class KeyEditorViewModel {

    /** CONTRACT section 2, as the store's validator checks it. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A route of the checklist. */
    public record RouteChoice(String name, BooleanProperty selected) {}

    /**
     * What a save stored.
     *
     * @param newKey the generated key of a new access key: shown once, never stored in plaintext
     */
    public record Saved(String name, Optional<String> newKey) {

        /** Leaves the key out of {@link #toString()}. */
        @Override
        public String toString() {
            return "Saved[name="
                    + name
                    + ", newKey="
                    + (newKey.isPresent() ? "(set)" : "none")
                    + "]";
        }
    }

    private final AccessStore store;
    private final Supplier<String> keyGenerator;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<RouteChoice> routes =
            FXCollections.observableArrayList(choice -> new Observable[] {choice.selected()});
    private final BooleanProperty limited = new SimpleBooleanProperty(false);
    private final StringProperty limitText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper limitProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper routesSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper formProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private SignalboxConfig config = SignalboxConfig.empty();
    private final KeyRouters routers = new KeyRouters();

    /** The key being changed; null for a new one. */
    private String original;

    /**
     * @param keyGenerator makes the value of a new key ({@code AccessKeys::generate} in the app)
     */
    public KeyEditorViewModel(AccessStore store, Supplier<String> keyGenerator) {
        this.store = store;
        this.keyGenerator = keyGenerator;
        name.addListener((obs, old, now) -> check());
        routes.addListener((javafx.collections.ListChangeListener<RouteChoice>) change -> check());
        limited.addListener((obs, old, now) -> check());
        limitText.addListener((obs, old, now) -> check());
    }

    /** An empty form for a new key, every route unticked (= every route). */
    public void openNew() {
        config = store.current();
        original = null;
        editing.set(false);
        title.set("New access key");
        fill("", List.of(), OptionalLong.empty());
        routers.fill(config, List.of());
    }

    /** The form filled with the stored key {@code keyName}; false when there is none. */
    public boolean openEdit(String keyName) {
        config = store.current();
        Optional<AccessKeyConfig> key = find(keyName);
        if (key.isEmpty()) {
            return false;
        }
        original = keyName;
        editing.set(true);
        title.set("Access key '" + keyName + "'");
        fill(keyName, key.get().routes(), key.get().dailyTokenLimit());
        routers.fill(config, key.get().routers());
        return true;
    }

    private void fill(String keyName, List<String> allowed, OptionalLong limit) {
        formProblem.set(null);
        routes.setAll(
                config.routes().stream()
                        .map(RouteConfig::name)
                        .map(
                                route ->
                                        new RouteChoice(
                                                route,
                                                new SimpleBooleanProperty(allowed.contains(route))))
                        .toList());
        limited.set(limit.isPresent());
        limitText.set(limit.isPresent() ? Numbers.grouped(limit.getAsLong()) : "");
        name.set(keyName);
        check();
    }

    private Optional<AccessKeyConfig> find(String keyName) {
        return config.accessKeys().stream().filter(k -> k.name().equals(keyName)).findFirst();
    }

    private void check() {
        String typed = name.get() == null ? "" : name.get().strip();
        if (original == null && typed.isEmpty()) {
            nameProblem.set("Give the key a name, e.g. the person or program that uses it.");
        } else if (original == null && !NAME.matcher(typed).matches()) {
            nameProblem.set("Use up to 64 letters, digits, dots, dashes or underscores.");
        } else if (original == null && find(typed).isPresent()) {
            nameProblem.set("Another key is named '" + typed + "'.");
        } else {
            nameProblem.set(null);
        }
        if (limited.get() && Numbers.parsePositive(limitText.get()).isEmpty()) {
            limitProblem.set("Enter a whole number of tokens above 0, e.g. 200,000.");
        } else {
            limitProblem.set(null);
        }
        List<String> ticked = tickedRoutes();
        routesSummary.set(
                ticked.isEmpty()
                        ? "No route ticked: the key may call every route, also routes added later."
                        : "The key may call only: " + String.join(", ", ticked) + ".");
        valid.set(nameProblem.get() == null && limitProblem.get() == null);
    }

    /** The routers the key is limited to (ADR 0013). */
    public KeyRouters routers() {
        return routers;
    }

    private List<String> tickedRoutes() {
        return routes.stream().filter(c -> c.selected().get()).map(RouteChoice::name).toList();
    }

    /**
     * Stores the form: a new key with a freshly generated value, or the changed routes and limit of
     * an existing one (its stored hash stays). Empty when something is wrong; the problem is in
     * {@link #formProblemProperty()}.
     */
    public Optional<Saved> save() {
        check();
        if (!valid.get()) {
            return Optional.empty();
        }
        OptionalLong limit =
                limited.get() ? Numbers.parsePositive(limitText.get()) : OptionalLong.empty();
        // The stored configuration, not the one the form opened with: changes made elsewhere
        // meanwhile (the management API, another screen) must survive this save.
        config = store.current();
        check();
        if (!valid.get()) {
            return Optional.empty();
        }
        if (original != null && find(original).isEmpty()) {
            formProblem.set("The key '" + original + "' was revoked meanwhile.");
            return Optional.empty();
        }
        List<AccessKeyConfig> keys = new ArrayList<>();
        Optional<String> newKey = Optional.empty();
        String keyName;
        if (original == null) {
            keyName = name.get().strip();
            newKey = Optional.of(keyGenerator.get());
            keys.addAll(config.accessKeys());
            keys.add(new AccessKeyConfig(keyName, newKey, tickedRoutes(), limit, routers.ticked()));
        } else {
            keyName = original;
            for (AccessKeyConfig key : config.accessKeys()) {
                keys.add(
                        key.name().equals(original)
                                ? key.withRoutes(tickedRoutes())
                                        .withDailyTokenLimit(limit)
                                        .withRouters(routers.ticked())
                                : key);
            }
        }
        try {
            config =
                    store.replace(
                            new SignalboxConfig(
                                    config.providers(), config.routes(), keys, config.routers()));
        } catch (InvalidConfigException e) {
            formProblem.set(describe(e));
            return Optional.empty();
        }
        formProblem.set(null);
        return Optional.of(new Saved(keyName, newKey));
    }

    /** The store's problems, without paths: the form has one key. */
    private static String describe(InvalidConfigException e) {
        List<String> messages = new ArrayList<>();
        for (ConfigProblem problem : e.problems()) {
            messages.add(problem.path() + ": " + problem.message());
        }
        return "Not saved: " + String.join("; ", messages);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<RouteChoice> routes() {
        return routes;
    }

    public BooleanProperty limitedProperty() {
        return limited;
    }

    public StringProperty limitTextProperty() {
        return limitText;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty limitProblemProperty() {
        return limitProblem.getReadOnlyProperty();
    }

    /** What the ticked routes mean, in words ("no route ticked" = every route). */
    public ReadOnlyStringProperty routesSummaryProperty() {
        return routesSummary.getReadOnlyProperty();
    }

    /** Why the last save failed, or null. */
    public ReadOnlyStringProperty formProblemProperty() {
        return formProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True for an existing key: its name cannot change (the key is stored under it). */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }
}
