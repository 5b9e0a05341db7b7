package io.signalbox.app.runtime;

import io.signalbox.app.launch.InstanceLock;
import io.signalbox.persistence.AccessKeyRepository;
import io.signalbox.proxy.ProxyServer;
import io.signalbox.proxy.ProxyUnavailableException;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The proxy the runtime serves with, which the Settings screen may stop, start again or move to
 * another address. Each start makes a fresh {@link ProxyServer} through {@link
 * ProxyServer#listeningOn}, so the routing table, health book, access policy, usage sink and
 * management API carry over. The methods are synchronized: one change at a time.
 */
public final class RunningProxy {

    private static final Logger LOG = Logger.getLogger(RunningProxy.class.getName());

    private final InstanceLock lock;
    private final StoredAccessPolicy access;
    private final AccessKeyRepository accessKeys;
    private volatile ProxyServer current;

    /** The port last listened on (or asked for, before the first start); a closed one forgets. */
    private int lastPort;

    RunningProxy(
            ProxyServer first,
            int requestedPort,
            InstanceLock lock,
            StoredAccessPolicy access,
            AccessKeyRepository accessKeys) {
        this.current = first;
        this.lastPort = first.isRunning() ? first.port() : requestedPort;
        this.lock = lock;
        this.access = access;
        this.accessKeys = accessKeys;
    }

    /** The server in use now: after a restart, the new one. */
    public ProxyServer current() {
        return current;
    }

    public boolean isRunning() {
        return current.isRunning();
    }

    /** Starts listening again on the last address, if stopped. */
    public synchronized void start() throws ProxyUnavailableException {
        if (current.isRunning()) {
            return;
        }
        ProxyServer next = current.listeningOn(current.host(), lastPort);
        next.start();
        current = next;
        lastPort = next.port();
        describe();
    }

    /** Stops listening; requests in flight finish within the grace period. */
    public synchronized void stop() {
        current.close();
        describe();
    }

    /**
     * Listens on {@code bind:port} from now on. The new address is bound before the old one is let
     * go, so a taken port leaves the old proxy serving and throws. Only when the new address
     * clashes with the old one itself (same port, e.g. 127.0.0.1 to 0.0.0.0) is the old one stopped
     * first, and started again if the new one still cannot listen.
     *
     * <p>A stopped proxy stays stopped; its next start uses the new address.
     *
     * @throws ProxyUnavailableException the new address cannot be bound; the old one still serves
     * @throws IllegalArgumentException a non-loopback address while there is no access key
     */
    public synchronized void moveTo(String bind, int port) throws ProxyUnavailableException {
        boolean loopback = SignalboxRuntime.isLoopback(bind);
        if (!loopback && accessKeys.count() == 0) {
            throw new IllegalArgumentException(
                    "Refusing to listen on "
                            + bind
                            + " without an access key: anyone on the network could use your"
                            + " providers' keys. Create an access key first.");
        }
        ProxyServer old = current;
        if (!old.isRunning()) {
            // Stopped stays stopped: the next start listens on the new address.
            current = old.listeningOn(bind, port);
            lastPort = port;
            access.bindChanged(loopback);
            return;
        }
        int oldPort = lastPort;
        // The policy is shared by old and new; while both listen, the stricter rule applies.
        access.bindChanged(loopback && SignalboxRuntime.isLoopback(old.host()));
        ProxyServer next = old.listeningOn(bind, port);
        try {
            next.start();
        } catch (ProxyUnavailableException taken) {
            if (port != oldPort) {
                access.bindChanged(SignalboxRuntime.isLoopback(old.host()));
                throw taken;
            }
            // Same port: the old listener itself may be what is in the way.
            old.close();
            next = old.listeningOn(bind, port);
            try {
                next.start();
            } catch (ProxyUnavailableException stillTaken) {
                access.bindChanged(SignalboxRuntime.isLoopback(old.host()));
                ProxyServer back = old.listeningOn(old.host(), oldPort);
                try {
                    back.start();
                    current = back;
                    lastPort = back.port();
                } catch (ProxyUnavailableException lost) {
                    LOG.warning("The proxy could not return to its old address: " + lost);
                }
                describe();
                throw stillTaken;
            }
        }
        old.close();
        current = next;
        lastPort = next.port();
        access.bindChanged(loopback);
        describe();
    }

    /** The lock's info file says where this instance serves, for a second start's message. */
    private void describe() {
        try {
            lock.describeSelf(
                    current.isRunning() ? Optional.of(current.baseUrl()) : Optional.empty());
        } catch (IOException e) {
            LOG.warning("Could not update the data dir's lock info: " + e);
        }
    }
}
