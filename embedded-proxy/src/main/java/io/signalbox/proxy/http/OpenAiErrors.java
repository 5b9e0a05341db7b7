package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors the proxy makes itself, in the OpenAI shape that every client SDK parses: {@code
 * {"error":{"message","type","param","code"}}} with {@code Content-Type: application/json}.
 */
public final class OpenAiErrors {

    private static final JsonMapper JSON = new JsonMapper();

    private OpenAiErrors() {}

    public static byte[] body(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return (root.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers on a client channel with an error the proxy made itself. */
    static void finish(ClientChannel client, int status, String message, String type, String code) {
        client.status(status);
        client.headers().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        client.finish(body(message, type, code));
    }

    public static void send(
            Response response,
            Callback callback,
            int status,
            String message,
            String type,
            String code) {
        byte[] body = body(message, type, code);
        response.setStatus(status);
        response.getHeaders()
                .put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
