package io.signalbox.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small OpenAI-compatible upstream on a real loopback port (the JDK's HTTP server), answering
 * chat (plain and streamed, with usage), embeddings, or always 429. Its usage numbers are fixed, so
 * the request log can be checked against them exactly.
 */
final class TinyUpstream implements AutoCloseable {

    static final int PROMPT_TOKENS = 11;
    static final int COMPLETION_TOKENS = 7;
    static final int EMBEDDING_TOKENS = 3;
    static final List<String> STREAM_WORDS = List.of("Hello", " from", " the", " stream");

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpServer server;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    private TinyUpstream(boolean alwaysRateLimited) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(
                "/v1",
                exchange -> {
                    try (exchange) {
                        handle(exchange, alwaysRateLimited);
                    }
                });
        server.start();
    }

    static TinyUpstream serving() throws IOException {
        return new TinyUpstream(false);
    }

    static TinyUpstream rateLimited() throws IOException {
        return new TinyUpstream(true);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange, boolean alwaysRateLimited) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        received.add(body);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (alwaysRateLimited) {
            exchange.getResponseHeaders().add("Retry-After", "30");
            send(
                    exchange,
                    429,
                    "application/json",
                    "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"code\":\"rate_limited\"}}");
            return;
        }
        String model = body.path("model").asText();
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/embeddings")) {
            send(
                    exchange,
                    200,
                    "application/json",
                    """
                    {"object":"list","model":"%s","data":[{"object":"embedding","index":0,"embedding":[0.25,-0.5]}],
                     "usage":{"prompt_tokens":%d,"total_tokens":%d}}"""
                            .formatted(model, EMBEDDING_TOKENS, EMBEDDING_TOKENS));
            return;
        }
        if (body.path("stream").asBoolean(false)) {
            stream(
                    exchange,
                    model,
                    body.path("stream_options").path("include_usage").asBoolean(false));
            return;
        }
        send(
                exchange,
                200,
                "application/json",
                """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                        .formatted(
                                model,
                                PROMPT_TOKENS,
                                COMPLETION_TOKENS,
                                PROMPT_TOKENS + COMPLETION_TOKENS));
    }

    private static void stream(HttpExchange exchange, String model, boolean includeUsage)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String chunk =
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
                        + model
                        + "\",\"choices\":[%s]}";
        write(
                out,
                chunk.formatted(
                        "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}"));
        for (String word : STREAM_WORDS) {
            write(
                    out,
                    chunk.formatted(
                            "{\"index\":0,\"delta\":{\"content\":\""
                                    + word
                                    + "\"},\"finish_reason\":null}"));
        }
        write(out, chunk.formatted("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}"));
        if (includeUsage) {
            write(
                    out,
                    ("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
                                    + model
                                    + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}}")
                            .formatted(
                                    PROMPT_TOKENS,
                                    STREAM_WORDS.size(),
                                    PROMPT_TOKENS + STREAM_WORDS.size()));
        }
        write(out, "[DONE]");
    }

    private static void write(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
