package io.signalbox.app.routes;

import io.signalbox.persistence.config.SignalboxConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the route editor's palette shows: every provider with its selected models, the filter text,
 * and the providers as the filter leaves them. Kept apart from the editor's draft because it
 * follows the configuration, not the route being edited.
 */
final class PaletteContents {

    private final ObservableList<ProviderModels> all = FXCollections.observableArrayList();
    private final ObservableList<ProviderModels> visible = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");

    PaletteContents() {
        all.addListener((InvalidationListener) observable -> applyFilter());
        filter.addListener(observable -> applyFilter());
    }

    /** Takes the providers and their models from the configuration. */
    void load(SignalboxConfig config) {
        all.setAll(
                config.providers().stream()
                        .map(p -> new ProviderModels(p.name(), p.enabled(), p.models()))
                        .toList());
    }

    /** Every model of every provider that passes {@code accepted}, in palette order. */
    List<ModelRef> refs(Predicate<ModelRef> accepted) {
        List<ModelRef> refs = new ArrayList<>();
        for (ProviderModels provider : all) {
            provider.refs().stream().filter(accepted).forEach(refs::add);
        }
        return refs;
    }

    ObservableList<ProviderModels> all() {
        return all;
    }

    ObservableList<ProviderModels> visible() {
        return visible;
    }

    StringProperty filterProperty() {
        return filter;
    }

    private void applyFilter() {
        visible.setAll(
                all.stream()
                        .map(provider -> provider.matching(filter.get()))
                        .filter(Objects::nonNull)
                        .toList());
    }
}
