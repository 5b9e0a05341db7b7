package io.signalbox.app.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.signalbox.app.launch.AdminToken;
import io.signalbox.app.launch.CommandLine;
import io.signalbox.app.runtime.SignalboxRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The whole of Signalbox as the launcher starts it (data dir, H2 store, proxy, management API) on
 * port 0, and a client that speaks to its {@code /api} with the admin token read from the data dir,
 * as a script would, and to its {@code /v1} as an SDK would.
 */
final class Signalbox implements AutoCloseable {

    static final JsonMapper JSON = new JsonMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    final SignalboxRuntime runtime;
    final Path dataDir;
    final String token;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    private Signalbox(SignalboxRuntime runtime, Path dataDir) throws IOException {
        this.runtime = runtime;
        this.dataDir = dataDir;
        this.token =
                Files.readString(dataDir.resolve(AdminToken.FILE_NAME), StandardCharsets.UTF_8)
                        .strip();
    }

    static Signalbox start(Path dataDir) throws Exception {
        return start(dataDir, Optional.empty(), Optional.empty());
    }

    static Signalbox start(Path dataDir, Optional<String> bind, Optional<Path> importFile)
            throws Exception {
        SignalboxRuntime runtime =
                SignalboxRuntime.start(
                        new CommandLine(
                                true,
                                false,
                                false,
                                Optional.of(dataDir),
                                OptionalInt.of(0),
                                bind,
                                importFile),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new Signalbox(runtime, dataDir);
    }

    int port() {
        return runtime.proxy().port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, "Authorization", "Bearer " + token);
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return send("PUT", path, body, "Authorization", "Bearer " + token);
    }

    HttpResponse<String> post(String path) throws Exception {
        return send("POST", path, null, "Authorization", "Bearer " + token);
    }

    /** GET, then the body as JSON; fails unless the status is 200. */
    JsonNode getJson(String path) throws Exception {
        return ok(get(path));
    }

    static JsonNode ok(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "expected 200 from "
                            + response.uri()
                            + ", got "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /**
     * @param body null for none
     * @param headers name, value, name, value...
     */
    HttpResponse<String> send(String method, String path, String body, String... headers)
            throws Exception {
        return send(uri(path), method, body, headers);
    }

    HttpResponse<String> send(URI uri, String method, String body, String... headers)
            throws Exception {
        return send(http, uri, method, body, headers);
    }

    private static HttpResponse<String> send(
            HttpClient client, URI uri, String method, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(WAIT)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    /** A chat call through the proxy, read to its end (streamed or not). */
    HttpResponse<String> chat(String model, boolean stream, String... headers) throws Exception {
        String body =
                "{\"model\":\"%s\",\"stream\":%s,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"
                        .formatted(model, stream);
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", "/v1/chat/completions", body, all);
    }

    /** A GET with the admin token over a plain socket, which may send any {@code Host}. */
    String rawGet(String path, String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 2000);
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET "
                                    + path
                                    + " HTTP/1.1\r\nHost: "
                                    + host
                                    + "\r\nAuthorization: Bearer "
                                    + token
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        runtime.close();
    }
}
