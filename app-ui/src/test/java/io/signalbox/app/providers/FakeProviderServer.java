package io.signalbox.app.providers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * An OpenAI-compatible provider on a real loopback port (the JDK's HTTP server): {@code GET
 * /v1/models} lists {@link #models}, {@code POST /v1/chat/completions} answers one token, and both
 * refuse a wrong key with 401 when a key is required. Records what it was sent.
 */
public final class FakeProviderServer implements AutoCloseable {

    /** A request as the provider saw it. */
    public record Seen(String method, String path, Optional<String> authorization, String body) {}

    public final List<Seen> requests = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile List<String> models;
    private volatile Optional<String> requiredKey = Optional.empty();
    private volatile CountDownLatch modelListGate = new CountDownLatch(0);

    public FakeProviderServer(List<String> models) throws IOException {
        this.models = List.copyOf(models);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** From now on lists {@code next} instead. */
    public void listing(List<String> next) {
        models = List.copyOf(next);
    }

    /** From now on answers 401 unless the request carries {@code Bearer key}. */
    public FakeProviderServer requiringKey(String key) {
        requiredKey = Optional.of(key);
        return this;
    }

    /** From now on answers {@code GET /v1/models} only once {@code gate} opens. */
    public FakeProviderServer holdingModelListsUntil(CountDownLatch gate) {
        modelListGate = gate;
        return this;
    }

    /** {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<Seen> chatRequests() {
        return requests.stream().filter(seen -> seen.path().endsWith("/chat/completions")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Optional<String> authorization =
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
            String path = exchange.getRequestURI().getPath();
            requests.add(new Seen(exchange.getRequestMethod(), path, authorization, body));
            if (requiredKey.isPresent()
                    && !authorization.equals(requiredKey.map(key -> "Bearer " + key))) {
                send(exchange, 401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
            } else if (path.equals("/v1/models")) {
                try {
                    modelListGate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(exchange, 200, modelList());
            } else if (path.equals("/v1/chat/completions")) {
                send(
                        exchange,
                        200,
                        """
                        {"id":"chatcmpl-1","object":"chat.completion","model":"m",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"OK"},
                                     "finish_reason":"length"}],
                         "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
                        """);
            } else {
                send(exchange, 404, "{\"error\":{\"message\":\"not found\"}}");
            }
        }
    }

    private String modelList() {
        return "{\"object\":\"list\",\"data\":["
                + models.stream()
                        .map(id -> "{\"id\":\"" + id + "\",\"object\":\"model\"}")
                        .collect(Collectors.joining(","))
                + "]}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
