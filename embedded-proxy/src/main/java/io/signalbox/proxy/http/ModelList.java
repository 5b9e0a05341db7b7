package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.proxy.access.Caller;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The answer to {@code GET /v1/models}: the routes the caller may use, in the OpenAI shape. */
final class ModelList {

    private static final JsonMapper JSON = new JsonMapper();

    private ModelList() {}

    /**
     * @param reachable the routes of the endpoint called (all, or one router's)
     * @param now stands for every model's {@code created}: routes have no creation time
     */
    static void answer(
            Caller caller,
            RoutingTable reachable,
            Instant now,
            Response response,
            Callback callback) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (Route route : reachable.listedRoutes()) {
            if (caller.mayUse(route.name())) {
                data.addObject()
                        .put("id", route.name())
                        .put("object", "model")
                        .put("created", now.getEpochSecond())
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
