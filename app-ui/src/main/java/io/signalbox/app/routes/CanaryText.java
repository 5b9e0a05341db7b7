package io.signalbox.app.routes;

import io.signalbox.persistence.config.CanaryConfig;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.CanaryStatus;
import java.util.Optional;

/** The words of a canary's badge: "Canary 10%" or "Demoted: 87% of 40 in 5 min". */
final class CanaryText {

    private CanaryText() {}

    /**
     * @param draft the settings in the editor, null when the target is not marked
     * @param running the proxy's canary for this target, if it runs one
     */
    static String badge(CanaryConfig draft, Optional<CanaryStatus> running) {
        if (running.isPresent() && running.get().demoted()) {
            CanaryStatus status = running.get();
            long successes =
                    status.demotion().map(CanaryDecision::successes).orElse(status.successes());
            long attempts =
                    status.demotion().map(CanaryDecision::attempts).orElse(status.attempts());
            return "Demoted: "
                    + percent(successes, attempts)
                    + "% of "
                    + attempts
                    + " in "
                    + status.canary().windowMinutes()
                    + " min";
        }
        if (draft == null) {
            return "";
        }
        return "Canary " + draft.share() + "%";
    }

    /** "14 of 16 succeeded", for messages. */
    static String figures(long successes, long attempts) {
        return attempts == 0
                ? "no attempts in its window"
                : percent(successes, attempts) + "% of " + attempts + " attempts succeeded";
    }

    private static long percent(long successes, long attempts) {
        return attempts == 0 ? 100 : successes * 100 / attempts;
    }
}
