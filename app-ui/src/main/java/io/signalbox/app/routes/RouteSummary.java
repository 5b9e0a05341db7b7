package io.signalbox.app.routes;

import io.signalbox.proxy.routing.RouteHealth;
import java.util.List;

/**
 * One line of the route list.
 *
 * @param split the traffic split, one segment per target
 * @param health one status per target, in the same order
 * @param status the route's status in the running proxy, or null while the proxy has not taken the
 *     route yet
 */
public record RouteSummary(
        String name,
        boolean enabled,
        List<SplitSegment> split,
        List<TargetStatus> health,
        int fallbackCount,
        int timeoutSeconds,
        RouteHealth status) {

    public RouteSummary {
        split = List.copyOf(split);
        health = List.copyOf(health);
    }

    /** "2 targets · timeout 60 s" */
    public String details() {
        int targets = health.size();
        return targets
                + (targets == 1 ? " target" : " targets")
                + " · timeout "
                + timeoutSeconds
                + " s";
    }
}
