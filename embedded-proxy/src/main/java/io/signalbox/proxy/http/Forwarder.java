package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.routing.CanaryBook;
import io.signalbox.proxy.routing.CanarySplit;
import io.signalbox.proxy.routing.FailureClassifier;
import io.signalbox.proxy.routing.FailureKind;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.HealthView;
import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.Rotations;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutePlan;
import io.signalbox.proxy.routing.RoutePlanner;
import io.signalbox.proxy.routing.Selection;
import io.signalbox.proxy.routing.Target;
import io.signalbox.proxy.routing.TpmLimits;
import io.signalbox.proxy.upstream.UpstreamClient;
import io.signalbox.proxy.usage.AttemptOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Starts a call's attempt loop: asks the planner for the order of targets, then tries them in turn
 * in the same client call ({@link CallChain}), stopping at the first that serves the call or at a
 * caller mistake. Failures are classified in one place ({@link FailureClassifier}, {@link
 * FailureKind#triesAnotherTarget()}).
 */
final class Forwarder {

    /**
     * The most of an answer read whole (chat, embeddings, an error, a JSON answer to a streamed
     * request) to find its usage: a larger one fails the attempt rather than fill memory.
     */
    static final int MAX_PLAIN_BODY = 64 * 1024 * 1024;

    private final UpstreamClient upstreams;
    private final HealthBook health;
    private final ProxyOptions options;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Rotations rotations = new Rotations();
    private final CanaryBook canaries;
    private final TpmLimits tpmLimits;

    Forwarder(
            UpstreamClient upstreams,
            HealthBook health,
            ProxyOptions options,
            Clock clock,
            DoubleSupplier random,
            CanaryBook canaries,
            TpmLimits tpmLimits) {
        this.upstreams = upstreams;
        this.tpmLimits = tpmLimits;
        this.health = health;
        this.options = options;
        this.clock = clock;
        this.random = random;
        this.canaries = canaries;
    }

    /**
     * Serves the exchange without holding a thread while upstreams answer; {@code done} gets what
     * happened, for the request log.
     */
    void forward(Exchange exchange, ClientChannel client, Consumer<ForwardResult> done) {
        Route route = exchange.route();
        Instant now = clock.instant();
        // Models at their tokens-per-minute limit look like cooling ones to the planner.
        HealthView planning = tpmLimits.over(health);
        long turn =
                route.selection() == Selection.ROUND_ROBIN
                        ? rotations.next(
                                route.name(),
                                RoutePlanner.rotationGroup(
                                        route, exchange.request(), planning, now))
                        : 0;
        double sample = random.getAsDouble();
        boolean canaryActive = canaries.isActive(route);
        RoutePlan plan =
                CanarySplit.plan(
                        route, exchange.request(), planning, sample, turn, now, canaryActive);
        // Held out by its health, not by a tokens-per-minute limit: only that counts against it.
        if (CanarySplit.heldOut(route, exchange.request(), health, sample, now, canaryActive)) {
            canaries.recordHeldOut(route, now);
        }
        if (plan.noTargetMatches()) {
            done.accept(FinalErrors.noTargetMatches(exchange, client));
            return;
        }
        if (plan.attempts().isEmpty()) {
            done.accept(FinalErrors.everyTargetOut(exchange, plan, client, clock.instant()));
            return;
        }
        CallChain chain =
                exchange.stream()
                        ? new StreamCallChain(
                                exchange, plan, client, upstreams, health, options, clock, done)
                        : new PlainCallChain(
                                exchange, plan, client, upstreams, health, options, clock, done);
        chain.tryNext();
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
