package io.signalbox.persistence;

import java.util.Objects;
import java.util.Optional;

/**
 * One upstream attempt of a request: a target or fallback that was tried.
 *
 * @param attemptNo 1 for the first attempt, counting up in the order they were made
 * @param outcome what happened, in the proxy's words (e.g. {@code ok}, {@code http_error}, {@code
 *     timeout})
 * @param status the upstream's HTTP status, or null when no HTTP answer came
 * @param committed true when this attempt's response was sent on to the client, after which no
 *     other target could be tried
 * @param error why the attempt failed, absent when it succeeded
 */
public record AttemptRecord(
        int attemptNo,
        String provider,
        String model,
        String outcome,
        Integer status,
        long latencyMs,
        boolean committed,
        Optional<String> error) {

    public AttemptRecord {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(outcome, "outcome");
        error = error == null ? Optional.empty() : error;
        if (attemptNo < 1) {
            throw new IllegalArgumentException("attemptNo starts at 1");
        }
    }
}
