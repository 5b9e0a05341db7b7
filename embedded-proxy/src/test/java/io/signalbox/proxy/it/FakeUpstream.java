package io.signalbox.proxy.it;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An OpenAI-compatible provider that each test scripts: a real Jetty server on 127.0.0.1, port 0.
 * It records every request it receives and answers each with the next queued {@link Reply}, or with
 * the standing one once the queue is empty. Replies never block a server thread: waits are futures
 * the test completes, so closing the upstream never hangs.
 */
final class FakeUpstream implements AutoCloseable {

    /** Exact numbers, so a test can tell {@code 0.70} from {@code 0.7} in what arrived. */
    static final JsonMapper JSON =
            JsonMapper.builder()
                    .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                    .build();

    private final String name;
    private final Server server;
    private final ServerConnector connector;
    private final ConcurrentLinkedQueue<Reply> queued = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> closing = new CompletableFuture<>();
    private volatile Reply standing;
    private final boolean tls;

    private FakeUpstream(String name) {
        this(name, null);
    }

    /**
     * @param tls when given, the upstream speaks HTTPS with this certificate
     */
    private FakeUpstream(String name, SelfSignedCertificate tls) {
        this.name = name;
        this.standing = Reply.json(200, Chat.completion(name + "-model", "Hello from " + name));
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("fake-" + name);
        threads.setDaemon(true);
        server = new Server(threads);
        this.tls = tls != null;
        connector =
                tls == null
                        ? new ServerConnector(server)
                        : new ServerConnector(server, tls.serverTls());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(
                new Handler.Abstract() {
                    @Override
                    public boolean handle(Request request, Response response, Callback callback)
                            throws Exception {
                        serve(request, response, callback);
                        return true;
                    }
                });
    }

    /** Starts an upstream that answers every request with a small chat completion. */
    static FakeUpstream start(String name) {
        FakeUpstream upstream = new FakeUpstream(name);
        try {
            upstream.server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start fake upstream " + name, e);
        }
        return upstream;
    }

    /** Starts an upstream that speaks HTTPS only, with {@code certificate}. */
    static FakeUpstream startTls(String name, SelfSignedCertificate certificate) {
        FakeUpstream upstream = new FakeUpstream(name, certificate);
        try {
            upstream.server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start fake upstream " + name, e);
        }
        return upstream;
    }

    String name() {
        return name;
    }

    /** The provider base URL, ending before {@code /chat/completions}. */
    URI baseUrl() {
        return URI.create(
                (tls ? "https" : "http") + "://127.0.0.1:" + connector.getLocalPort() + "/v1");
    }

    /** Answers every request not served by a queued reply. */
    FakeUpstream always(Reply reply) {
        standing = reply;
        return this;
    }

    /** Answers the next requests, one reply each, before the standing reply takes over. */
    FakeUpstream then(Reply... replies) {
        queued.addAll(List.of(replies));
        return this;
    }

    int hits() {
        return received.size();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The only request received so far; fails when there were none or several. */
    Received onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError(name + " received " + received.size() + " requests, not 1");
        }
        return received.get(0);
    }

    /** Waits for the next request to arrive (a bounded wait, never a guess). */
    Received awaitRequest() throws InterruptedException {
        Received next = arrivals.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError(name + " received no request within 5 s");
        }
        return next;
    }

    private void serve(Request request, Response response, Callback callback) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(
                    field.getName().toLowerCase(Locale.ROOT),
                    field.getValue(),
                    (a, b) -> a + ", " + b);
        }
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        JsonNode json = body.isEmpty() ? null : JSON.readTree(body);
        Received exchange =
                new Received(
                        request.getMethod(),
                        Request.getPathInContext(request),
                        headers,
                        body,
                        json,
                        new CompletableFuture<>(),
                        closing);
        // Jetty calls this when the connection fails while the answer is pending or streaming.
        request.addFailureListener(exchange.cancelled()::complete);
        received.add(exchange);
        arrivals.add(exchange);
        Reply reply = queued.poll();
        (reply == null ? standing : reply).serve(response, callback, exchange);
    }

    @Override
    public void close() {
        closing.complete(null);
        try {
            server.stop();
        } catch (Exception e) {
            // A test server that does not stop cleanly cannot affect the next test: new port.
        }
    }

    /**
     * One request as it arrived.
     *
     * @param headers lower-case names; repeated headers joined with ", "
     * @param cancelled completes when the proxy went away while this request was being answered
     *     (its connection failed, or a write to it failed)
     * @param closing completes when the fake upstream closes, so that pending replies end
     */
    record Received(
            String method,
            String path,
            Map<String, String> headers,
            String rawBody,
            JsonNode body,
            CompletableFuture<Throwable> cancelled,
            CompletableFuture<Void> closing) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Waits until the proxy cancelled this request. */
        Throwable awaitCancelled(Duration timeout) throws Exception {
            return cancelled.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
