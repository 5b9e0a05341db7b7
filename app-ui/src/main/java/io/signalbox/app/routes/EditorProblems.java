package io.signalbox.app.routes;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The route editor's problems by field, each null when the field is fine; the view shows each one
 * under its field, and the rows' own problems sit on the rows.
 */
public final class EditorProblems {

    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper targets = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper fallbacks = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper timeout = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper general = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper retries = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper();

    void show(Findings findings, List<TargetDraft> targetRows, List<FallbackDraft> fallbackRows) {
        name.set(findings.name);
        targets.set(findings.targets);
        fallbacks.set(findings.fallbacks);
        timeout.set(findings.timeout);
        general.set(findings.general);
        retries.set(findings.retries);
        for (int i = 0; i < targetRows.size(); i++) {
            targetRows.get(i).setProblem(findings.targetRows.get(i));
        }
        for (int i = 0; i < fallbackRows.size(); i++) {
            fallbackRows.get(i).setProblem(findings.fallbackRows.get(i));
        }
        any.set(!findings.isEmpty());
    }

    boolean any() {
        return any.get();
    }

    public ReadOnlyBooleanProperty anyProperty() {
        return any.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The split as a whole: no target, no enabled target, no weight. */
    public ReadOnlyStringProperty targetsProperty() {
        return targets.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fallbacksProperty() {
        return fallbacks.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeoutProperty() {
        return timeout.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty retriesProperty() {
        return retries.getReadOnlyProperty();
    }

    /** A problem that belongs to no field, e.g. one the store found elsewhere in the config. */
    public ReadOnlyStringProperty generalProperty() {
        return general.getReadOnlyProperty();
    }
}
