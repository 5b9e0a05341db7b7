package io.signalbox.proxy.upstream;

import io.signalbox.proxy.routing.FailureKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One request to a provider, and the Jetty listener of its answer: everything happens in the HTTP
 * client's callbacks, so no thread waits for the upstream. The body is either collected whole, up
 * to a limit, or handed on chunk by chunk, each next chunk read only when the {@link
 * AnswerListener} asks for it.
 */
public final class UpstreamCall implements Response.Listener {

    /**
     * How long the rest of a streamed answer may take once the caller has all it needs (a stream
     * after its {@code [DONE]}). Its end usually follows at once, and reading it lets the
     * connection serve the next call; an upstream that keeps the answer open is cut after this.
     */
    private static final long DISCARD_GRACE_MILLIS = 1_000;

    private final Request request;
    private final String provider;
    private final Scheduler scheduler;
    private final Duration firstByteTimeout;
    private final AnswerBody body;
    private final String unusable;

    /** Set while a read of the streamed body is due; whoever clears it reads. */
    private final AtomicBoolean readDue = new AtomicBoolean();

    private final Runnable readNext =
            Invocable.from(Invocable.InvocationType.NON_BLOCKING, this::readNext);
    private AnswerListener listener;
    private Scheduler.Task firstByteDeadline;
    private volatile boolean firstByteLate;
    private volatile boolean streaming;
    private volatile Content.Source source;
    private volatile boolean discarding;
    private volatile Scheduler.Task discardDeadline;

    /**
     * @param unusable why the call cannot be sent (the provider's trusted certificate cannot be
     *     read), or null
     */
    UpstreamCall(
            Request request,
            String provider,
            Scheduler scheduler,
            Duration firstByteTimeout,
            int maxBytes,
            String unusable) {
        this.request = request;
        this.provider = provider;
        this.scheduler = scheduler;
        this.firstByteTimeout = firstByteTimeout;
        this.body = new AnswerBody(maxBytes);
        this.unusable = unusable;
    }

    /** Sends the request; {@code listener} hears of the answer on the HTTP client's threads. */
    public void send(AnswerListener listener) {
        this.listener = listener;
        if (unusable != null) {
            listener.onAnswer(
                    BufferedAnswer.failed(
                            0, FailureKind.CONNECT_FAILED, "TLS: not sent, " + unusable));
            return;
        }
        firstByteDeadline =
                scheduler.schedule(
                        () -> {
                            firstByteLate = true;
                            request.abort(new TimeoutException("no first byte"));
                        },
                        firstByteTimeout.toMillis(),
                        TimeUnit.MILLISECONDS);
        request.send(this);
    }

    /** Cancels the request: a client that went away must not keep a model generating. */
    public void abort() {
        request.abort(new IOException("cancelled by Signalbox"));
    }

    /**
     * Instead of asking for the next chunk: the caller has the whole answer (its last event came),
     * so the rest is read and dropped, which lets the connection be reused, or cut if it does not
     * end soon.
     */
    public void discardRest() {
        discardDeadline =
                scheduler.schedule(
                        () ->
                                request.abort(
                                        new TimeoutException("the answer went on after its end")),
                        DISCARD_GRACE_MILLIS,
                        TimeUnit.MILLISECONDS);
        discarding = true;
        demand();
    }

    @Override
    public void onBegin(Response response) {
        firstByteDeadline.cancel();
    }

    @Override
    public void onHeaders(Response response) {
        streaming = listener.streams(response.getStatus(), response.getHeaders());
        if (!streaming) {
            body.onHeaders(response);
        }
    }

    @Override
    public void onContentSource(Response response, Content.Source content) {
        if (!streaming) {
            // Jetty's own read loop, which hands every chunk to onContent below.
            Response.Listener.super.onContentSource(response, content);
            return;
        }
        source = content;
        readDue.set(true);
        readNext();
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        body.onContent(response, content);
    }

    @Override
    public void onFailure(Response response, Throwable failure) {
        if (!streaming) {
            return; // onComplete reports it
        }
        if (source == null) {
            // Failed between the headers and the body.
            listener.onStreamEnd(Optional.of(classify(failure, provider, address())));
            return;
        }
        // Jetty does not run a pending demand when the exchange fails (idle timeout, reset):
        // read now, and the read returns the failure.
        readNext();
    }

    @Override
    public void onComplete(Result result) {
        firstByteDeadline.cancel();
        if (!streaming) {
            listener.onAnswer(answerOf(result));
        }
    }

    private void demand() {
        readDue.set(true);
        source.demand(readNext);
    }

    private void readNext() {
        if (!readDue.compareAndSet(true, false)) {
            return; // no read was asked for, or the failure and the demand both came: one reads
        }
        Content.Source content = source;
        while (true) {
            Content.Chunk chunk = content.read();
            if (chunk == null) {
                demand();
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                // A transient failure (an idle timeout) must end the exchange too.
                request.abort(chunk.getFailure());
                if (discarding) {
                    discardDeadline.cancel();
                } else {
                    listener.onStreamEnd(
                            Optional.of(classify(chunk.getFailure(), provider, address())));
                }
                return;
            }
            if (discarding || !chunk.hasRemaining()) {
                chunk.release();
                if (chunk.isLast()) {
                    ended();
                    return;
                }
                continue;
            }
            try {
                // A last chunk with bytes: the next read, once asked for, returns the end.
                listener.onChunk(chunk.getByteBuffer(), this::demand);
            } finally {
                chunk.release();
            }
            return;
        }
    }

    private void ended() {
        if (discarding) {
            discardDeadline.cancel();
        } else {
            listener.onStreamEnd(Optional.empty());
        }
    }

    private BufferedAnswer answerOf(Result result) {
        if (!result.isFailed()) {
            Response response = result.getResponse();
            return new BufferedAnswer(
                    response.getStatus(), response.getHeaders(), body.bytes(), Optional.empty());
        }
        if (firstByteLate) {
            return BufferedAnswer.failed(
                    0,
                    FailureKind.TIMEOUT,
                    "no answer within " + firstByteTimeout.toMillis() / 1000.0 + " s");
        }
        Response begun = result.getResponse();
        int status = begun == null ? 0 : begun.getStatus();
        if (result.getFailure() instanceof AnswerBody.TooLarge tooLarge) {
            return BufferedAnswer.failed(status, FailureKind.SERVER_ERROR, tooLarge.getMessage());
        }
        if (status >= 300) {
            // An error answer whose body broke off is still that error: its status and
            // Retry-After decide what happens next.
            return new BufferedAnswer(status, begun.getHeaders(), body.bytes(), Optional.empty());
        }
        UpstreamFailure failure = classify(result.getFailure(), provider, address());
        return BufferedAnswer.failed(status, failure.kind(), failure.getMessage());
    }

    private String address() {
        return request.getHost() + ":" + request.getPort();
    }

    static UpstreamFailure classify(Throwable cause, String provider, String address) {
        Optional<String> tls = TlsFailures.describe(cause, provider, address);
        if (tls.isPresent()) {
            return new UpstreamFailure(FailureKind.CONNECT_FAILED, tls.get());
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return new UpstreamFailure(FailureKind.TIMEOUT, "timed out: " + t.getMessage());
            }
            if (t instanceof ConnectException) {
                return new UpstreamFailure(FailureKind.CONNECT_FAILED, "connection refused");
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new UpstreamFailure(FailureKind.CONNECT_FAILED, "unknown host");
            }
        }
        String message = cause == null ? "no answer" : cause.getClass().getSimpleName();
        if (cause != null && cause.getMessage() != null) {
            message += ": " + cause.getMessage();
        }
        return new UpstreamFailure(
                FailureKind.CONNECT_FAILED, "connection failed (" + message + ")");
    }
}
