package io.signalbox.app.runtime;

import io.signalbox.persistence.AccessKeyRepository;
import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.RequestLogRepository;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import io.signalbox.proxy.usage.AttemptOutcome;
import io.signalbox.proxy.usage.UsageEvent;
import java.time.Instant;
import java.util.ArrayList;
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
        List<RequestRecord> records = new ArrayList<>(events.size());
        for (UsageEvent event : events) {
            records.add(record(event));
        }
        requests.insertBatch(records);
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
                attempts(event.attempts()),
                new TokenUsage(
                        event.usage().promptTokens(),
                        event.usage().completionTokens(),
                        event.usage().totalTokens(),
                        event.usage().cachedTokens(),
                        event.usage().reasoningTokens(),
                        event.estimated()),
                event.error());
    }

    /** A loop rather than a stream: this runs for every stored request, most with one attempt. */
    private static List<AttemptRecord> attempts(List<AttemptOutcome> outcomes) {
        if (outcomes.size() == 1) {
            return List.of(attempt(outcomes.get(0)));
        }
        List<AttemptRecord> records = new ArrayList<>(outcomes.size());
        for (AttemptOutcome outcome : outcomes) {
            records.add(attempt(outcome));
        }
        return records;
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
