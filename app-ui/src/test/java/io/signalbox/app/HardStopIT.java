package io.signalbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} under load (issue 8): the store must open again, and the only requests missing
 * from the log are the ones that finished in the last moments before the kill (the usage writer
 * batches for up to 0.5 s and H2 writes its file about once a second). The figures are printed for
 * docs/reliability.md.
 */
class HardStopIT {

    private static final JsonMapper JSON = new JsonMapper();
    private static final Duration LOAD = Duration.ofSeconds(4);
    private static final int CLIENTS = 8;

    /** How recent a finished request may be and still be missing after the kill. */
    private static final Duration AT_RISK = Duration.ofMillis(2_500);

    @TempDir Path temp;

    @Test
    void afterAKillUnderLoadOnlyTheLastMomentsAreMissingFromTheLog() throws Exception {
        AtomicInteger upstreamServed = new AtomicInteger();
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] answer =
                ("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                                + "\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,"
                                + "\"total_tokens\":6}}")
                        .getBytes(StandardCharsets.UTF_8);
        upstream.createContext(
                "/",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                    exchange.close();
                    upstreamServed.incrementAndGet();
                });
        upstream.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        upstream.start();
        Path dataDir = temp.resolve("data");
        Path config = temp.resolve("config.json");
        Files.writeString(
                config,
                """
                { "providers": [ { "name": "up", "baseUrl": "http://127.0.0.1:%d/v1" } ],
                  "routes": [ { "name": "chat", "targets": [ { "provider": "up", "model": "m" } ] } ] }
                """
                        .formatted(upstream.getAddress().getPort()));
        try {
            ConcurrentLinkedQueue<Long> finishedAt = new ConcurrentLinkedQueue<>();
            long killedAt;
            try (SignalboxProcess app =
                    SignalboxProcess.start(
                            "--headless",
                            "--data-dir",
                            dataDir.toString(),
                            "--port",
                            "0",
                            "--import",
                            config.toString())) {
                int port = app.awaitReady();
                AtomicBoolean loading = new AtomicBoolean(true);
                List<Thread> clients = startClients(port, loading, finishedAt);
                Thread.sleep(LOAD.toMillis()); // the length of the load, not a wait for a result
                app.kill();
                killedAt = System.nanoTime();
                loading.set(false);
                for (Thread client : clients) {
                    client.join(30_000);
                }
            }
            long completed = finishedAt.size();
            long atRisk =
                    finishedAt.stream().filter(t -> killedAt - t <= AT_RISK.toNanos()).count();

            try (SignalboxProcess again =
                    SignalboxProcess.start(
                            "--headless", "--data-dir", dataDir.toString(), "--port", "0")) {
                int port = again.awaitReady();
                String token = Files.readString(dataDir.resolve("admin-token")).strip();
                long stored = storedRequests(port, token);
                long lost = completed - stored;
                // As many requests as were lost, counted back from the kill: how far back the
                // loss reaches if it took the newest ones.
                List<Long> newestFirst =
                        finishedAt.stream().sorted(java.util.Comparator.reverseOrder()).toList();
                long lostWindowMillis =
                        lost <= 0 ? 0 : (killedAt - newestFirst.get((int) lost - 1)) / 1_000_000;
                System.out.printf(
                        "hard stop: %d requests answered to clients in %d s, upstream served %d,"
                                + " %d in the log after restart, %d lost: as many as finished in"
                                + " the last %d ms before the kill (%d finished in the last %d"
                                + " ms)%n",
                        completed,
                        LOAD.toSeconds(),
                        upstreamServed.get(),
                        stored,
                        lost,
                        lostWindowMillis,
                        atRisk,
                        AT_RISK.toMillis());

                assertThat(completed).as("load was applied").isGreaterThan(100);
                assertThat(stored)
                        .as("nothing is logged that no client got")
                        .isLessThanOrEqualTo(upstreamServed.get());
                assertThat(lost)
                        .as("only the last moments are missing")
                        .isLessThanOrEqualTo(atRisk);
                assertThat(again.terminate()).isZero();
            }
        } finally {
            upstream.stop(0);
        }
    }

    private static List<Thread> startClients(
            int port, AtomicBoolean loading, ConcurrentLinkedQueue<Long> finishedAt) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\","
                                                + "\"content\":\"hi\"}]}"))
                        .build();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client =
                    new Thread(
                            () -> {
                                while (loading.get()) {
                                    try {
                                        HttpResponse<Void> response =
                                                http.send(
                                                        request,
                                                        HttpResponse.BodyHandlers.discarding());
                                        if (response.statusCode() == 200) {
                                            finishedAt.add(System.nanoTime());
                                        }
                                    } catch (Exception killed) {
                                        return; // the proxy is gone
                                    }
                                }
                            });
            client.start();
            clients.add(client);
        }
        return clients;
    }

    /** Requests in the log, from the management API's usage totals over all time. */
    private static long storedRequests(int port, String token) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + port
                                                                + "/api/usage?since=2000-01-01T00:00:00Z"
                                                                + "&until=2100-01-01T00:00:00Z"))
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        long stored = 0;
        for (JsonNode row : JSON.readTree(response.body()).get("rows")) {
            stored += row.get("requests").asLong();
        }
        return stored;
    }
}
