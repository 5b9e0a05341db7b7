package io.signalbox.app.providers;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One model in the checklist: its id, whether it is selected, and what changed about it. */
public final class ModelRow {

    /** How the model compares with the discovery before. */
    public enum Mark {
        NONE,
        /** Listed now, not at the discovery before. */
        ADDED,
        /** Listed before (or selected) but not listed now. */
        GONE
    }

    private final String id;
    private final Mark mark;
    private final BooleanProperty checked;

    ModelRow(String id, Mark mark, boolean checked) {
        this.id = id;
        this.mark = mark;
        this.checked = new SimpleBooleanProperty(checked);
    }

    public String id() {
        return id;
    }

    public Mark mark() {
        return mark;
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    public boolean checked() {
        return checked.get();
    }

    @Override
    public String toString() {
        return id;
    }
}
