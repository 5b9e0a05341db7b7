package io.signalbox.proxy.routing;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A decision about a route's canary and the figures it was taken on: the proxy demotes a canary
 * below its threshold; the user promotes it or rolls it back.
 *
 * @param successes and {@code attempts}: the canary's window at the time
 */
public record CanaryDecision(
        Instant at, String route, Canary canary, Action action, long successes, long attempts) {

    public CanaryDecision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(action, "action");
    }

    /** What was decided; {@link #json()} is the word the API and the store use. */
    public enum Action {
        DEMOTED,
        PROMOTED,
        ROLLED_BACK;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Action fromJson(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    /** Successes over attempts in whole percent, rounded down; 100 when there were none. */
    public int successPercent() {
        return attempts == 0 ? 100 : (int) (successes * 100 / attempts);
    }
}
