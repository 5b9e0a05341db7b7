package io.signalbox.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One client request through the proxy, as the request log keeps it.
 *
 * @param id the request id sent back as {@code x-request-id}; at most {@value #MAX_ID_LENGTH}
 *     characters
 * @param route the route name the client asked for (its {@code model} field)
 * @param provider the provider of the target that served the request, absent when none did
 * @param model the upstream model that served the request, absent when none did
 * @param accessKeyName the access key the client used, absent when none was needed
 * @param status the HTTP status the client got
 * @param latencyMs from receiving the request to its last byte
 * @param attempts every upstream attempt, in order
 * @param error why the request failed, absent when it succeeded
 */
public record RequestRecord(
        String id,
        Instant startedAt,
        String route,
        Optional<String> provider,
        Optional<String> model,
        Optional<String> accessKeyName,
        int status,
        boolean stream,
        long latencyMs,
        List<AttemptRecord> attempts,
        TokenUsage usage,
        Optional<String> error) {

    public static final int MAX_ID_LENGTH = 64;

    public RequestRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(route, "route");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    "a request id has 1 to " + MAX_ID_LENGTH + " characters");
        }
        provider = provider == null ? Optional.empty() : provider;
        model = model == null ? Optional.empty() : model;
        accessKeyName = accessKeyName == null ? Optional.empty() : accessKeyName;
        attempts = List.copyOf(attempts);
        usage = usage == null ? TokenUsage.NONE : usage;
        error = error == null ? Optional.empty() : error;
    }

    /** How many upstream attempts were made ({@code x-signalbox-attempts}). */
    public int attemptCount() {
        return attempts.size();
    }

    /** Counted as an error in usage: an error status, or a failure after the answer began. */
    public boolean failed() {
        return status >= 400 || error.isPresent();
    }
}
