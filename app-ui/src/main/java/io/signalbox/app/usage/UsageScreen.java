package io.signalbox.app.usage;

import io.signalbox.app.common.LivePolling;
import io.signalbox.app.runtime.SignalboxRuntime;
import java.time.Clock;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.util.Duration;

/** Wires the Usage screen to the running runtime: the store's usage queries and the config. */
public final class UsageScreen {

    /**
     * How often a showing Usage screen looks for new requests. The writer stores within about half
     * a second, so a new request shows within two; a look costs one count when nothing changed.
     */
    static final Duration POLL = Duration.seconds(1.5);

    private UsageScreen() {}

    public static Parent create(SignalboxRuntime runtime) {
        UsageViewModel model =
                new UsageViewModel(
                        runtime.database().usageQueries(),
                        runtime.database().requestLogRepository()::count,
                        runtime.proxy()::baseUrl,
                        Clock.systemDefaultZone(),
                        LivePolling.reader("usage-screen-reader"),
                        Platform::runLater);
        Parent root = new UsageView(model).build();
        model.configChanged(runtime.config().current());
        // Changes may come from an HTTP worker (the management API): hop to the FX thread.
        runtime.config()
                .addListener(config -> Platform.runLater(() -> model.configChanged(config)));
        LivePolling.whileShowing(root, POLL, model::poll);
        return root;
    }
}
