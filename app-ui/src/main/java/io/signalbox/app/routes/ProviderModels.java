package io.signalbox.app.routes;

import java.util.List;
import java.util.Locale;

/** A provider and the models the user selected there: one branch of the editor's palette. */
public record ProviderModels(String provider, boolean enabled, List<String> models) {

    public ProviderModels {
        models = List.copyOf(models);
    }

    /**
     * The part of this branch that matches {@code filter} (case-insensitive, anywhere in the name):
     * all of it when the provider's name matches, else the matching models, else null.
     */
    ProviderModels matching(String filter) {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty() || provider.toLowerCase(Locale.ROOT).contains(needle)) {
            return this;
        }
        List<String> hits =
                models.stream()
                        .filter(model -> model.toLowerCase(Locale.ROOT).contains(needle))
                        .toList();
        return hits.isEmpty() ? null : new ProviderModels(provider, enabled, hits);
    }

    List<ModelRef> refs() {
        return models.stream().map(model -> new ModelRef(provider, model)).toList();
    }
}
