package io.signalbox.app.runtime;

/** A promote or roll back that cannot be done: the route is gone, or it has no canary. */
public final class CanaryActionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean unknownRoute;

    private CanaryActionException(String message, boolean unknownRoute) {
        super(message, null, false, false);
        this.unknownRoute = unknownRoute;
    }

    static CanaryActionException unknownRoute(String route) {
        return new CanaryActionException(
                "There is no route named '" + route + "' in the configuration", true);
    }

    static CanaryActionException noCanary(String route) {
        return new CanaryActionException(
                "The route '" + route + "' has no canary; mark a target as canary first", false);
    }

    /** True when the route does not exist; false when it exists without a canary. */
    public boolean unknownRoute() {
        return unknownRoute;
    }
}
