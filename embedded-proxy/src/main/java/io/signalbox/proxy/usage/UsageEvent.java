package io.signalbox.proxy.usage;

import io.signalbox.proxy.upstream.usage.UsageCounts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything recorded about one client request once it ended: who asked for which route, which
 * targets were tried, what the client got and how many tokens it cost.
 *
 * @param route the model name the client sent (the route it resolved to, when it did)
 * @param provider the provider that served the request, absent when none did
 * @param model the upstream model that served the request, absent when none did
 * @param estimated true when the upstream reported no usage and the counts are an estimate
 * @param error why the request failed (also after the stream began), absent on success
 */
public record UsageEvent(
        String requestId,
        Instant startedAt,
        String route,
        Optional<String> provider,
        Optional<String> model,
        Optional<String> accessKeyName,
        int status,
        boolean stream,
        long latencyMs,
        List<AttemptOutcome> attempts,
        UsageCounts usage,
        boolean estimated,
        Optional<String> error) {

    public UsageEvent {
        attempts = List.copyOf(attempts);
    }
}
