package io.signalbox.proxy.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty makes before any handler runs (a request that is not valid HTTP, headers
 * or a URL too large) and any failure that escapes a handler, in the OpenAI error shape, like every
 * other answer of the proxy, instead of Jetty's HTML page. Never with an exception's text: that
 * belongs in the log.
 */
public final class OpenAiErrorHandler extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        return ByteBuffer.wrap(body(status));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        response.setStatus(status);
        response.getHeaders()
                .put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        response.write(true, ByteBuffer.wrap(body(status)), callback);
        return true;
    }

    private static byte[] body(int status) {
        return switch (status) {
            case 400 ->
                    OpenAiErrors.body(
                            "The request is not valid HTTP",
                            "invalid_request_error",
                            "bad_request");
            case 413 ->
                    OpenAiErrors.body(
                            "The request is too large",
                            "invalid_request_error",
                            "request_too_large");
            case 414 ->
                    OpenAiErrors.body(
                            "The request URL is too long", "invalid_request_error", "uri_too_long");
            case 431 ->
                    OpenAiErrors.body(
                            "The request headers are too large",
                            "invalid_request_error",
                            "headers_too_large");
            default ->
                    status < 500
                            ? OpenAiErrors.body(
                                    "The request was refused (HTTP " + status + ")",
                                    "invalid_request_error",
                                    "bad_request")
                            : OpenAiErrors.body(
                                    "Signalbox could not handle this request (an internal error;"
                                            + " its log has the details)",
                                    "server_error",
                                    "internal_error");
        };
    }
}
