package io.signalbox.proxy.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * The client's side of one exchange. Writes never block: each reports through its callback when its
 * bytes are handed to the network, or that the client left, which is when a stream asks the
 * upstream for more. Jetty's core API does not aggregate writes, so one write is one send.
 */
final class ClientChannel {

    private final Response response;
    private final Callback done;
    private boolean completed;

    ClientChannel(Response response, Callback done) {
        this.response = response;
        this.done = done;
    }

    HttpFields.Mutable headers() {
        return response.getHeaders();
    }

    void status(int status) {
        response.setStatus(status);
    }

    /** Writes part of the answer (the first write commits the status and headers). */
    void send(ByteBuffer bytes, Callback written) {
        response.write(false, bytes, written);
    }

    /** Ends the response; the handler's callback completes when the last bytes are out. */
    void finish(byte[] lastBytes) {
        if (completed) {
            return;
        }
        completed = true;
        response.write(true, lastBytes == null ? null : ByteBuffer.wrap(lastBytes), done);
    }

    /**
     * Ends the response with {@code lastBytes} (may be null), then tells {@code ended} how the
     * write went, after the handler's callback.
     */
    void finish(ByteBuffer lastBytes, Callback ended) {
        completed = true;
        response.write(
                true,
                lastBytes,
                Callback.from(
                        // Ours never blocks; the handler's callback says for itself.
                        Invocable.getInvocationType(done),
                        () -> {
                            done.succeeded();
                            ended.succeeded();
                        },
                        failure -> {
                            done.failed(failure);
                            ended.failed(failure);
                        }));
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
