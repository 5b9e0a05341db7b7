package io.signalbox.app.access;

import io.signalbox.persistence.config.RouterConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The routers an access key is limited to, in the key editor (ADR 0013): none ticked means the key
 * may call {@code /v1} and every router; some ticked means only those routers' endpoints.
 */
public final class KeyRouters {

    /** A router of the checklist. */
    public record Choice(String slug, boolean active, BooleanProperty selected) {}

    private final ObservableList<Choice> choices =
            FXCollections.observableArrayList(choice -> new Observable[] {choice.selected()});
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();

    KeyRouters() {
        choices.addListener((javafx.beans.InvalidationListener) observable -> summarize());
        summarize();
    }

    /** The routers of {@code config}, ticked where the key is limited to them. */
    void fill(SignalboxConfig config, List<String> ticked) {
        choices.setAll(
                config.routers().stream()
                        .map(RouterConfig::slug)
                        .map(
                                slug ->
                                        new Choice(
                                                slug,
                                                config.routers().stream()
                                                        .anyMatch(
                                                                r ->
                                                                        r.slug().equals(slug)
                                                                                && r.active()),
                                                new SimpleBooleanProperty(ticked.contains(slug))))
                        .toList());
    }

    /** The ticked routers' slugs in the routers' order; empty for "not limited to routers". */
    List<String> ticked() {
        return choices.stream().filter(c -> c.selected().get()).map(Choice::slug).toList();
    }

    private void summarize() {
        List<String> ticked = ticked();
        summary.set(
                ticked.isEmpty()
                        ? "No router ticked: the key may call /v1 and every router."
                        : "The key may call only /router/"
                                + String.join("/v1, /router/", ticked)
                                + "/v1, not /v1.");
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
