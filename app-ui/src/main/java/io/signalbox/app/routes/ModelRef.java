package io.signalbox.app.routes;

import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.util.Objects;

/** A model at a provider: what a target or a fallback points at, and what the palette offers. */
public record ModelRef(String provider, String model) {

    public ModelRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    static ModelRef of(TargetConfig target) {
        return new ModelRef(target.provider(), target.model());
    }

    static ModelRef of(FallbackConfig fallback) {
        return new ModelRef(fallback.provider(), fallback.model());
    }

    /** How the UI names it, e.g. {@code ollama / qwen2.5:7b}. */
    public String label() {
        return provider + " / " + model;
    }

    @Override
    public String toString() {
        return label();
    }
}
