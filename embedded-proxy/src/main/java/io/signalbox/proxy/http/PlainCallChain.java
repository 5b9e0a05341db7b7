package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.routing.FailureClassifier;
import io.signalbox.proxy.routing.FailureKind;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.RetryAfter;
import io.signalbox.proxy.routing.RoutePlan;
import io.signalbox.proxy.routing.Target;
import io.signalbox.proxy.upstream.BufferedAnswer;
import io.signalbox.proxy.upstream.UpstreamClient;
import io.signalbox.proxy.upstream.UpstreamFailure;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.upstream.usage.UsageExtractor;
import io.signalbox.proxy.usage.AttemptOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The attempt loop for calls that are not streamed, without a thread waiting on each upstream:
 * every attempt is sent, and the next step runs when its whole answer (or its failure) is in. The
 * rules are the blocking loop's ({@link Forwarder}): same plan, same failure classes, same final
 * answers; only the waiting differs, which is what lets one thread pool serve many more calls.
 */
final class PlainCallChain {

    private final Exchange exchange;
    private final RoutePlan plan;
    private final ClientChannel client;
    private final UpstreamClient upstreams;
    private final HealthBook health;
    private final ProxyOptions options;
    private final Clock clock;
    private final Consumer<ForwardResult> done;
    private final List<AttemptOutcome> attempts = new ArrayList<>();
    private final long deadline;
    private int next;
    private FinalErrors.LastFailure last;

    PlainCallChain(
            Exchange exchange,
            RoutePlan plan,
            ClientChannel client,
            UpstreamClient upstreams,
            HealthBook health,
            ProxyOptions options,
            Clock clock,
            Consumer<ForwardResult> done) {
        this.exchange = exchange;
        this.plan = plan;
        this.client = client;
        this.upstreams = upstreams;
        this.health = health;
        this.options = options;
        this.clock = clock;
        this.done = done;
        this.deadline = exchange.startNanos() + options.totalTimeout().toNanos();
    }

    /** Tries the next target of the plan, or answers with the final error when none is left. */
    void tryNext() {
        while (next < plan.attempts().size()) {
            Target target = plan.attempts().get(next++);
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                last = FinalErrors.LastFailure.timeout("the total deadline passed");
                break;
            }
            ProviderEndpoint provider = exchange.table().providers().get(target.provider());
            if (provider == null || !provider.enabled()) {
                continue;
            }
            Forwarder.Attempt attempt =
                    new Forwarder.Attempt(
                            attempts.size() + 1, target, Forwarder.upstreamModel(exchange, target));
            upstreams.postBuffered(
                    URI.create(provider.baseUrl() + exchange.endpoint().upstreamSuffix()),
                    Forwarder.upstreamHeaders(provider),
                    Forwarder.upstreamBody(exchange, attempt.model()),
                    Forwarder.min(
                            exchange.route().firstByteTimeout(), Duration.ofNanos(remainingNanos)),
                    options.streamIdleTimeout(),
                    Forwarder.MAX_PLAIN_BODY,
                    answer -> onAnswer(attempt, answer));
            return;
        }
        done.accept(FinalErrors.everyAttemptFailed(exchange, attempts, last, client));
    }

    private void onAnswer(Forwarder.Attempt attempt, BufferedAnswer answer) {
        try {
            handle(attempt, answer);
        } catch (RuntimeException e) {
            // Whatever went wrong, the client must get an answer and the exchange must end.
            client.failInternally(e);
            done.accept(ForwardResult.failed(500, attempts, "internal error: " + e));
        }
    }

    private void handle(Forwarder.Attempt attempt, BufferedAnswer answer) {
        Target target = attempt.target();
        if (answer.failure().isPresent()) {
            UpstreamFailure failure = answer.failure().get();
            OptionalInt began =
                    answer.status() > 0 ? OptionalInt.of(answer.status()) : OptionalInt.empty();
            fail(attempt, failure.kind(), null, began, failure.getMessage(), null);
            return;
        }
        int status = answer.status();
        if (status >= 300) {
            FailureKind kind =
                    FailureClassifier.classifyStatus(
                            status, new String(answer.body(), StandardCharsets.UTF_8));
            if (!kind.triesAnotherTarget()) {
                attempts.add(attempt.outcome(kind, OptionalInt.of(status), true, "HTTP " + status));
                FinalErrors.passThrough(
                        exchange,
                        attempt,
                        status,
                        answer.contentType(),
                        answer.body(),
                        attempts.size(),
                        client);
                done.accept(ForwardResult.passedThrough(attempt, status, attempts));
                return;
            }
            fail(attempt, kind, null, OptionalInt.of(status), "HTTP " + status, answer);
            return;
        }
        JsonNode summary = PlainAnswer.summary(answer.body());
        Optional<String> error =
                summary == null ? Optional.empty() : UsageExtractor.errorMessage(summary);
        if (error.isPresent()) {
            fail(
                    attempt,
                    FailureKind.SERVER_ERROR,
                    "error_event",
                    OptionalInt.of(status),
                    "HTTP 200 with an error: " + error.get(),
                    null);
            return;
        }
        health.recordSuccess(target.key());
        int attemptCount = attempts.size() + 1;
        client.status(status);
        String type = answer.contentType();
        client.headers().put(HttpHeader.CONTENT_TYPE, type.isEmpty() ? "application/json" : type);
        ResponseHeaders.served(client.headers(), exchange, target, attempt.model(), attemptCount);
        client.finish(answer.body());
        Optional<UsageCounts> usage =
                summary == null ? Optional.empty() : UsageExtractor.fromResponse(summary);
        // The generated text is only needed to estimate when the upstream sent no usage.
        String text =
                usage.isPresent() ? "" : Forwarder.generatedText(PlainAnswer.full(answer.body()));
        RelayOutcome relayed =
                new RelayOutcome(Optional.empty(), "ok", Optional.empty(), usage, text);
        attempts.add(attempt.outcome(relayed, OptionalInt.of(status), true));
        done.accept(ForwardResult.served(attempt, status, attempts, relayed));
    }

    /**
     * Records a failed attempt and moves on to the next target.
     *
     * @param outcome the request log's name for it, when more telling than the kind's
     */
    private void fail(
            Forwarder.Attempt attempt,
            FailureKind kind,
            String outcome,
            OptionalInt status,
            String why,
            BufferedAnswer answer) {
        Target target = attempt.target();
        Optional<Duration> retryAfter =
                answer == null
                        ? Optional.empty()
                        : RetryAfter.parse(
                                answer.header("retry-after-ms"),
                                answer.header(HttpHeader.RETRY_AFTER.asString()),
                                clock.instant());
        health.recordFailure(target.key(), kind, retryAfter, clock.instant());
        AttemptOutcome failed = attempt.outcome(kind, status, false, why);
        if (outcome != null) {
            failed =
                    new AttemptOutcome(
                            failed.attemptNo(),
                            failed.provider(),
                            failed.model(),
                            outcome,
                            failed.status(),
                            failed.latencyMs(),
                            false,
                            failed.error());
        }
        attempts.add(failed);
        String description = Forwarder.describe(target, why);
        if (answer != null) {
            last =
                    FinalErrors.LastFailure.http(
                            answer.status(),
                            answer.header(HttpHeader.RETRY_AFTER.asString()),
                            description);
        } else if (kind == FailureKind.TIMEOUT) {
            last = FinalErrors.LastFailure.timeout(description);
        } else {
            last = FinalErrors.LastFailure.noAnswer(description);
        }
        tryNext();
    }
}
