package io.signalbox.proxy.routing;

import java.time.Instant;
import java.util.Optional;

/**
 * One canary's window and whether it was demoted. Attempts are counted under the object's lock
 * (only the canary's own attempts come here, a share of one route's traffic); whether it is active
 * is a volatile read, since every request of the route asks.
 */
final class CanaryState {

    private final String route;
    private final Canary canary;
    private final CanaryWindow window;
    private volatile CanaryDecision demotion;

    CanaryState(String route, Canary canary) {
        this.route = route;
        this.canary = canary;
        this.window = new CanaryWindow(canary.window());
    }

    boolean active() {
        return demotion == null;
    }

    /**
     * Counts one attempt of the canary and judges the window.
     *
     * @return the demotion, when this attempt took the window below the threshold; once only
     */
    synchronized Optional<CanaryDecision> add(boolean success, Instant now) {
        window.add(success, now);
        if (demotion != null) {
            return Optional.empty();
        }
        CanaryWindow.Figures figures = window.figures(now);
        if (figures.attempts() < canary.minRequests()
                || !figures.below(canary.minSuccessPercent())) {
            return Optional.empty();
        }
        demotion =
                new CanaryDecision(
                        now,
                        route,
                        canary,
                        CanaryDecision.Action.DEMOTED,
                        figures.successes(),
                        figures.attempts());
        return Optional.of(demotion);
    }

    /** Demoted by an earlier run of the app (the decision was recorded then). */
    void restore(CanaryDecision earlier) {
        demotion = earlier;
    }

    synchronized CanaryStatus status(Instant now) {
        CanaryWindow.Figures figures = window.figures(now);
        return new CanaryStatus(
                route,
                canary,
                demotion != null,
                figures.successes(),
                figures.attempts(),
                Optional.ofNullable(demotion));
    }
}
