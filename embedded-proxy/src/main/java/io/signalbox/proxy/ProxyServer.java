package io.signalbox.proxy;

import io.signalbox.proxy.http.ProxyHandler;
import io.signalbox.proxy.routing.RoutingTable;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded OpenAI-compatible proxy: the entry point of this module. It listens on one address,
 * routes by the current {@link RoutingTable}, and swaps tables atomically on {@link
 * #update(RoutingTable)} without touching requests in flight.
 */
public final class ProxyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);

    private final String host;
    private final int requestedPort;
    private final Duration stopGrace;
    private final AtomicReference<RoutingTable> table;
    private final Clock clock;
    private Server server;
    private ServerConnector connector;

    public ProxyServer(
            String host, int port, Duration stopGrace, RoutingTable initial, Clock clock) {
        this.host = Objects.requireNonNull(host);
        this.requestedPort = port;
        this.stopGrace = stopGrace;
        this.table = new AtomicReference<>(initial);
        this.clock = clock;
    }

    /**
     * Starts listening.
     *
     * @throws ProxyUnavailableException when the address cannot be bound (port taken, unknown
     *     address)
     */
    public synchronized void start() throws ProxyUnavailableException {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("proxy");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(requestedPort);
        server.addConnector(connector);
        // GracefulHandler lets requests in flight finish on stop, within the stop timeout.
        server.setHandler(new GracefulHandler(new ProxyHandler(table::get, clock)));
        server.setStopTimeout(stopGrace.toMillis());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            String what = host + ":" + requestedPort;
            if (hasCause(e, BindException.class)) {
                throw new ProxyUnavailableException(
                        "Cannot listen on " + what + ": the port is in use by another program", e);
            }
            throw new ProxyUnavailableException(
                    "Cannot listen on " + what + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The port actually bound (the chosen one when started with port 0). */
    public synchronized int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return host;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8337/v1}. */
    public String baseUrl() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/v1";
    }

    /** Applies a new configuration to new requests at once; requests in flight are not touched. */
    public void update(RoutingTable next) {
        table.set(Objects.requireNonNull(next));
    }

    public RoutingTable routingTable() {
        return table.get();
    }

    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** Stops accepting, lets requests in flight finish within the grace period, then closes. */
    @Override
    public synchronized void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            // Best effort: the process is going away or the proxy is being restarted.
            LOG.warn("The proxy did not stop cleanly: {}", e.toString());
        } finally {
            server = null;
        }
    }
}
