package io.signalbox.proxy.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads a client's JSON body, bounded in size, keeping every field and number exactly as sent. */
final class ClientRequestReader {

    /**
     * Exact decimals: a client's {@code temperature: 0.70} or a huge integer reaches the upstream
     * as sent, not as a rounded double.
     */
    static final JsonMapper JSON =
            JsonMapper.builder()
                    .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                    .build();

    private ClientRequestReader() {}

    static ObjectNode readJsonObject(Request request, long maxBytes) throws RejectedRequest {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            // Answered before reading a byte of it: a huge upload costs the proxy nothing.
            throw RejectedRequest.tooLarge(maxBytes);
        }
        byte[] body = readAtMost(request, maxBytes);
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RejectedRequest.badRequest(
                    "The request body is not valid JSON (line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ")");
        } catch (IOException e) {
            throw RejectedRequest.badRequest("The request body could not be read");
        }
        if (node == null || !node.isObject()) {
            throw RejectedRequest.badRequest("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static byte[] readAtMost(Request request, long maxBytes) throws RejectedRequest {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = Content.Source.asInputStream(request)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + (long) n > maxBytes) {
                    throw RejectedRequest.tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw RejectedRequest.badRequest("The request body could not be read");
        }
        return out.toByteArray();
    }

    /** The body's {@code model}, which names the route. */
    static String model(ObjectNode body) throws RejectedRequest {
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw RejectedRequest.badRequest("The request has no 'model'; name a route");
        }
        if (!model.isTextual() || model.textValue().isBlank()) {
            throw RejectedRequest.badRequest("'model' must be a non-empty string");
        }
        return model.textValue();
    }

    /** Whether the client asked for server-sent events. */
    static boolean wantsStream(ObjectNode body, Endpoint endpoint) {
        JsonNode stream = body.get("stream");
        return endpoint.streamable() && stream != null && stream.asBoolean(false);
    }
}
