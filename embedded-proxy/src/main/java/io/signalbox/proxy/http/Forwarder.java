package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.routing.FailureClassifier;
import io.signalbox.proxy.routing.FailureKind;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.RetryAfter;
import io.signalbox.proxy.routing.RoutePlan;
import io.signalbox.proxy.routing.RoutePlanner;
import io.signalbox.proxy.routing.Target;
import io.signalbox.proxy.upstream.UpstreamClient;
import io.signalbox.proxy.upstream.UpstreamFailure;
import io.signalbox.proxy.upstream.UpstreamResponse;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.upstream.usage.UsageExtractor;
import io.signalbox.proxy.usage.AttemptOutcome;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The one attempt loop: asks the planner for the order of targets, tries them in turn in the same
 * client call, and stops at the first that serves the call or at a caller mistake. Failures are
 * classified in one place ({@link FailureClassifier}, {@link FailureKind#triesAnotherTarget()}).
 */
final class Forwarder {

    /** Error bodies are small; this is only a bound against a misbehaving upstream. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** Non-streamed answers (chat, embeddings) are read whole to find their usage. */
    static final int MAX_PLAIN_BODY = 64 * 1024 * 1024;

    private final UpstreamClient upstreams;
    private final HealthBook health;
    private final ProxyOptions options;
    private final Clock clock;
    private final DoubleSupplier random;

    Forwarder(
            UpstreamClient upstreams,
            HealthBook health,
            ProxyOptions options,
            Clock clock,
            DoubleSupplier random) {
        this.upstreams = upstreams;
        this.health = health;
        this.options = options;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Serves a call that is not streamed without holding a thread while upstreams answer; {@code
     * done} gets what happened, for the request log.
     */
    void forwardPlain(Exchange exchange, ClientChannel client, Consumer<ForwardResult> done) {
        RoutePlan plan =
                RoutePlanner.plan(exchange.route(), health, random.getAsDouble(), clock.instant());
        if (plan.attempts().isEmpty()) {
            done.accept(FinalErrors.everyTargetOut(exchange, plan, client, clock.instant()));
            return;
        }
        new PlainCallChain(exchange, plan, client, upstreams, health, options, clock, done)
                .tryNext();
    }

    /** Serves the exchange and returns what happened, for the request log. */
    ForwardResult forward(Exchange exchange, ClientChannel client) throws InterruptedException {
        RoutePlan plan =
                RoutePlanner.plan(exchange.route(), health, random.getAsDouble(), clock.instant());
        List<AttemptOutcome> attempts = new ArrayList<>();
        if (plan.attempts().isEmpty()) {
            return FinalErrors.everyTargetOut(exchange, plan, client, clock.instant());
        }
        long deadline = exchange.startNanos() + options.totalTimeout().toNanos();
        FinalErrors.LastFailure last = null;
        for (Target target : plan.attempts()) {
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                last = FinalErrors.LastFailure.timeout("the total deadline passed");
                break;
            }
            ProviderEndpoint provider = exchange.table().providers().get(target.provider());
            if (provider == null || !provider.enabled()) {
                continue;
            }
            Attempt attempt =
                    new Attempt(attempts.size() + 1, target, upstreamModel(exchange, target));
            Duration firstByte =
                    min(exchange.route().firstByteTimeout(), Duration.ofNanos(remainingNanos));
            UpstreamResponse response;
            try {
                response =
                        upstreams.post(
                                URI.create(
                                        provider.baseUrl() + exchange.endpoint().upstreamSuffix()),
                                upstreamHeaders(provider),
                                upstreamBody(exchange, attempt.model()),
                                firstByte,
                                options.streamIdleTimeout());
            } catch (UpstreamFailure failure) {
                health.recordFailure(
                        target.key(), failure.kind(), Optional.empty(), clock.instant());
                attempts.add(
                        attempt.outcome(
                                failure.kind(), OptionalInt.empty(), false, failure.getMessage()));
                last =
                        failure.kind() == FailureKind.TIMEOUT
                                ? FinalErrors.LastFailure.timeout(
                                        describe(target, failure.getMessage()))
                                : FinalErrors.LastFailure.noAnswer(
                                        describe(target, failure.getMessage()));
                continue;
            }
            try (response) {
                if (response.status() >= 300) {
                    byte[] errorBody = readQuietly(response, MAX_ERROR_BODY);
                    FailureKind kind =
                            FailureClassifier.classifyStatus(
                                    response.status(),
                                    new String(errorBody, StandardCharsets.UTF_8));
                    // A passed-through caller error is what the client gets: committed.
                    attempts.add(
                            attempt.outcome(
                                    kind,
                                    OptionalInt.of(response.status()),
                                    !kind.triesAnotherTarget(),
                                    "HTTP " + response.status()));
                    if (!kind.triesAnotherTarget()) {
                        // A caller mistake: the next target would say the same; pass it on as is.
                        FinalErrors.passThrough(
                                exchange,
                                attempt,
                                response.status(),
                                response.contentType(),
                                errorBody,
                                attempts.size(),
                                client);
                        return ForwardResult.passedThrough(attempt, response.status(), attempts);
                    }
                    health.recordFailure(
                            target.key(),
                            kind,
                            RetryAfter.parse(
                                    response.header("retry-after-ms"),
                                    response.header(HttpHeader.RETRY_AFTER.asString()),
                                    clock.instant()),
                            clock.instant());
                    last =
                            FinalErrors.LastFailure.http(
                                    response.status(),
                                    response.header(HttpHeader.RETRY_AFTER.asString()),
                                    describe(target, "HTTP " + response.status()));
                    continue;
                }
                RelayOutcome relayed =
                        relay(exchange, attempt, response, client, attempts.size() + 1);
                if (relayed.served()) {
                    recordServedHealth(target, relayed);
                    attempts.add(attempt.outcome(relayed, OptionalInt.of(response.status()), true));
                    return ForwardResult.served(attempt, response.status(), attempts, relayed);
                }
                FailureKind kind = relayed.failureBeforeCommit().get();
                health.recordFailure(target.key(), kind, Optional.empty(), clock.instant());
                // The relay's own outcome name: "error_event" says more than the kind it maps to.
                attempts.add(attempt.outcome(relayed, OptionalInt.of(response.status()), false));
                String why = describe(target, relayed.error().orElse("failed"));
                // Silence before the first event is a timeout like any other: 504, not 502.
                last =
                        kind == FailureKind.TIMEOUT
                                ? FinalErrors.LastFailure.timeout(why)
                                : FinalErrors.LastFailure.noAnswer(why);
            }
        }
        return FinalErrors.everyAttemptFailed(exchange, attempts, last, client);
    }

    /**
     * A stream the upstream broke after it began counts against the target like any server error,
     * so a target that keeps cutting answers is ejected; a client that left says nothing about the
     * target.
     */
    private void recordServedHealth(Target target, RelayOutcome relayed) {
        switch (relayed.outcome()) {
            case "ok" -> health.recordSuccess(target.key());
            case "failed_after_commit" ->
                    health.recordFailure(
                            target.key(),
                            FailureKind.SERVER_ERROR,
                            Optional.empty(),
                            clock.instant());
            default -> {
                // client_cancelled: no verdict on the target.
            }
        }
    }

    private RelayOutcome relay(
            Exchange exchange,
            Attempt attempt,
            UpstreamResponse response,
            ClientChannel client,
            int attemptCount) {
        boolean streamed = exchange.stream() && response.isEventStream();
        Runnable commit =
                () -> {
                    client.status(response.status());
                    String type = response.contentType();
                    client.headers()
                            .put(
                                    HttpHeader.CONTENT_TYPE,
                                    type.isEmpty() ? "application/json" : type);
                    if (streamed) {
                        // Tell any proxy in between not to hold events back.
                        client.headers().put(HttpHeader.CACHE_CONTROL, "no-cache");
                        client.headers().put("X-Accel-Buffering", "no");
                    }
                    ResponseHeaders.served(
                            client.headers(),
                            exchange,
                            attempt.target(),
                            attempt.model(),
                            attemptCount);
                };
        if (streamed) {
            return new StreamRelay(
                            response,
                            client,
                            exchange.endpoint(),
                            exchange.clientWantsUsage(),
                            commit)
                    .relay();
        }
        byte[] body;
        try {
            body = response.readBody(MAX_PLAIN_BODY + 1);
            if (body.length > MAX_PLAIN_BODY) {
                // Serving a truncated answer as a success would be worse than failing over.
                return RelayOutcome.failedBeforeCommit(
                        FailureKind.SERVER_ERROR, "server_error", "the answer is too large");
            }
        } catch (IOException e) {
            if (StreamRelay.isTimeout(e)) {
                // The body stalled past the idle timeout: a timeout (504 if it is the last), not a
                // broken connection.
                return RelayOutcome.failedBeforeCommit(
                        FailureKind.TIMEOUT, "timeout", "the answer stalled (idle timeout)");
            }
            return RelayOutcome.failedBeforeCommit(
                    FailureKind.CONNECT_FAILED,
                    "connect_failed",
                    "the answer broke off: " + e.getMessage());
        }
        JsonNode json = PlainAnswer.summary(body);
        if (json != null) {
            Optional<String> error = UsageExtractor.errorMessage(json);
            if (error.isPresent()) {
                return RelayOutcome.failedBeforeCommit(
                        FailureKind.SERVER_ERROR,
                        "error_event",
                        "HTTP 200 with an error: " + error.get());
            }
        }
        commit.run();
        client.finish(body);
        Optional<UsageCounts> usage =
                json == null ? Optional.empty() : UsageExtractor.fromResponse(json);
        // The generated text is only needed to estimate when the upstream sent no usage.
        String text = usage.isPresent() ? "" : generatedText(PlainAnswer.full(body));
        return new RelayOutcome(Optional.empty(), "ok", Optional.empty(), usage, text);
    }

    static String generatedText(JsonNode json) {
        if (json == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : json.path("choices")) {
            text.append(choice.path("message").path("content").asText(""));
            text.append(choice.path("text").asText(""));
        }
        for (JsonNode output : json.path("output")) {
            for (JsonNode content : output.path("content")) {
                text.append(content.path("text").asText(""));
            }
        }
        return text.toString();
    }

    static String upstreamModel(Exchange exchange, Target target) {
        return Target.PASS_THROUGH.equals(target.model())
                ? exchange.requestedModel()
                : target.model();
    }

    /**
     * The client's body with only {@code model} rewritten (and, for a stream, usage asked for so
     * that it can be recorded exactly). Every other field goes as sent.
     */
    static byte[] upstreamBody(Exchange exchange, String model) {
        boolean askForUsage =
                exchange.stream()
                        && exchange.endpoint().takesStreamOptions()
                        && !exchange.clientWantsUsage();
        return exchange.body().forUpstream(model, askForUsage);
    }

    /** The provider's key and extra headers; never anything from the client's credentials. */
    static Map<String, String> upstreamHeaders(ProviderEndpoint provider) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, text/event-stream");
        provider.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        provider.headers().forEach(headers::put);
        return headers;
    }

    private static byte[] readQuietly(UpstreamResponse response, int max) {
        try {
            return response.readBody(max);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static String describe(Target target, String what) {
        return target.provider() + "/" + target.model() + ": " + what;
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One try of one target. */
    record Attempt(int number, Target target, String model, long startNanos) {

        Attempt(int number, Target target, String model) {
            this(number, target, model, System.nanoTime());
        }

        long elapsedMillis() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }

        AttemptOutcome outcome(
                FailureKind kind, OptionalInt status, boolean committed, String error) {
            return new AttemptOutcome(
                    number,
                    target.provider(),
                    model,
                    kind.name().toLowerCase(Locale.ROOT),
                    status,
                    elapsedMillis(),
                    committed,
                    Optional.ofNullable(error));
        }

        AttemptOutcome outcome(RelayOutcome relayed, OptionalInt status, boolean committed) {
            return new AttemptOutcome(
                    number,
                    target.provider(),
                    model,
                    relayed.outcome(),
                    status,
                    elapsedMillis(),
                    committed,
                    relayed.error());
        }
    }
}
