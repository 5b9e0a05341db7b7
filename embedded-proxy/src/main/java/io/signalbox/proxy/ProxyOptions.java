package io.signalbox.proxy;

import java.time.Duration;
import java.util.Set;

/**
 * How the proxy listens and how long it waits.
 *
 * @param host the bind address; on a loopback bind the {@code Host} header is checked (DNS
 *     rebinding protection)
 * @param port 0 picks a free port
 * @param maxBodyBytes larger request bodies get 413 without being read
 * @param connectTimeout the longest wait for a TCP connection to an upstream
 * @param streamIdleTimeout the longest gap between two bytes of an upstream answer once it began
 * @param totalTimeout the longest time from receiving a request until its answer begins, over all
 *     attempts
 * @param stopGrace how long requests in flight may take to finish when the proxy stops
 * @param allowedHosts host names accepted in {@code Host} besides localhost, 127.0.0.1 and [::1]
 * @param allowedOrigins browser origins allowed to call the proxy (none by default)
 */
public record ProxyOptions(
        String host,
        int port,
        long maxBodyBytes,
        Duration connectTimeout,
        Duration streamIdleTimeout,
        Duration totalTimeout,
        Duration stopGrace,
        Set<String> allowedHosts,
        Set<String> allowedOrigins) {

    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

    public ProxyOptions {
        allowedHosts = Set.copyOf(allowedHosts);
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Defaults for a desktop proxy listening on {@code host:port}. */
    public static ProxyOptions defaults(String host, int port) {
        return new ProxyOptions(
                host,
                port,
                DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(5),
                Duration.ofSeconds(300),
                Duration.ofMinutes(10),
                Duration.ofSeconds(10),
                Set.of(),
                Set.of());
    }

    public ProxyOptions withTimeouts(Duration connect, Duration streamIdle, Duration total) {
        return new ProxyOptions(
                host,
                port,
                maxBodyBytes,
                connect,
                streamIdle,
                total,
                stopGrace,
                allowedHosts,
                allowedOrigins);
    }

    public ProxyOptions withMaxBodyBytes(long bytes) {
        return new ProxyOptions(
                host,
                port,
                bytes,
                connectTimeout,
                streamIdleTimeout,
                totalTimeout,
                stopGrace,
                allowedHosts,
                allowedOrigins);
    }
}
