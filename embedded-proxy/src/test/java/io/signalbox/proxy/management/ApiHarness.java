package io.signalbox.proxy.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.ProxyServer;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real {@link ProxyServer} on 127.0.0.1, port 0, with the management API mounted on a {@link
 * ScriptedApi}, and an HTTP/1.1 client for it. The proxy has one route, {@code chat}, so that
 * {@code /v1/models} shows the proxy's own handler still answers.
 */
final class ApiHarness implements AutoCloseable {

    static final String TOKEN = "test-admin-token-0123456789";
    static final String ALLOWED_HOST = "signalbox.lan";
    static final String ALLOWED_ORIGIN = "http://allowed.example";

    private static final Duration WAIT = Duration.ofSeconds(10);

    final ScriptedApi api = new ScriptedApi();
    private final ProxyServer proxy;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    private ApiHarness(boolean mountManagement) throws Exception {
        ProxyOptions base = ProxyOptions.defaults("127.0.0.1", 0);
        ProxyOptions options =
                new ProxyOptions(
                        base.host(),
                        base.port(),
                        base.maxBodyBytes(),
                        base.connectTimeout(),
                        base.streamIdleTimeout(),
                        base.totalTimeout(),
                        Duration.ofMillis(100),
                        Set.of(ALLOWED_HOST),
                        Set.of(ALLOWED_ORIGIN));
        RoutingTable table =
                RoutingTable.of(
                        List.of(
                                new ProviderEndpoint(
                                        "lab",
                                        URI.create("http://127.0.0.1:9/v1"),
                                        Optional.empty(),
                                        Map.of(),
                                        true)),
                        List.of(
                                new Route(
                                        "chat",
                                        true,
                                        List.of(new Target("lab", "m", 100, true)),
                                        List.of(),
                                        Duration.ofSeconds(5))));
        proxy =
                new ProxyServer(
                        options,
                        table,
                        AccessPolicy.OPEN,
                        event -> {},
                        Clock.fixed(ScriptedApi.T, ZoneOffset.UTC));
        if (mountManagement) {
            proxy.enableManagement(api, TOKEN::equals);
        }
        proxy.start();
    }

    static ApiHarness start() throws Exception {
        return new ApiHarness(true);
    }

    static ApiHarness withoutManagement() throws Exception {
        return new ApiHarness(false);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + proxy.port() + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, "Authorization", "Bearer " + TOKEN);
    }

    /**
     * @param body null for none
     * @param headers name, value, name, value...
     */
    HttpResponse<String> send(String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .timeout(WAIT)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, BodyHandlers.ofString());
    }

    /** A GET over a plain socket, which unlike the JDK client may send any {@code Host}. */
    String rawGet(String path, String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2000);
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET "
                                    + path
                                    + " HTTP/1.1\r\nHost: "
                                    + host
                                    + "\r\nAuthorization: Bearer "
                                    + TOKEN
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return ApiJson.JSON.readTree(response.body());
    }

    @Override
    public void close() {
        api.open();
        proxy.close();
    }
}
