package io.signalbox.app.requests;

import java.util.List;

/**
 * A request's attempt trace in words: what happened overall, and each target tried.
 *
 * @param verdict one sentence: who served it, after how many failures, or why nobody did
 * @param outcome the verdict's kind, for its icon and colour
 * @param fallbackUsed whether one of the route's fallbacks was tried
 * @param steps the attempts in the order they were made
 */
public record Trace(String verdict, Outcome outcome, boolean fallbackUsed, List<Step> steps) {

    public Trace {
        steps = List.copyOf(steps);
    }

    /** How the request ended. */
    public enum Outcome {
        SERVED,
        /** Served, but only after at least one target failed. */
        SERVED_AFTER_FAILURES,
        /** The upstream refused the request itself; it went back to the client as it was. */
        PASSED_ON,
        /** Every attempt failed, or none could be made. */
        FAILED,
        /** The answer began and then broke off (or the client left). */
        BROKE_OFF
    }

    /** What one attempt did. */
    public enum StepKind {
        SERVED,
        FAILED,
        PASSED_ON,
        BROKE_OFF
    }

    /**
     * One attempt.
     *
     * @param target {@code provider / model}
     * @param role {@code target}, {@code fallback 1}..., or empty when the route no longer says
     * @param reason what happened, e.g. "rate limited (HTTP 429)"
     */
    public record Step(
            int number, String target, String role, StepKind kind, String reason, long latencyMs) {}
}
