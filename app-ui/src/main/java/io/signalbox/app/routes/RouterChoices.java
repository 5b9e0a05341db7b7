package io.signalbox.app.routes;

import io.signalbox.app.routers.RouterEdits;
import io.signalbox.persistence.config.RouterConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which routers serve the route being edited (ADR 0013): one choice per router, part of the
 * editor's draft, so it is saved, cancelled and marked unsaved with the rest of the route.
 */
public final class RouterChoices {

    /** A router the route may be served by. */
    public record Choice(String slug, boolean active, BooleanProperty selected) {}

    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final InvalidationListener changed;
    private Set<String> baseline = Set.of();

    /**
     * @param changed told whenever a choice is ticked or unticked
     */
    RouterChoices(InvalidationListener changed) {
        this.changed = changed;
    }

    /** The routers of {@code config}, ticked where they serve {@code routeName} (none if null). */
    void load(SignalboxConfig config, String routeName) {
        baseline =
                Set.copyOf(
                        routeName == null
                                ? List.of()
                                : RouterEdits.servingRoute(config, routeName));
        show(config, baseline);
    }

    /** The routers changed elsewhere: the ticks made here stay for the routers that remain. */
    void refresh(SignalboxConfig config) {
        show(config, selected());
    }

    private void show(SignalboxConfig config, Set<String> ticked) {
        choices.forEach(choice -> choice.selected().removeListener(changed));
        choices.setAll(
                config.routers().stream()
                        .map(
                                router ->
                                        new Choice(
                                                router.slug(),
                                                router.active(),
                                                new SimpleBooleanProperty(
                                                        ticked.contains(router.slug()))))
                        .toList());
        choices.forEach(choice -> choice.selected().addListener(changed));
    }

    /** The ticked routers' slugs, in the routers' order. */
    public Set<String> selected() {
        Set<String> selected = new LinkedHashSet<>();
        choices.stream()
                .filter(choice -> choice.selected().get())
                .forEach(choice -> selected.add(choice.slug()));
        return selected;
    }

    /** Whether the ticks differ from what is stored. */
    boolean changed() {
        return !selected().equals(baseline);
    }

    /** The routers with the route served by exactly the ticked ones. */
    List<RouterConfig> applyTo(List<RouterConfig> routers, String routeName) {
        return RouterEdits.assign(routers, routeName, selected());
    }

    public ObservableList<Choice> choices() {
        return choices;
    }
}
