package io.signalbox.app.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Where JavaFX would squeeze controls when a pane is short of room, these keep them readable: a
 * wrapped explanation keeps all its lines and a button its whole caption, instead of "…".
 */
public final class Sizing {

    private Sizing() {}

    /** Makes {@code label} wrap and keep the height of all its lines. */
    public static Label wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** Keeps each of {@code controls} at least as wide as it wants to be. */
    public static void neverNarrower(Region... controls) {
        for (Region control : controls) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
    }
}
