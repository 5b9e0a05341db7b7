package io.signalbox.app.discovery;

/**
 * A route target or fallback, named so that the user can find it: route, list and position.
 *
 * @param index the position in the route's targets or fallbacks, from 0
 * @param model the upstream model name the target asks for
 */
public record TargetRef(String route, Role role, int index, String provider, String model) {

    /** Which of a route's lists the reference points into. */
    public enum Role {
        TARGET,
        FALLBACK
    }
}
