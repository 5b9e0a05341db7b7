package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.access.Caller;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RouteResolver;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.upstream.UpstreamClient;
import io.signalbox.proxy.upstream.usage.TokenEstimator;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.usage.UsageEvent;
import io.signalbox.proxy.usage.UsageSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the OpenAI-compatible endpoints under {@code /v1} (CONTRACT section 3): checks the
 * request, resolves its route, lets the {@link Forwarder} serve it, and hands the outcome to the
 * usage sink. Runs on Jetty's blocking request threads.
 */
public final class ProxyHandler extends Handler.Abstract {

    private static final JsonMapper JSON = new JsonMapper();

    private final Supplier<RoutingTable> table;
    private final AccessPolicy access;
    private final Forwarder forwarder;
    private final UsageSink usage;
    private final ProxyOptions options;
    private final RequestGuard guard;
    private final Clock clock;
    private final RequestIds requestIds;

    /**
     * @param random gives the routing sample in [0, 1) for each call
     */
    public ProxyHandler(
            Supplier<RoutingTable> table,
            AccessPolicy access,
            UpstreamClient upstreams,
            HealthBook health,
            UsageSink usage,
            ProxyOptions options,
            Clock clock,
            DoubleSupplier random) {
        this.table = table;
        this.access = access;
        this.forwarder = new Forwarder(upstreams, health, options, clock, random);
        this.usage = usage;
        this.options = options;
        this.guard = new RequestGuard(options);
        this.clock = clock;
        this.requestIds = new RequestIds(clock);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String requestId = requestIds.next();
        response.getHeaders().put(ResponseHeaders.REQUEST_ID, requestId);
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        String path = Request.getPathInContext(request);
        try {
            guard.checkHostAndOrigin(request);
            if (path.equals("/v1/models")) {
                requireMethod(request, HttpMethod.GET);
                listModels(RequestGuard.authenticate(request, access), response, callback);
                return true;
            }
            Optional<Endpoint> endpoint = Endpoint.forPath(path);
            if (endpoint.isEmpty()) {
                throw new RejectedRequest(
                        404,
                        "invalid_request_error",
                        "unknown_url",
                        "Unknown endpoint "
                                + path
                                + "; Signalbox serves /v1/chat/completions, /v1/completions,"
                                + " /v1/embeddings, /v1/responses and /v1/models");
            }
            requireMethod(request, HttpMethod.POST);
            forward(request, response, callback, endpoint.get(), requestId, startedAt, startNanos);
        } catch (RejectedRequest rejected) {
            OpenAiErrors.send(
                    response,
                    callback,
                    rejected.status(),
                    rejected.getMessage(),
                    rejected.type(),
                    rejected.code());
        }
        return true;
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
            String requestId,
            Instant startedAt,
            long startNanos)
            throws RejectedRequest, InterruptedException {
        Caller caller = RequestGuard.authenticate(request, access);
        ClientBody body = ClientRequestReader.readBody(request, options.maxBodyBytes());
        String model = body.model();
        RoutingTable snapshot = table.get();
        Route route =
                RouteResolver.resolve(snapshot, model)
                        .orElseThrow(() -> RejectedRequest.modelNotFound(model));
        if (!caller.mayUse(route.name())) {
            throw RejectedRequest.forbidden(
                    "model_not_allowed", "This access key may not use the model '" + model + "'");
        }
        boolean stream = endpoint.streamable() && body.stream();
        boolean clientWantsUsage = body.includeUsage();
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
                        clientWantsUsage,
                        snapshot);
        ClientChannel client = new ClientChannel(response, callback);
        if (stream) {
            usage.record(usageEvent(exchange, forwarder.forward(exchange, client)));
        } else {
            // Answered later, from the HTTP client's thread; this one is free at once.
            forwarder.forwardPlain(
                    exchange, client, result -> usage.record(usageEvent(exchange, result)));
        }
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

    private void listModels(Caller caller, Response response, Callback callback) {
        long created = clock.instant().getEpochSecond();
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        List<Route> routes = table.get().listedRoutes();
        for (Route route : routes) {
            if (caller.mayUse(route.name())) {
                data.addObject()
                        .put("id", route.name())
                        .put("object", "model")
                        .put("created", created)
                        .put("owned_by", "signalbox");
            }
        }
        response.setStatus(200);
        response.getHeaders()
                .put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        response.write(
                true, ByteBuffer.wrap(root.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }
}
