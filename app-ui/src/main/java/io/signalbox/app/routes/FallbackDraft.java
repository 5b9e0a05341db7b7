package io.signalbox.app.routes;

import io.signalbox.persistence.config.FallbackConfig;
import java.util.OptionalLong;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One fallback of the route being edited, with the problem the view model found in it. */
public final class FallbackDraft {

    private final ModelRef model;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

    /** The stored limit, kept as it was: the editor shows limits on targets only. */
    private OptionalLong tpmLimit = OptionalLong.empty();

    FallbackDraft(ModelRef model) {
        this.model = model;
    }

    public ModelRef model() {
        return model;
    }

    /** Null, or what is wrong with this fallback in plain words. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void setProblem(String value) {
        problem.set(value);
    }

    FallbackConfig toConfig() {
        return new FallbackConfig(model.provider(), model.model(), tpmLimit);
    }

    void keepTpmLimit(OptionalLong stored) {
        tpmLimit = stored;
    }
}
