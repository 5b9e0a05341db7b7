package io.signalbox.proxy.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * The client's side of one exchange, written with blocking calls from the request thread. Each
 * {@link #send} goes to the network before it returns: Jetty's core API does not aggregate writes,
 * so one event written is one event sent.
 */
final class ClientChannel {

    private final Response response;
    private final Callback done;
    private boolean committed;
    private boolean completed;

    ClientChannel(Response response, Callback done) {
        this.response = response;
        this.done = done;
    }

    HttpFields.Mutable headers() {
        return response.getHeaders();
    }

    boolean committed() {
        return committed;
    }

    void status(int status) {
        response.setStatus(status);
    }

    /** Writes and waits until the bytes are handed to the network; fails if the client left. */
    void send(byte[] bytes) throws IOException {
        send(ByteBuffer.wrap(bytes));
    }

    void send(ByteBuffer bytes) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(false, bytes, written);
            written.block();
        }
        committed = true;
    }

    /** Ends the response; the handler's callback completes when the last bytes are out. */
    void finish(byte[] lastBytes) {
        if (completed) {
            return;
        }
        completed = true;
        committed = true;
        response.write(true, lastBytes == null ? null : ByteBuffer.wrap(lastBytes), done);
    }

    /**
     * Something went wrong inside the proxy: an OpenAI-shaped 500 when the client has seen nothing
     * yet (Jetty's own error page has neither that shape nor {@code x-request-id}), else end the
     * exchange.
     */
    void failInternally(Throwable cause) {
        if (!completed && !response.isCommitted()) {
            OpenAiErrors.finish(
                    this,
                    500,
                    "Signalbox could not complete this request (internal error)",
                    "server_error",
                    "internal_error");
            return;
        }
        abort(cause);
    }

    /** The client is gone or the answer cannot continue: fail the exchange so Jetty closes it. */
    void abort(Throwable cause) {
        if (!completed) {
            completed = true;
            done.failed(cause);
        }
    }
}
