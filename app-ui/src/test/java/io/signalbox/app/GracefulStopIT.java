package io.signalbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a request is in flight (CONTRACT section 1), on the real packaged process: the
 * proxy stops accepting at once, the request still gets its whole answer, the process exits 0, and
 * the request's usage is in the database when Signalbox starts again (flushed, database closed
 * cleanly). The upstream holds its answer until the test has seen new connections refused.
 */
class GracefulStopIT {

    private static final String ANSWER =
            """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m",
             "choices":[{"index":0,"message":{"role":"assistant","content":"late but complete"},
                         "finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}
            """;

    @TempDir Path temp;

    @Test
    void sigtermLetsTheRequestInFlightFinishThenFlushesUsageAndExitsZero() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer upstream =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext(
                "/v1/chat/completions",
                exchange -> {
                    try (exchange) {
                        exchange.getRequestBody().readAllBytes();
                        arrived.countDown();
                        release.await(60, TimeUnit.SECONDS);
                        byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        upstream.start();
        Path data = temp.resolve("data");
        Path config = temp.resolve("config.json");
        Files.writeString(
                config,
                """
                { "version": 1,
                  "providers": [ { "name": "slow", "baseUrl": "http://127.0.0.1:%d/v1" } ],
                  "routes": [ { "name": "chat", "targets": [ { "provider": "slow", "model": "m" } ] } ] }
                """
                        .formatted(upstream.getAddress().getPort()));
        HttpClient http = HttpClient.newHttpClient();
        try (SignalboxProcess app =
                SignalboxProcess.start(
                        "--headless",
                        "--data-dir",
                        data.toString(),
                        "--port",
                        "0",
                        "--import",
                        config.toString())) {
            int port = app.awaitReady();
            CompletableFuture<HttpResponse<String>> inFlight =
                    http.sendAsync(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + port
                                                            + "/v1/chat/completions"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"model\":\"chat\",\"messages\":[{\"role\":"
                                                            + "\"user\",\"content\":\"hi\"}]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(arrived.await(30, TimeUnit.SECONDS)).as("request reached upstream").isTrue();

            long stopAsked = System.nanoTime();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(8));
            // SIGTERM; the process stays up while the request is in flight.
            ProcessHandle.of(app.pid()).orElseThrow().destroy();
            while (accepts(port)) {
                assertThat(Instant.now()).as("stops accepting after SIGTERM").isBefore(deadline);
                Thread.sleep(20);
            }
            assertThat(inFlight).as("the request in flight is not cut").isNotDone();
            release.countDown();

            HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("late but complete");
            assertThat(app.awaitExit()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - stopAsked))
                    .as("well within the 10 s grace")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            upstream.stop(0);
        }
        assertThat(Files.readString(data.resolve("logs/signalbox-0.log")))
                .contains("Signalbox stopped");
        assertThat(data.resolve("instance.info")).doesNotExist();

        try (SignalboxProcess again =
                SignalboxProcess.start(
                        "--headless", "--data-dir", data.toString(), "--port", "0")) {
            int port = again.awaitReady();
            String token = Files.readString(data.resolve("admin-token")).strip();
            HttpResponse<String> requests =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + port
                                                            + "/api/requests?limit=10"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(requests.statusCode()).isEqualTo(200);
            assertThat(requests.body())
                    .as("the request's usage was written before the database closed")
                    .contains("\"route\":\"chat\"")
                    .contains("\"status\":200")
                    .contains("\"promptTokens\":5")
                    .contains("\"completionTokens\":3");
            assertThat(again.terminate()).isZero();
        }
    }

    private static boolean accepts(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }
}
