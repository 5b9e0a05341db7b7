package io.signalbox.app.access;

import io.signalbox.app.common.LivePolling;
import io.signalbox.app.runtime.ConfigService;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.persistence.AccessKeys;
import io.signalbox.persistence.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.util.Duration;

/**
 * Wires the Access screen to the running runtime: its config service, the stored keys and the
 * request log's usage, read off the FX thread every few seconds while the screen shows.
 */
public final class AccessScreen {

    private static final Logger LOG = Logger.getLogger(AccessScreen.class.getName());

    /** How often last use, requests and tokens today are read again while the screen shows. */
    static final Duration STATS_REFRESH = Duration.seconds(3);

    private AccessScreen() {}

    public static Parent create(SignalboxRuntime runtime) {
        ConfigService service = runtime.config();
        Database database = runtime.database();
        AccessStore store = new RuntimeAccessStore(service, database);
        // The machine's zone, as the proxy's daily limits use it (SignalboxRuntime).
        Clock clock = Clock.systemDefaultZone();
        AccessViewModel list = new AccessViewModel(store, clock, networkBind(runtime));
        KeyEditorViewModel editor = new KeyEditorViewModel(store, AccessKeys::generate);
        StatsReader stats = new StatsReader(list);
        Parent root = new AccessView(list, editor, stats::request).build();
        list.reload();
        // Changes may come from an HTTP worker (the management API): hop to the FX thread.
        service.addListener(
                config ->
                        Platform.runLater(
                                () -> {
                                    list.configChanged(config);
                                    stats.request();
                                }));
        LivePolling.whileShowing(root, STATS_REFRESH, stats::request);
        return root;
    }

    private static boolean networkBind(SignalboxRuntime runtime) {
        try {
            return !InetAddress.getByName(runtime.proxy().host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /**
     * Reads the stats on one background thread, one read at a time, and shows them on the FX one.
     */
    private static final class StatsReader {

        private final AccessViewModel model;
        private final AtomicBoolean reading = new AtomicBoolean();
        private final AtomicBoolean again = new AtomicBoolean();
        private final ExecutorService thread =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread reader = new Thread(task, "access-stats");
                            reader.setDaemon(true);
                            return reader;
                        });

        StatsReader(AccessViewModel model) {
            this.model = model;
        }

        /** Reads soon; a request while a read runs makes one more read after it. */
        void request() {
            if (!reading.compareAndSet(false, true)) {
                again.set(true);
                return;
            }
            thread.execute(this::read);
        }

        private void read() {
            try {
                AccessViewModel.Stats stats = model.readStats();
                Platform.runLater(() -> model.showStats(stats));
            } catch (RuntimeException e) {
                // The store is closing, or busy: the next tick reads again.
                LOG.fine("Could not read the access key stats: " + e);
            } finally {
                reading.set(false);
                if (again.getAndSet(false)) {
                    request();
                }
            }
        }
    }
}
