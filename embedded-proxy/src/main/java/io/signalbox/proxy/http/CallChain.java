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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The one attempt loop, run as a chain of callbacks so that no thread waits on an upstream: each
 * attempt is sent, and the next step runs when its answer (or its failure) comes in. The two kinds
 * of call differ only in how an attempt is sent and served ({@link PlainCallChain} reads answers
 * whole, {@link StreamCallChain} relays event streams as they arrive); the plan, the failure
 * classes, the health updates and the final answers are the ones here.
 */
abstract class CallChain {

    protected final Exchange exchange;
    protected final ClientChannel client;
    protected final UpstreamClient upstreams;
    protected final HealthBook health;
    protected final ProxyOptions options;
    protected final Clock clock;
    protected final List<AttemptOutcome> attempts = new ArrayList<>();
    private final RoutePlan plan;
    private final Consumer<ForwardResult> done;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final long deadline;
    private int next;
    private FinalErrors.LastFailure last;

    CallChain(
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

    /**
     * Sends one attempt; its answer comes back through {@link #onAnswer}, or ends the call, or
     * moves on with {@link #fail}.
     *
     * @param firstByte the route's first-byte timeout, capped by what is left of the deadline
     */
    abstract void send(
            Forwarder.Attempt attempt,
            ProviderEndpoint provider,
            URI uri,
            Map<String, String> headers,
            byte[] body,
            Duration firstByte);

    /** Tries the next target of the plan, or answers with the final error when none is left. */
    final void tryNext() {
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
            send(
                    attempt,
                    provider,
                    exchange.endpoint().upstreamUri(provider.baseUrl()),
                    Forwarder.upstreamHeaders(provider),
                    Forwarder.upstreamBody(exchange, attempt.model()),
                    Forwarder.min(
                            exchange.route().firstByteTimeout(), Duration.ofNanos(remainingNanos)));
            return;
        }
        finish(FinalErrors.everyAttemptFailed(exchange, attempts, last, client));
    }

    /** The credentials of the attempt's provider, to mask in what that provider sends back. */
    final ProviderSecrets secretsOf(Forwarder.Attempt attempt) {
        return ProviderSecrets.of(exchange.table().providers().get(attempt.target().provider()));
    }

    /** Hands the call's result on, once, however many callbacks end up here. */
    final void finish(ForwardResult result) {
        if (finished.compareAndSet(false, true)) {
            done.accept(result);
        }
    }

    /**
     * Whatever went wrong inside the proxy, the client must get an answer and the call must end.
     */
    final void failInternally(RuntimeException e) {
        client.failInternally(e);
        finish(ForwardResult.failed(500, attempts, "internal error: " + e));
    }

    /** A whole answer, or none: judged and either served, passed through or failed over. */
    final void onAnswer(Forwarder.Attempt attempt, BufferedAnswer answer) {
        try {
            handle(attempt, answer);
        } catch (RuntimeException e) {
            failInternally(e);
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
                // A caller mistake: the next target would say the same; pass it on as is.
                attempts.add(attempt.outcome(kind, OptionalInt.of(status), true, "HTTP " + status));
                FinalErrors.passThrough(
                        exchange,
                        attempt,
                        status,
                        answer.contentType(),
                        secretsOf(attempt).redact(answer.body()),
                        attempts.size(),
                        client);
                finish(ForwardResult.passedThrough(attempt, status, attempts));
                return;
            }
            fail(attempt, kind, null, OptionalInt.of(status), "HTTP " + status, answer);
            return;
        }
        JsonNode summary = PlainAnswer.summary(answer.body());
        if (summary == null && !PlainAnswer.isJson(answer.body())) {
            // Every endpoint answers JSON: a success that is not JSON (cut short, or garbage) is
            // a broken upstream, and the client would only fail to parse it. FaultInjectionIT.
            fail(
                    attempt,
                    FailureKind.SERVER_ERROR,
                    null,
                    OptionalInt.of(status),
                    "HTTP " + status + " with a body that is not JSON",
                    null);
            return;
        }
        Optional<String> error =
                summary == null ? Optional.empty() : UsageExtractor.errorMessage(summary);
        if (error.isPresent()) {
            fail(
                    attempt,
                    FailureKind.SERVER_ERROR,
                    "error_event",
                    OptionalInt.of(status),
                    "HTTP 200 with an error: " + secretsOf(attempt).redact(error.get()),
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
        finish(ForwardResult.served(attempt, status, attempts, relayed));
    }

    /**
     * Records a failed attempt and moves on to the next target.
     *
     * @param outcome the request log's name for it, when more telling than the kind's
     * @param answer the upstream's error answer, whose status and Retry-After count; else null
     */
    final void fail(
            Forwarder.Attempt attempt,
            FailureKind kind,
            String outcome,
            OptionalInt status,
            String why,
            BufferedAnswer answer) {
        Target target = attempt.target();
        why = secretsOf(attempt).redact(why);
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
