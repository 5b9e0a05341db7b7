package io.signalbox.app.routes;

import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.RouteSelection;
import java.util.OptionalInt;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The route-wide routing options of the draft: how the first target is picked and how many other
 * targets are tried before the fallbacks. Retries are edited as text so that what the user typed
 * stays visible while it is wrong; empty means "every target", the configuration's default.
 */
public final class RouteOptionsDraft {

    /** What the retries field shows when no limit is set. */
    public static final String EVERY_TARGET = "every target";

    private final ObjectProperty<RouteSelection> selection =
            new SimpleObjectProperty<>(RouteSelection.WEIGHTED);
    private final StringProperty retries = new SimpleStringProperty("");

    void load(RouteConfig route) {
        selection.set(route.selection());
        retries.set(route.retries().isPresent() ? String.valueOf(route.retries().getAsInt()) : "");
    }

    void onChange(InvalidationListener listener) {
        selection.addListener(listener);
        retries.addListener(listener);
    }

    /** Null, or why the retries field cannot be saved. */
    String retriesProblem() {
        String text = retries.get() == null ? "" : retries.get().strip();
        if (text.isEmpty() || text.equalsIgnoreCase(EVERY_TARGET)) {
            return null;
        }
        if (!text.matches("\\d{1,9}") || Integer.parseInt(text) > RouteConfig.MAX_RETRIES) {
            return "Retries: use 0 to "
                    + RouteConfig.MAX_RETRIES
                    + " other targets, or leave it empty to try every target.";
        }
        return null;
    }

    /** The retries as the configuration holds them; only meaningful without a problem. */
    OptionalInt retriesValue() {
        String text = retries.get() == null ? "" : retries.get().strip();
        if (retriesProblem() != null || text.isEmpty() || text.equalsIgnoreCase(EVERY_TARGET)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    RouteConfig applyTo(RouteConfig route) {
        return route.withRoutingOptions(retriesValue(), selection.get());
    }

    public ObjectProperty<RouteSelection> selectionProperty() {
        return selection;
    }

    /** Empty for "every target", else the number of other targets tried (0..20). */
    public StringProperty retriesProperty() {
        return retries;
    }
}
