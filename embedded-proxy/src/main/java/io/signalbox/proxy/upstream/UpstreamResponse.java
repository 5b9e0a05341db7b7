package io.signalbox.proxy.upstream;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * An upstream answer whose status and headers have arrived; its body is read as it comes, as a
 * stream. {@link #abort()} cancels the upstream request (a client that went away must not keep a
 * model generating).
 */
public final class UpstreamResponse implements AutoCloseable {

    private final Request request;
    private final Response response;
    private final InputStreamResponseListener listener;
    private final InputStream body;

    UpstreamResponse(Request request, Response response, InputStreamResponseListener listener) {
        this.request = request;
        this.response = response;
        this.listener = listener;
        this.body = listener.getInputStream();
    }

    public int status() {
        return response.getStatus();
    }

    public HttpFields headers() {
        return response.getHeaders();
    }

    public String header(String name) {
        return response.getHeaders().get(name);
    }

    public String contentType() {
        String type = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type == null ? "" : type;
    }

    public boolean isEventStream() {
        return contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream");
    }

    /** The body as it arrives; a read blocks until bytes come, the end, or the idle timeout. */
    public InputStream body() {
        return body;
    }

    /** Reads at most {@code max} bytes of the body (for error bodies and plain JSON answers). */
    public byte[] readBody(int max) throws IOException {
        byte[] all = body.readNBytes(max);
        return all;
    }

    public void abort() {
        request.abort(new IOException("cancelled by Signalbox"));
    }

    /** Releases the answer; never throws, since it runs after the client has been answered. */
    @Override
    public void close() {
        try {
            body.close();
            listener.close();
        } catch (IOException e) {
            // Nothing left to do with an answer whose stream will not close.
        }
    }
}
