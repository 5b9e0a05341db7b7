package io.signalbox.proxy.upstream;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The HTTP clients of providers with added certificates, one per distinct PEM text: a provider's
 * trust must not leak to another one through a pooled connection, and Jetty pools connections per
 * client and address, not per provider.
 *
 * <p>The configuration can change at any time, so a client is closed once it has had no request in
 * flight for {@link #IDLE_MILLIS} (5 minutes), and made again when a provider needs it. Requests in
 * flight keep theirs until they complete.
 */
final class TrustingClients implements AutoCloseable {

    static final long IDLE_MILLIS = 5 * 60_000;
    static final long SWEEP_MILLIS = 60_000;

    private final long idleMillis;
    private final long sweepMillis;
    private final Function<String, HttpClient> factory;
    private final Scheduler scheduler;
    private final Executor threads;
    private final Map<String, Lease> byPem = new HashMap<>();
    private boolean closed;

    TrustingClients(Function<String, HttpClient> factory, Scheduler scheduler, Executor threads) {
        this(factory, scheduler, threads, IDLE_MILLIS, SWEEP_MILLIS);
    }

    /** With other periods, for tests. */
    TrustingClients(
            Function<String, HttpClient> factory,
            Scheduler scheduler,
            Executor threads,
            long idleMillis,
            long sweepMillis) {
        this.idleMillis = idleMillis;
        this.sweepMillis = sweepMillis;
        this.factory = factory;
        this.scheduler = scheduler;
        this.threads = threads;
        scheduleSweep();
    }

    /**
     * The client that trusts {@code pem}, held until {@link Lease#release()}.
     *
     * @throws IllegalArgumentException when {@code pem} holds no readable certificate
     */
    synchronized Lease lease(String pem) {
        if (closed) {
            throw new IllegalStateException("the upstream client is closed");
        }
        Lease lease = byPem.get(pem);
        if (lease == null) {
            lease = new Lease(factory.apply(pem));
            byPem.put(pem, lease);
        }
        lease.inFlight++;
        lease.lastUsedNanos = System.nanoTime();
        return lease;
    }

    private void scheduleSweep() {
        scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        synchronized (this) {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            for (Iterator<Lease> it = byPem.values().iterator(); it.hasNext(); ) {
                Lease lease = it.next();
                if (lease.inFlight == 0
                        && now - lease.lastUsedNanos > TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
                    it.remove();
                    stopLater(lease.client);
                }
            }
        }
        scheduleSweep();
    }

    /** Not on the scheduler's or a client's own thread: stopping waits for them. */
    private void stopLater(HttpClient client) {
        threads.execute(() -> stop(client));
    }

    private static void stop(HttpClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            // Closing an idle client: nothing depends on it stopping cleanly.
        }
    }

    synchronized int open() {
        return byPem.size();
    }

    @Override
    public void close() {
        Map<String, Lease> open;
        synchronized (this) {
            closed = true;
            open = new HashMap<>(byPem);
            byPem.clear();
        }
        open.values().forEach(lease -> stop(lease.client));
    }

    /** A client in use by one request. */
    final class Lease {
        private final HttpClient client;
        private int inFlight;
        private long lastUsedNanos;

        private Lease(HttpClient client) {
            this.client = client;
        }

        HttpClient client() {
            return client;
        }

        void release() {
            synchronized (TrustingClients.this) {
                inFlight--;
                lastUsedNanos = System.nanoTime();
            }
        }
    }
}
