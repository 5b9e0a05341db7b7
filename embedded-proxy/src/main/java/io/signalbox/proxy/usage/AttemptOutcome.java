package io.signalbox.proxy.usage;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One upstream attempt of a client request.
 *
 * @param outcome {@code ok}, {@code rate_limited}, {@code server_error}, {@code connect_failed},
 *     {@code timeout}, {@code auth_rejected}, {@code quota_exhausted}, {@code model_not_found},
 *     {@code caller_error}, {@code error_event}, {@code failed_after_commit} or {@code
 *     client_cancelled}
 * @param status the upstream's HTTP status, absent when it never answered
 * @param committed whether the client had already received the status line from this attempt
 */
public record AttemptOutcome(
        int attemptNo,
        String provider,
        String model,
        String outcome,
        OptionalInt status,
        long latencyMs,
        boolean committed,
        Optional<String> error) {}
