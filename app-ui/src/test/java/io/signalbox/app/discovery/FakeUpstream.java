package io.signalbox.app.discovery;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A provider on a real loopback port (the JDK's HTTP server) that gives every request the same
 * answer, and records what it was sent.
 */
final class FakeUpstream implements AutoCloseable {

    /** A request as the upstream saw it. */
    record Seen(String method, String path, Headers headers) {}

    final List<Seen> requests = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    /** Holds a stalled answer until the upstream closes. */
    private final CountDownLatch closing = new CountDownLatch(1);

    private FakeUpstream(
            int status,
            String contentType,
            String body,
            Map<String, String> headers,
            boolean stallBody)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(
                "/",
                exchange -> {
                    try (exchange) {
                        requests.add(
                                new Seen(
                                        exchange.getRequestMethod(),
                                        exchange.getRequestURI().getPath(),
                                        copy(exchange.getRequestHeaders())));
                        answer(exchange, status, contentType, body, headers, stallBody);
                    }
                });
        server.start();
    }

    /** Answers every request with {@code status} and {@code body}. */
    static FakeUpstream answering(int status, String contentType, String body) throws IOException {
        return new FakeUpstream(status, contentType, body, Map.of(), false);
    }

    /** Answers 200 with a JSON {@code body}. */
    static FakeUpstream json(String body) throws IOException {
        return answering(200, "application/json", body);
    }

    /** Answers with {@code status}, an empty body and the {@code headers}. */
    static FakeUpstream withHeaders(int status, Map<String, String> headers) throws IOException {
        return new FakeUpstream(status, "text/plain", "", headers, false);
    }

    /** Sends 200, the start of {@code body}, then nothing more until closed. */
    static FakeUpstream stallingAfterHeaders(String body) throws IOException {
        return new FakeUpstream(200, "application/json", body, Map.of(), true);
    }

    /** The base URL of this upstream, {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    Seen onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests);
        }
        return requests.get(0);
    }

    private void answer(
            HttpExchange exchange,
            int status,
            String contentType,
            String body,
            Map<String, String> headers,
            boolean stallBody)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::set);
        if (stallBody) {
            exchange.sendResponseHeaders(status, 0); // chunked: the end never comes
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Headers copy(Headers headers) {
        Headers copy = new Headers();
        headers.forEach(copy::put);
        return copy;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
