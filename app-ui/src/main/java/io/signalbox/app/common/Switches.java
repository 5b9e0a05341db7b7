package io.signalbox.app.common;

import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * AtlantaFX's {@link ToggleSwitch} flips only when its thumb is clicked and ignores the keyboard;
 * these switches flip on a click anywhere on them, label included, and with Space and Enter, as a
 * check box would.
 */
public final class Switches {

    private Switches() {}

    public static ToggleSwitch create(String text) {
        ToggleSwitch toggle = new ToggleSwitch(text);
        toggle.addEventHandler(
                KeyEvent.KEY_PRESSED,
                event -> {
                    if (event.getCode() == KeyCode.SPACE || event.getCode() == KeyCode.ENTER) {
                        toggle.fire();
                        event.consume();
                    }
                });
        toggle.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> toggle.requestFocus());
        // A filter, so that the thumb's own handler does not flip it back.
        toggle.addEventFilter(
                MouseEvent.MOUSE_RELEASED,
                event -> {
                    if (event.getButton() == MouseButton.PRIMARY && event.isStillSincePress()) {
                        toggle.fire();
                    }
                    event.consume();
                });
        return toggle;
    }
}
