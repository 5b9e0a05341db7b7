package io.signalbox.app.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Real calls through the running proxy, and waiting for what the screens show after them. */
final class ProxyCalls {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ProxyCalls() {}

    /** A chat completion through the proxy; returns the status the client got. */
    static int chat(String baseUrl, String route, boolean stream)
            throws IOException, InterruptedException {
        String body =
                "{\"model\":\""
                        + route
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":"
                        + stream
                        + "}";
        HttpResponse<String> response =
                CLIENT.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /**
     * Waits until {@code condition} holds: the usage writer stores within half a second and the
     * screens look every one or two, so 20 s is ample even on a loaded machine.
     */
    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    /** A config with two providers on the fake upstreams and the routes the tests call. */
    static Path config(Path dir, TinyUpstream serving, TinyUpstream limited) throws IOException {
        Path config = dir.resolve("config-" + System.nanoTime() + ".json");
        Files.writeString(
                config,
                """
                { "version": 1,
                  "providers": [
                    { "name": "local", "baseUrl": "%1$s", "models": ["model-a"] },
                    { "name": "busy", "baseUrl": "%2$s", "models": ["model-r"] } ],
                  "routes": [
                    { "name": "chat", "targets": [ { "provider": "local", "model": "model-a" } ] },
                    { "name": "safe", "targets": [ { "provider": "busy", "model": "model-r" } ],
                      "fallbacks": [ { "provider": "local", "model": "model-a" } ] } ] }
                """
                        .formatted(serving.baseUrl(), limited.baseUrl()));
        return config;
    }
}
