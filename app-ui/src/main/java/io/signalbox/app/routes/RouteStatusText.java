package io.signalbox.app.routes;

import io.signalbox.proxy.routing.RouteHealth;
import io.signalbox.proxy.routing.RouteStatus;

/**
 * The words of a route's status badge and its tooltip, kept apart from the control to test them.
 */
final class RouteStatusText {

    private RouteStatusText() {}

    /** "Active · 2/2", the words and figures the badge shows. */
    static String text(RouteHealth health) {
        return health.status().label() + " · " + health.activeTargets() + "/" + health.targets();
    }

    static String explanation(RouteHealth health) {
        String targets =
                health.activeTargets()
                        + " of "
                        + health.targets()
                        + (health.targets() == 1 ? " target" : " targets")
                        + " can take calls now";
        String why =
                switch (health.status()) {
                    case ACTIVE -> "every target and fallback is available";
                    case DEGRADED ->
                            "some targets or fallbacks are out (cooling, left out or held out);"
                                    + " calls still succeed";
                    case FAILED ->
                            health.targets() == 0
                                    ? "no target or fallback takes traffic"
                                    : "every target and fallback is out: calls get 503 until one"
                                            + " is back";
                };
        return status(health.status()) + ": " + targets + "; " + why + ".";
    }

    private static String status(RouteStatus status) {
        return status.label();
    }
}
