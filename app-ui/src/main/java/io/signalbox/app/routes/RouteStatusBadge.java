package io.signalbox.app.routes;

import io.signalbox.proxy.routing.RouteHealth;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * A route's status in the running proxy as a badge on the route list: Active, Degraded or Failed,
 * with how many of its targets can take calls now ("Degraded · 1/2"). A route that is off says
 * "Off": its status does not matter to clients, who get 404.
 */
final class RouteStatusBadge extends Label {

    static final String BADGE = "route-status";
    static final String PREFIX = "route-status-";

    private final Tooltip tooltip = new Tooltip();

    RouteStatusBadge() {
        getStyleClass().add(BADGE);
        setMinWidth(USE_PREF_SIZE);
        setTooltip(tooltip);
    }

    void show(RouteHealth health, boolean routeEnabled) {
        getStyleClass().removeIf(style -> style.startsWith(PREFIX));
        if (health == null) {
            setVisible(false);
            return;
        }
        setVisible(true);
        if (!routeEnabled) {
            setText("Off");
            getStyleClass().add(PREFIX + "off");
            tooltip.setText("The route is switched off: clients calling it get 404");
            return;
        }
        setText(RouteStatusText.text(health));
        getStyleClass().add(PREFIX + health.status().name().toLowerCase(Locale.ROOT));
        tooltip.setText(RouteStatusText.explanation(health));
    }
}
