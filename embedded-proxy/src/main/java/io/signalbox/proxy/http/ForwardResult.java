package io.signalbox.proxy.http;

import io.signalbox.proxy.routing.TargetKey;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.usage.AttemptOutcome;
import java.util.List;
import java.util.Optional;

/**
 * What one forwarded call came to, for the request log.
 *
 * @param status the status the client got
 * @param provider the provider whose answer the client got, absent when none answered usefully
 * @param model the upstream model of that provider
 * @param usage the upstream's own count, when it sent one
 * @param generatedText what the model produced, for an estimate when there is no count
 * @param error why the call failed, also when it failed after the answer began
 * @param servedBy the target whose answer the client got, whose model's tokens-per-minute window
 *     the call's tokens count in
 */
record ForwardResult(
        int status,
        Optional<String> provider,
        Optional<String> model,
        List<AttemptOutcome> attempts,
        Optional<UsageCounts> usage,
        String generatedText,
        boolean tokensCount,
        Optional<String> error,
        Optional<TargetKey> servedBy) {

    static ForwardResult served(
            Forwarder.Attempt attempt,
            int status,
            List<AttemptOutcome> attempts,
            RelayOutcome relayed) {
        return new ForwardResult(
                status,
                Optional.of(attempt.target().provider()),
                Optional.of(attempt.model()),
                attempts,
                relayed.usage(),
                relayed.generatedText(),
                true,
                relayed.error(),
                Optional.of(attempt.target().key()));
    }

    /** A caller mistake the upstream answered; it is passed through and costs no tokens. */
    static ForwardResult passedThrough(
            Forwarder.Attempt attempt, int status, List<AttemptOutcome> attempts) {
        return new ForwardResult(
                status,
                Optional.of(attempt.target().provider()),
                Optional.of(attempt.model()),
                attempts,
                Optional.empty(),
                "",
                false,
                Optional.of("the upstream rejected the request (HTTP " + status + ")"),
                Optional.empty());
    }

    static ForwardResult failed(int status, List<AttemptOutcome> attempts, String error) {
        return new ForwardResult(
                status,
                Optional.empty(),
                Optional.empty(),
                attempts,
                Optional.empty(),
                "",
                false,
                Optional.of(error),
                Optional.empty());
    }
}
