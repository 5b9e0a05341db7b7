package io.signalbox.proxy.http;

import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.access.Caller;
import io.signalbox.proxy.access.KeyTokensToday;
import io.signalbox.proxy.access.TokenAllowance;
import io.signalbox.proxy.routing.CanaryBook;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RouteResolver;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.TpmLimits;
import io.signalbox.proxy.upstream.UpstreamClient;
import io.signalbox.proxy.upstream.usage.TokenEstimator;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.usage.UsageEvent;
import io.signalbox.proxy.usage.UsageSink;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the OpenAI-compatible endpoints under {@code /v1} (CONTRACT section 3), and the same
 * endpoints under {@code /router/{slug}/v1} for a router's routes (ADR 0013): checks the request,
 * resolves its route, lets the {@link Forwarder} serve it, and hands the outcome to the usage sink.
 * It never blocks, so Jetty may run it on the network thread: the body is read asynchronously,
 * calls (streamed or not) are answered from the HTTP client's callbacks, and only work that may
 * block (an access key not yet in memory, the model list) is handed to a worker thread.
 */
public final class ProxyHandler extends Handler.Abstract.NonBlocking {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

    private final Supplier<RoutingTable> table;
    private final AccessPolicy access;
    private final Forwarder forwarder;
    private final UsageSink usage;
    private final ProxyOptions options;
    private final RequestGuard guard;
    private final Clock clock;
    private final RequestIds requestIds;
    private final KeyTokensToday keyTokens;
    private final CanaryBook canaries;
    private final TpmLimits tpmLimits;

    /**
     * @param keyTokens each access key's tokens today, checked against its daily limit when a
     *     request starts and counted when it ends
     * @param random gives the routing sample in [0, 1) for each call
     * @param canaries whether each route's canary is active, and where its attempts are counted
     * @param tpmLimits counts each limited model's tokens as calls end, and keeps models at their
     *     limit out of plans
     */
    public ProxyHandler(
            Supplier<RoutingTable> table,
            AccessPolicy access,
            KeyTokensToday keyTokens,
            UpstreamClient upstreams,
            HealthBook health,
            UsageSink usage,
            ProxyOptions options,
            Clock clock,
            DoubleSupplier random,
            CanaryBook canaries,
            TpmLimits tpmLimits) {
        this.table = table;
        this.canaries = canaries;
        this.access = access;
        this.keyTokens = keyTokens;
        this.forwarder =
                new Forwarder(upstreams, health, options, clock, random, canaries, tpmLimits);
        this.tpmLimits = tpmLimits;
        this.usage = usage;
        this.options = options;
        this.guard = new RequestGuard(options);
        this.clock = clock;
        this.requestIds = new RequestIds(clock);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = requestIds.next();
        response.getHeaders().put(ResponseHeaders.REQUEST_ID, requestId);
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        String path = Request.getPathInContext(request);
        try {
            Optional<String> origin = guard.checkHostAndOrigin(request);
            if (origin.isPresent()) {
                BrowserAccess.allow(response, origin.get());
                if (HttpMethod.OPTIONS.is(request.getMethod())) {
                    BrowserAccess.answerPreflight(response, callback);
                    return true;
                }
            }
            // A router's endpoint serves the same OpenAI paths as /v1, for its routes only.
            Optional<RouterPath> routerPath = RouterPath.parse(path);
            Optional<String> router = routerPath.map(RouterPath::slug);
            String servicePath = routerPath.map(RouterPath::servicePath).orElse(path);
            if (servicePath.equals("/v1/models")) {
                requireMethod(request, HttpMethod.GET);
                onWorker(
                        request,
                        response,
                        callback,
                        () -> {
                            Caller caller = RequestGuard.authenticate(request, access);
                            ModelList.answer(
                                    caller,
                                    RouterScope.tableFor(
                                            caller, router, table.get(), response.getHeaders()),
                                    clock.instant(),
                                    response,
                                    callback);
                        });
                return true;
            }
            Optional<Endpoint> endpoint = Endpoint.forPath(servicePath);
            if (endpoint.isEmpty()) {
                throw new RejectedRequest(
                        404,
                        "invalid_request_error",
                        "unknown_url",
                        "Unknown endpoint "
                                + path
                                + "; Signalbox serves /v1/chat/completions, /v1/completions,"
                                + " /v1/embeddings, /v1/responses and /v1/models"
                                + " (and the same under /router/SLUG for each router)");
            }
            requireMethod(request, HttpMethod.POST);
            long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (declared > options.maxBodyBytes()) {
                // Answered before reading a byte of it: a huge upload costs the proxy nothing.
                throw RejectedRequest.tooLarge(options.maxBodyBytes());
            }
            Content.Source.asByteArrayAsync(
                            request, (int) Math.min(options.maxBodyBytes(), Integer.MAX_VALUE - 16))
                    .whenComplete(
                            (bytes, failure) -> {
                                if (failure != null) {
                                    reject(response, callback, bodyFailure(failure));
                                    return;
                                }
                                Runnable next =
                                        () ->
                                                forward(
                                                        request,
                                                        response,
                                                        callback,
                                                        endpoint.get(),
                                                        router,
                                                        bytes,
                                                        requestId,
                                                        startedAt,
                                                        startNanos);
                                boolean fromMemory =
                                        RequestGuard.presentedKey(request)
                                                .map(access::answersFromMemory)
                                                .orElse(true);
                                if (fromMemory) {
                                    next.run();
                                } else {
                                    onWorker(request, response, callback, next::run);
                                }
                            });
        } catch (RejectedRequest rejected) {
            reject(response, callback, rejected);
        }
        return true;
    }

    private static void reject(Response response, Callback callback, RejectedRequest rejected) {
        OpenAiErrors.send(
                response,
                callback,
                rejected.status(),
                rejected.getMessage(),
                rejected.type(),
                rejected.code());
    }

    /** Reading the body failed: too long (Jetty stops at the limit) or the client broke off. */
    private RejectedRequest bodyFailure(Throwable failure) {
        Throwable cause =
                failure instanceof java.util.concurrent.CompletionException
                        ? failure.getCause()
                        : failure;
        if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            return RejectedRequest.tooLarge(options.maxBodyBytes());
        }
        return RejectedRequest.badRequest("The request body could not be read");
    }

    /** Work that may block: run it on a worker thread, never on the network thread. */
    private interface BlockingStep {
        void run() throws RejectedRequest;
    }

    private static void onWorker(
            Request request, Response response, Callback callback, BlockingStep step) {
        request.getComponents().getExecutor().execute(() -> runStep(response, callback, step));
    }

    private static void runStep(Response response, Callback callback, BlockingStep step) {
        try {
            step.run();
        } catch (RejectedRequest rejected) {
            reject(response, callback, rejected);
        } catch (RuntimeException e) {
            LOG.warn("Request failed inside the proxy: {}", e.toString());
            new ClientChannel(response, callback).failInternally(e);
        }
    }

    private static void requireMethod(Request request, HttpMethod method) throws RejectedRequest {
        if (!method.is(request.getMethod())) {
            throw new RejectedRequest(
                    405,
                    "invalid_request_error",
                    "method_not_allowed",
                    "Use " + method.asString() + " for " + Request.getPathInContext(request));
        }
    }

    private void forward(
            Request request,
            Response response,
            Callback callback,
            Endpoint endpoint,
            Optional<String> router,
            byte[] bytes,
            String requestId,
            Instant startedAt,
            long startNanos) {
        runStep(
                response,
                callback,
                () -> {
                    Caller caller = RequestGuard.authenticate(request, access);
                    RoutingTable snapshot = table.get();
                    RoutingTable reachable =
                            RouterScope.tableFor(caller, router, snapshot, response.getHeaders());
                    ClientBody body = ClientBody.parse(bytes);
                    String model = body.model();
                    Route route =
                            RouteResolver.resolve(reachable, model)
                                    .orElseThrow(
                                            () ->
                                                    router.isPresent() && model != null
                                                            ? RouterScope.modelNotOnRouter(
                                                                    model, router.get())
                                                            : RejectedRequest.modelNotFound(model));
                    if (!caller.mayUse(route.name())) {
                        throw RejectedRequest.forbidden(
                                "model_not_allowed",
                                "This access key may not use the model '" + model + "'");
                    }
                    boolean stream = endpoint.streamable() && body.stream();
                    Exchange exchange =
                            new Exchange(
                                    requestId,
                                    startedAt,
                                    startNanos,
                                    endpoint,
                                    body,
                                    model,
                                    route,
                                    caller,
                                    stream,
                                    body.includeUsage(),
                                    snapshot,
                                    MatchableRequest.of(request, route));
                    ClientChannel client = new ClientChannel(response, callback);
                    // Checked when the request starts, before any upstream is called: a request
                    // in flight when the key crosses its limit finishes.
                    Instant now = clock.instant();
                    TokenAllowance allowance = keyTokens.allowance(caller, now);
                    if (allowance.state() == TokenAllowance.State.EXHAUSTED) {
                        finished(
                                exchange, DailyTokenLimit.refuse(exchange, allowance, client, now));
                        return;
                    }
                    if (allowance.state() == TokenAllowance.State.WARNING) {
                        DailyTokenLimit.warn(response.getHeaders(), allowance);
                    }
                    // Answered from the HTTP client's callbacks, streamed or not: no thread waits
                    // for the upstream or the client.
                    forwarder.forward(exchange, client, result -> finished(exchange, result));
                });
    }

    /** Counts the call's tokens toward its key's day, then hands it to the request log. */
    private void finished(Exchange exchange, ForwardResult result) {
        UsageEvent event = usageEvent(exchange, result);
        canaries.record(exchange.route(), result.attempts(), clock.instant());
        event.accessKeyName()
                .ifPresent(
                        key -> keyTokens.add(key, event.startedAt(), event.usage().totalTokens()));
        // The served target's key, not the model name sent: a pass-through target is one upstream.
        result.servedBy()
                .ifPresent(
                        key -> tpmLimits.record(key, event.usage().totalTokens(), clock.instant()));
        usage.record(event);
    }

    private UsageEvent usageEvent(Exchange exchange, ForwardResult result) {
        UsageCounts counts = UsageCounts.ZERO;
        boolean estimated = false;
        if (result.tokensCount()) {
            if (result.usage().isPresent()) {
                counts = result.usage().get();
            } else {
                // No count from the upstream: an estimate, marked as such, never a silent zero.
                long prompt = TokenEstimator.estimatePromptTokens(exchange.body().tree());
                long completion = TokenEstimator.estimateTokens(result.generatedText());
                counts = new UsageCounts(prompt, completion, prompt + completion, 0, 0);
                estimated = true;
            }
        }
        return new UsageEvent(
                exchange.requestId(),
                exchange.startedAt(),
                exchange.route().name(),
                result.provider(),
                result.model(),
                exchange.caller().keyName(),
                result.status(),
                exchange.stream(),
                exchange.elapsedMillis(),
                result.attempts(),
                counts,
                estimated,
                result.error());
    }
}
