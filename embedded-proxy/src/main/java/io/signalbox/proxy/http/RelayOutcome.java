package io.signalbox.proxy.http;

import io.signalbox.proxy.routing.FailureKind;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import java.util.Optional;

/**
 * How relaying one upstream answer ended.
 *
 * @param failureBeforeCommit set when the attempt failed before the client saw anything, so the
 *     next target may still serve the call
 * @param outcome the attempt outcome for the request log ({@code ok}, {@code failed_after_commit},
 *     {@code client_cancelled}, or the failure's name)
 * @param error what went wrong, also after commit
 * @param usage the upstream's own count, when it sent one
 * @param generatedText the text the model produced, for an estimate when no usage came
 */
record RelayOutcome(
        Optional<FailureKind> failureBeforeCommit,
        String outcome,
        Optional<String> error,
        Optional<UsageCounts> usage,
        String generatedText) {

    static RelayOutcome failedBeforeCommit(FailureKind kind, String outcome, String message) {
        return new RelayOutcome(
                Optional.of(kind), outcome, Optional.of(message), Optional.empty(), "");
    }

    boolean served() {
        return failureBeforeCommit.isEmpty();
    }
}
