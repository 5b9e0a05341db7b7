package io.signalbox.proxy.upstream;

import io.signalbox.proxy.routing.FailureKind;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.Scheduler;

/** Sends requests to providers with Jetty's HttpClient; one instance per proxy. */
public final class UpstreamClient implements AutoCloseable {

    private final HttpClient http;

    public UpstreamClient(Duration connectTimeout, String userAgent, Executor threads) {
        http = new HttpClient();
        http.setExecutor(threads);
        http.setConnectTimeout(connectTimeout.toMillis());
        http.setFollowRedirects(false);
        http.setMaxConnectionsPerDestination(512);
        http.setMaxRequestsQueuedPerDestination(4096);
        http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent));
        // No transparent gzip: events must pass as they arrive, and the bytes the client sees
        // should be the ones the upstream sent.
        http.getContentDecoderFactories().clear();
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the upstream HTTP client", e);
        }
        // start() installs handlers that answer 401 and 407 themselves: without a
        // WWW-Authenticate header (OpenAI and most providers send none) they fail the exchange as
        // a "protocol violation" and the proxy never sees the provider's answer. A rejected key
        // must reach the attempt loop as a plain 401, which it knows how to handle.
        http.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        http.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    }

    /**
     * Sends a POST and waits for the status line and headers.
     *
     * @param firstByteTimeout the longest wait for the answer to begin
     * @param idleTimeout the longest gap between two reads of the body afterwards
     * @throws UpstreamFailure when there was no HTTP answer (refused, reset, unknown host, timeout)
     */
    public UpstreamResponse post(
            URI uri,
            Map<String, String> headers,
            byte[] body,
            Duration firstByteTimeout,
            Duration idleTimeout)
            throws UpstreamFailure, InterruptedException {
        Request request =
                http.newRequest(uri)
                        .method(HttpMethod.POST)
                        .idleTimeout(
                                Math.max(idleTimeout.toMillis(), firstByteTimeout.toMillis()),
                                TimeUnit.MILLISECONDS)
                        .headers(
                                fields -> {
                                    headers.forEach(fields::put);
                                })
                        .body(new BytesRequestContent("application/json", body));
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response response = listener.get(firstByteTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new UpstreamResponse(request, response, listener);
        } catch (TimeoutException e) {
            request.abort(e);
            throw new UpstreamFailure(
                    FailureKind.TIMEOUT,
                    "no answer within " + firstByteTimeout.toMillis() / 1000.0 + " s");
        } catch (ExecutionException e) {
            request.abort(e.getCause());
            throw classify(e.getCause());
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        }
    }

    /**
     * Sends a POST and reads the whole answer without holding a thread while waiting: {@code
     * onAnswer} runs on an HTTP client thread once the answer is complete or has failed.
     *
     * @param firstByteTimeout the longest wait for the status line
     * @param idleTimeout the longest gap between two bytes afterwards
     * @param maxBytes a longer body fails the attempt instead of filling memory
     */
    public void postBuffered(
            URI uri,
            Map<String, String> headers,
            byte[] body,
            Duration firstByteTimeout,
            Duration idleTimeout,
            int maxBytes,
            Consumer<BufferedAnswer> onAnswer) {
        Request request =
                http.newRequest(uri)
                        .method(HttpMethod.POST)
                        .idleTimeout(
                                Math.max(idleTimeout.toMillis(), firstByteTimeout.toMillis()),
                                TimeUnit.MILLISECONDS)
                        .headers(fields -> headers.forEach(fields::put))
                        .body(new BytesRequestContent("application/json", body));
        AtomicBoolean firstByteLate = new AtomicBoolean();
        Scheduler.Task deadline =
                http.getScheduler()
                        .schedule(
                                () -> {
                                    firstByteLate.set(true);
                                    request.abort(new TimeoutException("no first byte"));
                                },
                                firstByteTimeout.toMillis(),
                                TimeUnit.MILLISECONDS);
        request.onResponseBegin(response -> deadline.cancel());
        request.send(
                new Response.Listener() {
                    private final AnswerBody body = new AnswerBody(maxBytes);

                    @Override
                    public void onHeaders(Response response) {
                        body.onHeaders(response);
                    }

                    @Override
                    public void onContent(Response response, ByteBuffer content) {
                        body.onContent(response, content);
                    }

                    @Override
                    public void onComplete(Result result) {
                        deadline.cancel();
                        onAnswer.accept(
                                answerOf(
                                        result,
                                        body,
                                        firstByteLate.get() ? firstByteTimeout : null));
                    }
                });
    }

    /**
     * @param lateBy the first-byte timeout when it expired, else null
     */
    private static BufferedAnswer answerOf(Result result, AnswerBody body, Duration lateBy) {
        if (!result.isFailed()) {
            Response response = result.getResponse();
            return new BufferedAnswer(
                    response.getStatus(), response.getHeaders(), body.bytes(), Optional.empty());
        }
        if (lateBy != null) {
            return BufferedAnswer.failed(
                    0,
                    FailureKind.TIMEOUT,
                    "no answer within " + lateBy.toMillis() / 1000.0 + " s");
        }
        Response begun = result.getResponse();
        if (result.getFailure() instanceof AnswerBody.TooLarge tooLarge) {
            return BufferedAnswer.failed(
                    begun == null ? 0 : begun.getStatus(),
                    FailureKind.SERVER_ERROR,
                    tooLarge.getMessage());
        }
        if (begun != null && begun.getStatus() >= 300) {
            // An error answer whose body broke off is still that error: its status and
            // Retry-After decide what happens next.
            return new BufferedAnswer(
                    begun.getStatus(), begun.getHeaders(), body.bytes(), Optional.empty());
        }
        UpstreamFailure failure = classify(result.getFailure());
        return BufferedAnswer.failed(
                begun == null ? 0 : begun.getStatus(), failure.kind(), failure.getMessage());
    }

    private static UpstreamFailure classify(Throwable cause) {
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

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // Stopping: nothing left to do with a client that will not stop cleanly.
        }
    }
}
