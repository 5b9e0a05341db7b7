package io.signalbox.app.access;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat server on a real loopback port (the JDK's HTTP server) that reports
 * fixed token counts for every answer, so a daily limit is reached after a known number of calls.
 */
final class TokenUpstream implements AutoCloseable {

    static final int PROMPT_TOKENS = 18;
    static final int COMPLETION_TOKENS = 12;
    static final int TOTAL_TOKENS = PROMPT_TOKENS + COMPLETION_TOKENS;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final AtomicInteger calls = new AtomicInteger();

    TokenUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(
                "/v1/chat/completions",
                exchange -> {
                    try (exchange) {
                        answer(exchange);
                    }
                });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        calls.incrementAndGet();
        byte[] body =
                """
                {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """
                        .formatted(PROMPT_TOKENS, COMPLETION_TOKENS, TOTAL_TOKENS)
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
