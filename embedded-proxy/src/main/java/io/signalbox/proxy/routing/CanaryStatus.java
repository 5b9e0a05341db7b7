package io.signalbox.proxy.routing;

import java.util.Optional;

/**
 * A route's canary as the proxy sees it now.
 *
 * @param demoted true once it fell below its threshold: it gets no requests until the user acts
 * @param successes and {@code attempts}: its window now
 * @param demotion the decision that demoted it, when it is demoted
 */
public record CanaryStatus(
        String route,
        Canary canary,
        boolean demoted,
        long successes,
        long attempts,
        Optional<CanaryDecision> demotion) {

    /** The share it gets now: its configured share while active, 0 once demoted. */
    public int currentShare() {
        return demoted ? 0 : canary.share();
    }
}
