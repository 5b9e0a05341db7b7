package io.signalbox.app.runtime;

import io.signalbox.persistence.AccessKeyRepository;
import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.RequestLogRepository;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import io.signalbox.proxy.usage.AttemptOutcome;
import io.signalbox.proxy.usage.UsageEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Stores the proxy's finished requests: one request-log row each, with its attempts and usage, in
 * one transaction per batch; and the last use of each access key. Runs on the usage writer thread,
 * never on a request thread.
 */
public final class RequestLogWriter implements Consumer<List<UsageEvent>> {

    private final RequestLogRepository requests;
    private final AccessKeyRepository accessKeys;

    public RequestLogWriter(RequestLogRepository requests, AccessKeyRepository accessKeys) {
        this.requests = requests;
        this.accessKeys = accessKeys;
    }

    @Override
    public void accept(List<UsageEvent> events) {
        requests.insertBatch(events.stream().map(RequestLogWriter::record).toList());
        Map<String, Instant> lastUse = new HashMap<>();
        for (UsageEvent event : events) {
            event.accessKeyName()
                    .ifPresent(
                            name ->
                                    lastUse.merge(
                                            name,
                                            event.startedAt(),
                                            (a, b) -> a.isAfter(b) ? a : b));
        }
        lastUse.forEach(accessKeys::markUsed);
    }

    static RequestRecord record(UsageEvent event) {
        return new RequestRecord(
                event.requestId(),
                event.startedAt(),
                event.route(),
                event.provider(),
                event.model(),
                event.accessKeyName(),
                event.status(),
                event.stream(),
                event.latencyMs(),
                event.attempts().stream().map(RequestLogWriter::attempt).toList(),
                new TokenUsage(
                        event.usage().promptTokens(),
                        event.usage().completionTokens(),
                        event.usage().totalTokens(),
                        event.usage().cachedTokens(),
                        event.usage().reasoningTokens(),
                        event.estimated()),
                event.error());
    }

    private static AttemptRecord attempt(AttemptOutcome attempt) {
        return new AttemptRecord(
                attempt.attemptNo(),
                attempt.provider(),
                attempt.model(),
                attempt.outcome(),
                attempt.status().isPresent() ? attempt.status().getAsInt() : null,
                attempt.latencyMs(),
                attempt.committed(),
                attempt.error());
    }
}
