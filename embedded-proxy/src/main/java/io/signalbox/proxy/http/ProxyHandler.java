package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the OpenAI-compatible endpoints under {@code /v1}. This first shell answers {@code GET
 * /v1/models}; completions are forwarded once routing lands.
 */
public final class ProxyHandler extends Handler.Abstract {

    private static final JsonMapper JSON = new JsonMapper();

    private final Supplier<RoutingTable> table;
    private final Clock clock;

    public ProxyHandler(Supplier<RoutingTable> table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put("x-request-id", UUID.randomUUID().toString());
        String path = Request.getPathInContext(request);
        if (path.equals("/v1/models") && HttpMethod.GET.is(request.getMethod())) {
            listModels(response, callback);
            return true;
        }
        if (path.startsWith("/v1/")) {
            OpenAiErrors.send(
                    response,
                    callback,
                    404,
                    "Unknown endpoint " + request.getMethod() + " " + path,
                    "invalid_request_error",
                    "unknown_url");
            return true;
        }
        OpenAiErrors.send(
                response,
                callback,
                404,
                "Signalbox serves the OpenAI API under /v1",
                "invalid_request_error",
                "unknown_url");
        return true;
    }

    private void listModels(Response response, Callback callback) {
        long created = clock.instant().getEpochSecond();
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (Route route : table.get().listedRoutes()) {
            data.addObject()
                    .put("id", route.name())
                    .put("object", "model")
                    .put("created", created)
                    .put("owned_by", "signalbox");
        }
        response.setStatus(200);
        response.getHeaders()
                .put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        response.write(
                true, ByteBuffer.wrap(root.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }
}
