package io.signalbox.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.ProxyServer;
import io.signalbox.proxy.ProxyUnavailableException;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.usage.UsageEvent;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real {@link ProxyServer} on 127.0.0.1, port 0, with a clock the test moves, a usage sink the
 * test reads, and a {@link HttpClient} speaking HTTP/1.1 to it.
 */
final class ProxyHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static final Duration WAIT = Duration.ofSeconds(10);

    final MutableClock clock = new MutableClock(T0);
    private final BlockingQueue<UsageEvent> usage = new LinkedBlockingQueue<>();
    private final ProxyServer proxy;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    private ProxyHarness(RoutingTable table, AccessPolicy access, ProxyOptions options) {
        proxy = new ProxyServer(options, table, access, usage::add, clock);
        try {
            proxy.start();
        } catch (ProxyUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProxyHarness start(RoutingTable table) {
        return start(table, AccessPolicy.OPEN, UnaryOperator.identity());
    }

    static ProxyHarness start(
            RoutingTable table, AccessPolicy access, UnaryOperator<ProxyOptions> adjust) {
        return new ProxyHarness(table, access, adjust.apply(options()));
    }

    /**
     * Short timeouts keep the suite fast: 1 s to connect and 2 s of upstream silence mid-stream.
     * The stop grace is short too: Jetty otherwise keeps the client's idle keep-alive connection
     * open for up to a second of it, and a test never leaves a request running on purpose.
     */
    static ProxyOptions options() {
        ProxyOptions base =
                ProxyOptions.defaults("127.0.0.1", 0)
                        .withTimeouts(
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(30));
        return new ProxyOptions(
                base.host(),
                base.port(),
                base.maxBodyBytes(),
                base.connectTimeout(),
                base.streamIdleTimeout(),
                base.totalTimeout(),
                Duration.ofMillis(100),
                base.allowedHosts(),
                base.allowedOrigins());
    }

    static ProxyOptions withAllowed(ProxyOptions o, Set<String> hosts, Set<String> origins) {
        return new ProxyOptions(
                o.host(),
                o.port(),
                o.maxBodyBytes(),
                o.connectTimeout(),
                o.streamIdleTimeout(),
                o.totalTimeout(),
                o.stopGrace(),
                hosts,
                origins);
    }

    ProxyServer proxy() {
        return proxy;
    }

    int port() {
        return proxy.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + proxy.port() + path);
    }

    HttpResponse<String> chat(String body, String... headers) throws Exception {
        return post("/v1/chat/completions", body, headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .timeout(WAIT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(WAIT).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    /**
     * Starts a streamed chat call and returns once the proxy answered with a status line, which it
     * sends only with the first event (or an error).
     */
    SseStream stream(String body, String... headers) throws Exception {
        return streamAt("/v1/chat/completions", body, headers);
    }

    SseStream streamAt(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<InputStream> response =
                http.sendAsync(request.build(), BodyHandlers.ofInputStream())
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new SseStream(response);
    }

    /** The usage event of the next finished call; fails if none comes within 10 s. */
    UsageEvent nextUsage() throws InterruptedException {
        UsageEvent event = usage.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("a usage event within %s", WAIT).isNotNull();
        return event;
    }

    /**
     * The usage event of the one call made: recorded once, on the request thread, before another
     * could follow for the same call, so an empty queue right after means exactly one.
     */
    UsageEvent onlyUsage() throws InterruptedException {
        UsageEvent event = nextUsage();
        assertThat(usage).as("usage events besides the first").isEmpty();
        return event;
    }

    /** No usage event is waiting: for requests the proxy refused before routing them. */
    void assertNoUsage() {
        assertThat(usage).isEmpty();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
