package io.signalbox.app.routes;

import io.signalbox.persistence.config.RouteConfig;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The route's retries as a spinner: "every target" (no limit, the default), then 0, 1, 2... other
 * targets tried after the first pick before the fallbacks. Typed text is kept as typed, so a wrong
 * number stays visible next to its problem instead of being clamped silently.
 */
final class RetriesField {

    static final String ID = "route-retries";

    private RetriesField() {}

    static Spinner<String> build(StringProperty retries) {
        Spinner<String> spinner = new Spinner<>();
        spinner.setId(ID);
        SpinnerValueFactory<String> values =
                new SpinnerValueFactory<>() {
                    @Override
                    public void decrement(int steps) {
                        int now = number(getValue());
                        setValue(now - steps < 0 ? "" : String.valueOf(now - steps));
                    }

                    @Override
                    public void increment(int steps) {
                        int next = Math.min(number(getValue()) + steps, RouteConfig.MAX_RETRIES);
                        setValue(String.valueOf(next));
                    }
                };
        values.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(String value) {
                        return value == null || value.isBlank()
                                ? RouteOptionsDraft.EVERY_TARGET
                                : value;
                    }

                    @Override
                    public String fromString(String text) {
                        String clean = text == null ? "" : text.strip();
                        return clean.equalsIgnoreCase(RouteOptionsDraft.EVERY_TARGET) ? "" : clean;
                    }
                });
        values.setValue(retries.get());
        values.valueProperty().bindBidirectional(retries);
        spinner.setValueFactory(values);
        spinner.setEditable(true);
        // Wide enough for "every target" beside the arrows under the 14 px theme font.
        spinner.setPrefWidth(150);
        spinner.setTooltip(
                new Tooltip(
                        "Other targets tried after the first one fails, before the fallbacks: 0 to "
                                + RouteConfig.MAX_RETRIES
                                + ", or every target (the default)"));
        return spinner;
    }

    /** The count in the field, -1 for "every target" or text that is not a number. */
    private static int number(String value) {
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return -1;
        }
        return Integer.parseInt(value.strip());
    }
}
