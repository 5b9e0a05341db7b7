package io.signalbox.proxy.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.ProxyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the management API under {@code /api} (CONTRACT section 4) on top of a {@link
 * ManagementApi}. It declares itself non-blocking, like the proxy's handler, because Jetty runs the
 * whole handler tree by the type of its most blocking part: were this one blocking, every {@code
 * /v1} request would lose its non-blocking path too. So only the cheap checks (address, Host,
 * token, path) run on the calling thread; each call, reading its body included, runs on a worker
 * thread, where it may block on the store or a provider.
 */
final class ManagementHandler extends Handler.Abstract.NonBlocking {

    /** A configuration document is a few kB; a MiB is room for thousands of routes. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /**
     * How much of a body over the limit is read and thrown away before the 413. A server that
     * answers mid-upload and closes makes the client's side reset, and the client loses the answer
     * it was about to read; past this much, that is the client's problem.
     */
    static final int MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ManagementHandler.class);
    private static final Pattern DISCOVER = Pattern.compile("/api/providers/([^/]+)/discover");

    private final ManagementApi api;
    private final ApiGuard guard;
    private final Clock clock;

    ManagementHandler(
            ManagementApi api, Predicate<String> adminToken, ProxyOptions options, Clock clock) {
        this.api = api;
        this.guard = new ApiGuard(options, adminToken);
        this.clock = clock;
    }

    /** One call: the answer to a request whose path and method matched. */
    @FunctionalInterface
    private interface Call {
        JsonNode answer(Map<String, List<String>> query, byte[] body) throws ManagementException;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            guard.check(request);
        } catch (ManagementException refused) {
            SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
            // Who and why, never what was presented: a wrong token may be a near-miss.
            LOG.info(
                    "Management API refused {} {} from {}: {}",
                    request.getMethod(),
                    path,
                    remote,
                    refused.code());
            fail(response, callback, refused);
            return true;
        }
        try {
            String allowed = allowedMethods(path);
            if (!List.of(allowed.split(", ")).contains(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, allowed);
                throw new ManagementException(
                        405, "method_not_allowed", "Use " + allowed + " for " + path);
            }
            Call call = call(request.getMethod(), path);
            if (request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH)
                    > MAX_BODY_BYTES + MAX_DISCARDED_BYTES) {
                // Not worth reading even to discard it: answered at once, the connection closes.
                throw tooLarge();
            }
            onWorker(request, response, callback, call);
        } catch (ManagementException e) {
            fail(response, callback, e);
        }
        return true;
    }

    /** The methods a path takes, as the {@code Allow} header lists them; 404 for none. */
    private static String allowedMethods(String path) throws ManagementException {
        if (DISCOVER.matcher(path).matches()) {
            return "POST";
        }
        Optional<String> canary = CanaryCalls.allowedMethods(path);
        if (canary.isPresent()) {
            return canary.get();
        }
        return switch (path) {
            case "/api/config" -> "GET, PUT";
            case "/api/usage", "/api/requests", "/api/health" -> "GET";
            default ->
                    throw new ManagementException(
                            404,
                            "unknown_url",
                            "Unknown management call "
                                    + path
                                    + "; see docs/management-api.md for the calls");
        };
    }

    /** The call for a path and one of its methods. */
    private Call call(String method, String path) {
        Matcher discover = DISCOVER.matcher(path);
        if (discover.matches()) {
            String provider = discover.group(1);
            return (query, body) -> {
                ApiQuery.of(query, Set.of());
                return ApiJson.discovery(api.discover(provider));
            };
        }
        if (CanaryCalls.allowedMethods(path).isPresent()) {
            return (query, body) -> {
                ApiQuery.of(query, Set.of());
                return CanaryCalls.answer(api, path);
            };
        }
        return switch (path) {
            case "/api/config" ->
                    "PUT".equals(method)
                            ? (query, body) -> {
                                ApiQuery.of(query, Set.of());
                                JsonNode stored =
                                        api.replaceConfig(new String(body, StandardCharsets.UTF_8));
                                LOG.info("Configuration replaced through the management API");
                                return stored;
                            }
                            : (query, body) -> api.config(ApiQuery.secrets(query));
            case "/api/usage" ->
                    (query, body) -> {
                        ManagementApi.UsageSelection selection =
                                ApiQuery.usage(query, clock.instant());
                        return ApiJson.usage(selection, api.usage(selection));
                    };
            case "/api/requests" ->
                    (query, body) -> ApiJson.requests(api.requests(ApiQuery.requests(query)));
            case "/api/health" ->
                    (query, body) -> {
                        ApiQuery.of(query, Set.of());
                        return ApiJson.health(api.health());
                    };
            default -> throw new IllegalArgumentException("not a management path: " + path);
        };
    }

    private static ManagementException tooLarge() {
        return new ManagementException(
                413,
                "request_too_large",
                "The request body is larger than the management API accepts ("
                        + MAX_BODY_BYTES
                        + " bytes)");
    }

    /** The whole body, read blocking: this runs on a worker thread. */
    private static byte[] readBody(Request request) throws ManagementException {
        InputStream in = Content.Source.asInputStream(request);
        try {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length <= MAX_BODY_BYTES) {
                return body;
            }
            long discarded = 0;
            byte[] sink = new byte[16 * 1024];
            for (int n; discarded < MAX_DISCARDED_BYTES && (n = in.read(sink)) >= 0; ) {
                discarded += n;
            }
            throw tooLarge();
        } catch (IOException e) {
            throw ManagementException.badRequest("The request body could not be read");
        }
    }

    private void onWorker(Request request, Response response, Callback callback, Call call) {
        try {
            request.getComponents()
                    .getExecutor()
                    .execute(() -> answer(request, response, callback, call));
        } catch (RejectedExecutionException e) {
            fail(
                    response,
                    callback,
                    new ManagementException(503, "busy", "Signalbox is busy or stopping"));
        }
    }

    private static void answer(Request request, Response response, Callback callback, Call call) {
        try {
            byte[] body = "PUT".equals(request.getMethod()) ? readBody(request) : new byte[0];
            send(response, callback, 200, call.answer(query(request), body));
        } catch (ManagementException e) {
            fail(response, callback, e);
        } catch (RuntimeException e) {
            // The port's failures are ours, not the caller's: a stack trace for the log only.
            LOG.warn(
                    "Management call {} {} failed",
                    request.getMethod(),
                    Request.getPathInContext(request),
                    e);
            send(
                    response,
                    callback,
                    500,
                    ApiJson.error(
                            500,
                            "internal_error",
                            "Signalbox could not answer; the log in the data dir says why"));
        }
    }

    private static Map<String, List<String>> query(Request request) throws ManagementException {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw ManagementException.badRequest("The query string is not valid");
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            query.put(field.getName(), field.getValues());
        }
        return query;
    }

    private static void fail(Response response, Callback callback, ManagementException failure) {
        if (failure.status() == 401) {
            // RFC 6750 section 3: a 401 names the scheme the client should use.
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"signalbox\"");
        }
        send(response, callback, failure.status(), ApiJson.error(failure));
    }

    private static void send(Response response, Callback callback, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = ApiJson.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(status);
        response.getHeaders()
                .put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        // Answers may hold secrets (?secrets=true) and always hold private data: never cached.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
