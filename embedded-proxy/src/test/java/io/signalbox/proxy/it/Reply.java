package io.signalbox.proxy.it;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * How a {@link FakeUpstream} answers one request. Implementations must not block: they write with
 * callbacks and wait on futures, so a test controls the timing exactly and nothing hangs a thread.
 */
@FunctionalInterface
interface Reply {

    void serve(Response response, Callback callback, FakeUpstream.Received request);

    /** A whole JSON answer (success or error) with optional extra headers. */
    static Json json(int status, String body) {
        return new Json(status, body, Map.of());
    }

    /** An OpenAI-shaped error body with the given status. */
    static Json error(int status, String message) {
        return json(
                status, Chat.error(message, status >= 500 ? "server_error" : "invalid_request"));
    }

    /** Never sends a byte: the status line does not come until the upstream closes. */
    static Reply never() {
        return (response, callback, request) ->
                request.closing()
                        .whenComplete((ignored, e) -> callback.failed(new IOException("closed")));
    }

    /** Waits for {@code gate} (delay before headers), then answers with {@code then}. */
    static Reply after(CompletionStage<?> gate, Reply then) {
        return (response, callback, request) ->
                gate.whenComplete((ignored, e) -> then.serve(response, callback, request));
    }

    /**
     * A 200 whose body begins with {@code firstBytes} and then stalls until the upstream closes.
     */
    static Reply stalled(String contentType, String firstBytes) {
        return stalled(200, contentType, firstBytes);
    }

    /** Like {@link #stalled(String, String)} with another status (an error whose body stalls). */
    static Reply stalled(int status, String contentType, String firstBytes) {
        return (response, callback, request) -> {
            response.setStatus(status);
            response.getHeaders().put("Content-Type", contentType);
            response.write(
                    false,
                    utf8(firstBytes),
                    Callback.from(
                            () ->
                                    request.closing()
                                            .whenComplete(
                                                    (v, e) ->
                                                            callback.failed(
                                                                    new IOException("closed"))),
                            callback::failed));
        };
    }

    /** Waits {@code delay} before the status line (delay before headers), then {@code then}. */
    static Reply delayed(Duration delay, Reply then) {
        // The wait starts when the request arrives, not when the test scripts the reply.
        return (response, callback, request) ->
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> then.serve(response, callback, request));
    }

    /**
     * A status, {@code Content-Type} and the start of a body, then a TCP reset (RST, not a clean
     * close): what a crashing server or a dropping middlebox does mid-body.
     */
    static Reply resetAfter(int status, String contentType, String firstBytes) {
        return (response, callback, request) -> {
            response.setStatus(status);
            response.getHeaders().put("Content-Type", contentType);
            response.write(
                    false,
                    utf8(firstBytes),
                    Callback.from(() -> reset(response, callback), callback::failed));
        };
    }

    /** Closes the connection with SO_LINGER 0, so the peer gets a reset rather than a FIN. */
    private static void reset(Response response, Callback callback) {
        Object transport =
                response.getRequest()
                        .getConnectionMetaData()
                        .getConnection()
                        .getEndPoint()
                        .getTransport();
        try {
            SocketChannel channel = (SocketChannel) transport;
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.close();
        } catch (IOException e) {
            // Closed already: the peer saw the connection end either way.
        }
        callback.failed(new IOException("connection reset by the test"));
    }

    /** An event stream the test writes step by step. */
    static Sse sse() {
        return new Sse(List.of());
    }

    /** A complete answer in one go. */
    record Json(int status, String body, Map<String, String> headers) implements Reply {

        Json withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Json(status, body, more);
        }

        @Override
        public void serve(Response response, Callback callback, FakeUpstream.Received request) {
            response.setStatus(status);
            response.getHeaders().put("Content-Type", "application/json");
            headers.forEach(response.getHeaders()::put);
            response.write(true, utf8(body), callback);
        }
    }

    /**
     * A {@code text/event-stream} answer as a list of steps run in order; each step starts when the
     * previous one's bytes were written. Without a final {@link #done()}, {@link #end()}, {@link
     * #cut()} or {@link #hang()} the stream ends normally after the last step.
     */
    final class Sse implements Reply {

        private interface Step {
            /** Runs the step, then {@code next} unless the step ended the answer. */
            void run(
                    Response response,
                    Callback callback,
                    FakeUpstream.Received request,
                    Runnable next);
        }

        private final List<Step> steps;

        private Sse(List<Step> steps) {
            this.steps = List.copyOf(steps);
        }

        private Sse plus(Step step) {
            List<Step> more = new ArrayList<>(steps);
            more.add(step);
            return new Sse(more);
        }

        /** One {@code data:} event. */
        Sse event(String data) {
            return raw("data: " + data + "\n\n");
        }

        /** Bytes as they go on the wire (comments, {@code event:} lines, odd framing). */
        Sse raw(String text) {
            return plus(
                    (response, callback, request, next) ->
                            write(response, callback, request, text, next));
        }

        /**
         * {@code text} written in pieces cut at the given byte offsets of its UTF-8 form, each
         * piece its own write: an upstream whose events, lines, CRLFs and characters arrive split
         * across TCP segments.
         */
        Sse split(String text, int... offsets) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Sse more = this;
            int from = 0;
            for (int offset : offsets) {
                more = more.bytes(java.util.Arrays.copyOfRange(bytes, from, offset));
                from = offset;
            }
            return more.bytes(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
        }

        private Sse bytes(byte[] piece) {
            return plus(
                    (response, callback, request, next) ->
                            response.write(
                                    false,
                                    ByteBuffer.wrap(piece),
                                    Callback.from(
                                            // A moment between pieces, so they leave as separate
                                            // segments rather than coalesced in one.
                                            () ->
                                                    CompletableFuture.delayedExecutor(
                                                                    5, TimeUnit.MILLISECONDS)
                                                            .execute(next),
                                            callback::failed)));
        }

        /** Waits {@code gap} before the next step (delay between events). */
        Sse pause(Duration gap) {
            return plus(
                    (response, callback, request, next) ->
                            CompletableFuture.delayedExecutor(gap.toMillis(), TimeUnit.MILLISECONDS)
                                    .execute(next));
        }

        /** Resets the TCP connection (RST) where the answer stands. */
        Sse reset() {
            return plus((response, callback, request, next) -> Reply.reset(response, callback));
        }

        /** Sends the status line and headers with no event yet. */
        Sse headersOnly() {
            return raw("");
        }

        /** Holds the next step until the test completes {@code gate}. */
        Sse await(CompletionStage<?> gate) {
            return plus(
                    (response, callback, request, next) -> gate.whenComplete((v, e) -> next.run()));
        }

        /** {@code data: [DONE]}, then the end of the answer. */
        Sse done() {
            return plus(
                    (response, callback, request, next) ->
                            response.write(true, utf8("data: [DONE]\n\n"), callback));
        }

        /** Ends the answer normally without {@code [DONE]}. */
        Sse end() {
            return plus(
                    (response, callback, request, next) -> response.write(true, null, callback));
        }

        /** Breaks the connection mid-answer: no terminating chunk, the reader sees a failure. */
        Sse cut() {
            return plus(
                    (response, callback, request, next) ->
                            callback.failed(new IOException("connection cut by the test")));
        }

        /** Sends nothing more and keeps the connection open until the upstream closes. */
        Sse hang() {
            return plus(
                    (response, callback, request, next) ->
                            request.closing()
                                    .whenComplete(
                                            (v, e) -> callback.failed(new IOException("closed"))));
        }

        /**
         * Keeps sending {@code data} every {@code gap} until a write fails or the request fails, as
         * a model that keeps generating does; the test then sees {@code cancelled} complete.
         */
        Sse repeatUntilCancelled(String data, Duration gap) {
            return plus(
                    (response, callback, request, next) ->
                            repeat(response, callback, request, "data: " + data + "\n\n", gap));
        }

        @Override
        public void serve(Response response, Callback callback, FakeUpstream.Received request) {
            response.setStatus(200);
            response.getHeaders().put("Content-Type", "text/event-stream");
            response.getHeaders().put("Cache-Control", "no-cache");
            runFrom(0, response, callback, request);
        }

        private void runFrom(
                int index, Response response, Callback callback, FakeUpstream.Received request) {
            if (index == steps.size()) {
                response.write(true, null, callback);
                return;
            }
            steps.get(index)
                    .run(
                            response,
                            callback,
                            request,
                            () -> runFrom(index + 1, response, callback, request));
        }

        private static void write(
                Response response,
                Callback callback,
                FakeUpstream.Received request,
                String text,
                Runnable next) {
            response.write(
                    false,
                    utf8(text),
                    Callback.from(
                            next,
                            failure -> {
                                request.cancelled().complete(failure);
                                callback.failed(failure);
                            }));
        }

        private static void repeat(
                Response response,
                Callback callback,
                FakeUpstream.Received request,
                String event,
                Duration gap) {
            if (request.cancelled().isDone() || request.closing().isDone()) {
                callback.failed(new IOException("stopped repeating"));
                return;
            }
            write(
                    response,
                    callback,
                    request,
                    event,
                    () ->
                            CompletableFuture.delayedExecutor(gap.toMillis(), TimeUnit.MILLISECONDS)
                                    .execute(
                                            () -> repeat(response, callback, request, event, gap)));
        }
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
