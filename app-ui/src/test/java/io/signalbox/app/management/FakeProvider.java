package io.signalbox.app.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An OpenAI-compatible provider on a real loopback port (the JDK's HTTP server). Chat calls are
 * answered with fixed token counts, so the usage Signalbox reports can be checked exactly, or with
 * an error status the test sets; {@code GET /models} answers whatever the test sets, or stalls.
 */
final class FakeProvider implements AutoCloseable {

    static final int PLAIN_PROMPT_TOKENS = 13;
    static final int PLAIN_COMPLETION_TOKENS = 8;
    static final int STREAM_PROMPT_TOKENS = 21;
    static final int STREAM_COMPLETION_TOKENS = 5;

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    final AtomicInteger chatCalls = new AtomicInteger();

    /** 0 serves chat calls; otherwise every chat call gets this status. */
    private volatile int chatStatus;

    /** 0: no echo; otherwise chat calls get this status and the credentials they carried. */
    private volatile int echoStatus;

    private volatile int modelsStatus = 200;
    private volatile String modelsType = "application/json";
    private volatile String modelsBody =
            "{\"object\":\"list\",\"data\":[{\"id\":\"m1\"},{\"id\":\"m2\"}]}";
    private volatile boolean modelsStall;

    FakeProvider() throws IOException {
        this(null);
    }

    /**
     * @param tls when given, the provider speaks HTTPS only, with this server context
     */
    FakeProvider(SSLContext tls) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(executor);
        server.createContext(
                "/v1/chat/completions",
                exchange -> {
                    try (exchange) {
                        chat(exchange);
                    }
                });
        server.createContext(
                "/v1/models",
                exchange -> {
                    try (exchange) {
                        models(exchange);
                    }
                });
        server.start();
    }

    String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Every chat call from now on gets {@code status} (429 with {@code Retry-After: 30}). */
    FakeProvider failingChats(int status) {
        chatStatus = status;
        return this;
    }

    /**
     * A careless provider: every chat call gets {@code status} with an error that quotes the
     * credentials it was sent (its {@code Authorization} and {@code X-Api-Key}); a streamed call
     * gets one event, then that error as an event.
     */
    FakeProvider echoingCredentials(int status) {
        echoStatus = status;
        return this;
    }

    FakeProvider models(int status, String contentType, String body) {
        modelsStatus = status;
        modelsType = contentType;
        modelsBody = body;
        return this;
    }

    /** {@code GET /models} answers with headers and half a body, then nothing until closed. */
    FakeProvider stallingModels() {
        modelsStall = true;
        return this;
    }

    private void chat(HttpExchange exchange) throws IOException {
        chatCalls.incrementAndGet();
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (echoStatus != 0) {
            echo(exchange, body.path("stream").asBoolean(false));
            return;
        }
        if (chatStatus != 0) {
            exchange.getResponseHeaders().add("Retry-After", "30");
            send(
                    exchange,
                    chatStatus,
                    "application/json",
                    "{\"error\":{\"message\":\"refused\",\"type\":\"error\",\"code\":\"refused\"}}");
            return;
        }
        String model = body.path("model").asText();
        if (body.path("stream").asBoolean(false)) {
            stream(exchange, model);
            return;
        }
        send(
                exchange,
                200,
                "application/json",
                """
                {"id":"c1","object":"chat.completion","created":1,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                        .formatted(
                                model,
                                PLAIN_PROMPT_TOKENS,
                                PLAIN_COMPLETION_TOKENS,
                                PLAIN_PROMPT_TOKENS + PLAIN_COMPLETION_TOKENS));
    }

    private void echo(HttpExchange exchange, boolean stream) throws IOException {
        String quoted =
                JSON.writeValueAsString(
                        "Incorrect API key provided: "
                                + exchange.getRequestHeaders().getFirst("Authorization")
                                + " with X-Api-Key "
                                + exchange.getRequestHeaders().getFirst("X-Api-Key"));
        String error =
                "{\"error\":{\"message\":" + quoted + ",\"type\":\"invalid_request_error\"}}";
        if (!stream) {
            send(exchange, echoStatus, "application/json", error);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        event(
                out,
                "{\"id\":\"c3\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m1\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}");
        event(out, error);
    }

    /** Five one-word events, then the usage chunk that Signalbox asks for, then [DONE]. */
    private static void stream(HttpExchange exchange, String model) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String chunk =
                "{\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
                        + model
                        + "\",\"choices\":%s%s}";
        for (int i = 0; i < STREAM_COMPLETION_TOKENS; i++) {
            event(
                    out,
                    chunk.formatted("[{\"index\":0,\"delta\":{\"content\":\"w" + i + " \"}}]", ""));
        }
        event(
                out,
                chunk.formatted(
                        "[]",
                        ",\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}"
                                .formatted(
                                        STREAM_PROMPT_TOKENS,
                                        STREAM_COMPLETION_TOKENS,
                                        STREAM_PROMPT_TOKENS + STREAM_COMPLETION_TOKENS)));
        event(out, "[DONE]");
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void models(HttpExchange exchange) throws IOException {
        if (!modelsStall) {
            send(exchange, modelsStatus, modelsType, modelsBody);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
