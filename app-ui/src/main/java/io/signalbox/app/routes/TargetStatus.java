package io.signalbox.app.routes;

/**
 * How one target of a route is doing, for its health dot.
 *
 * @param description a sentence for the tooltip, e.g. "openai / gpt-4o: cooling until 14:03:10 (the
 *     provider is rate limiting requests)"
 */
public record TargetStatus(ModelRef model, Kind kind, String description) {

    /** The dot's colour: the proxy's health states, plus a switched-off target. */
    public enum Kind {
        HEALTHY,
        COOLING,
        EJECTED,
        HELD_OUT,
        DISABLED
    }
}
