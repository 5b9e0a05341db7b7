package io.signalbox.proxy.routing;

/** Whether a route can serve, judged from its targets' and fallbacks' health. */
public enum RouteStatus {
    /** Every target and fallback that takes traffic is available. */
    ACTIVE("Active"),
    /** Some of them are out (cooling, ejected or held out), at least one can still serve. */
    DEGRADED("Degraded"),
    /** None can serve: all are out, or none takes traffic (disabled, weight 0, provider off). */
    FAILED("Failed");

    private final String label;

    RouteStatus(String label) {
        this.label = label;
    }

    /** The word the management API and the UI show: {@code Active}, {@code Degraded}... */
    public String label() {
        return label;
    }
}
