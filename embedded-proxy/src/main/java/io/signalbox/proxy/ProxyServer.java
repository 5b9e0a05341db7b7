package io.signalbox.proxy;

import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.access.KeyTokensToday;
import io.signalbox.proxy.http.OpenAiErrorHandler;
import io.signalbox.proxy.http.ProxyHandler;
import io.signalbox.proxy.management.ManagementApi;
import io.signalbox.proxy.management.ManagementMount;
import io.signalbox.proxy.routing.CanaryBook;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.HealthPolicy;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.TpmLimits;
import io.signalbox.proxy.upstream.UpstreamClient;
import io.signalbox.proxy.usage.UsageSink;
import java.net.BindException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded OpenAI-compatible proxy: the entry point of this module. It listens on one address,
 * routes by the current {@link RoutingTable}, and swaps tables atomically on {@link
 * #update(RoutingTable)} without touching requests in flight. Finished requests go to the {@link
 * UsageSink}; who may call is decided by the {@link AccessPolicy}, and how many tokens an access
 * key may use a day by its limit and {@link KeyTokensToday}.
 */
public final class ProxyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);

    private final ProxyOptions options;
    private final AtomicReference<RoutingTable> table;
    private final AccessPolicy access;
    private final UsageSink usage;
    private final Clock clock;
    private final HealthBook health;
    private final KeyTokensToday keyTokens;
    private CanaryBook canaries = new CanaryBook();
    private final TpmLimits tpmLimits;
    private Server server;
    private ServerConnector connector;
    private UpstreamClient upstreams;
    private ManagementApi management;
    private Predicate<String> adminToken;

    /**
     * @param clock the time; its zone decides where a day begins for daily token limits
     */
    public ProxyServer(
            ProxyOptions options,
            RoutingTable initial,
            AccessPolicy access,
            UsageSink usage,
            Clock clock) {
        this(
                options,
                new AtomicReference<>(initial),
                access,
                usage,
                clock,
                new HealthBook(HealthPolicy.defaults()),
                new KeyTokensToday(clock),
                new TpmLimits());
        tpmLimits.limitsFrom(initial);
    }

    private ProxyServer(
            ProxyOptions options,
            AtomicReference<RoutingTable> table,
            AccessPolicy access,
            UsageSink usage,
            Clock clock,
            HealthBook health,
            KeyTokensToday keyTokens,
            TpmLimits tpmLimits) {
        this.options = Objects.requireNonNull(options);
        this.table = table;
        this.access = access;
        this.usage = usage;
        this.clock = clock;
        this.health = health;
        this.keyTokens = keyTokens;
        this.tpmLimits = tpmLimits;
    }

    /**
     * A proxy not started yet that serves exactly what this one serves, on {@code host:port}: it
     * shares this one's routing table, health book and daily key counts (so {@link #update} on
     * either reaches both, and whoever holds this one, such as the management API, keeps seeing the
     * live state), its access policy, usage sink and management API. For a restart on another
     * address; this one is left as it is, to be closed by the caller once the new one listens.
     */
    public synchronized ProxyServer listeningOn(String host, int port) {
        ProxyOptions moved =
                new ProxyOptions(
                        host,
                        port,
                        options.maxBodyBytes(),
                        options.connectTimeout(),
                        options.streamIdleTimeout(),
                        options.totalTimeout(),
                        options.stopGrace(),
                        options.allowedHosts(),
                        options.allowedOrigins());
        ProxyServer next =
                new ProxyServer(moved, table, access, usage, clock, health, keyTokens, tpmLimits);
        next.management = management;
        next.adminToken = adminToken;
        next.canaries = canaries;
        return next;
    }

    /**
     * Serves the management API (CONTRACT section 4) under {@code /api} on the same port, from
     * {@code api}, to loopback callers that present the admin token. Call before {@link #start()};
     * without it, {@code /api} paths are unknown endpoints of the proxy.
     *
     * @param adminToken tells whether a presented bearer token is the admin token; it must compare
     *     in constant time
     */
    public synchronized void enableManagement(ManagementApi api, Predicate<String> adminToken) {
        if (server != null) {
            throw new IllegalStateException("enable the management API before starting the proxy");
        }
        this.management = Objects.requireNonNull(api);
        this.adminToken = Objects.requireNonNull(adminToken);
    }

    /**
     * Starts listening.
     *
     * @throws ProxyUnavailableException when the address cannot be bound (port taken, unknown
     *     address)
     */
    public synchronized void start() throws ProxyUnavailableException {
        QueuedThreadPool threads = new QueuedThreadPool(400, 8);
        threads.setName("proxy");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        // Jetty reuses header fields it saw earlier on the same connection, matching them without
        // regard to case by default: an access key or admin token sent in another case would then
        // pass as the real one. Keys are case-sensitive.
        http.setHeaderCacheCaseSensitive(true);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        // Longer than any upstream's idle gap, so the proxy never cuts a quiet stream first.
        connector.setIdleTimeout(options.streamIdleTimeout().toMillis() + 30_000);
        server.addConnector(connector);
        upstreams = new UpstreamClient(options.connectTimeout(), "Signalbox", threads);
        ProxyHandler handler =
                new ProxyHandler(
                        table::get,
                        access,
                        keyTokens,
                        upstreams,
                        health,
                        usage,
                        options,
                        clock,
                        () -> ThreadLocalRandom.current().nextDouble(),
                        canaries,
                        tpmLimits);
        Handler served =
                management == null
                        ? handler
                        : new ManagementMount(management, adminToken, options, clock, handler);
        // GracefulHandler lets requests in flight finish on stop, within the stop timeout.
        server.setHandler(new GracefulHandler(served));
        // Jetty's own errors (not valid HTTP, headers too large) in the OpenAI shape, not HTML.
        server.setErrorHandler(new OpenAiErrorHandler());
        server.setStopTimeout(options.stopGrace().toMillis());
        server.setStopAtShutdown(false);
        seedKeyTokens();
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            String what = options.host() + ":" + options.port();
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
        return options.host();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8337/v1}. */
    public String baseUrl() {
        String host = options.host();
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/v1";
    }

    /**
     * Applies a new configuration to new requests at once; requests in flight keep the table they
     * started with. Targets held out for a rejected key or quota get another chance, since the
     * change may have fixed them.
     */
    public void update(RoutingTable next) {
        table.set(Objects.requireNonNull(next));
        canaries.retain(next);
        tpmLimits.limitsFrom(next);
        health.clearHeldOut();
        seedKeyTokens();
    }

    /**
     * Reads today's tokens per access key from the store, at start and on every configuration
     * change, never per request. A store that cannot answer leaves the counts in memory as they
     * are: the proxy keeps serving.
     */
    private void seedKeyTokens() {
        Instant now = clock.instant();
        try {
            keyTokens.seed(access.tokensUsedSince(keyTokens.startOfDay(now)), now);
        } catch (RuntimeException e) {
            LOG.warn("Could not read today's token usage per access key: {}", e.toString());
        }
    }

    /** Each access key's tokens today, as the daily token limits count them. */
    public KeyTokensToday keyTokensToday() {
        return keyTokens;
    }

    /** Each route's canary: active or demoted, and its window; shared with restarted servers. */
    public CanaryBook canaries() {
        return canaries;
    }

    public RoutingTable routingTable() {
        return table.get();
    }

    /** Each limited model's tokens in the last minute, for the management API and the UI. */
    public TpmLimits tpmLimits() {
        return tpmLimits;
    }

    /** Each target's health, for the management API and the UI. */
    public HealthBook health() {
        return health;
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
            if (upstreams != null) {
                upstreams.close();
                upstreams = null;
            }
        }
    }
}
