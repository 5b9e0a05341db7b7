package io.signalbox.app.requests;

import io.signalbox.app.common.LivePolling;
import io.signalbox.app.runtime.SignalboxRuntime;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.util.Duration;

/** Wires the Requests screen to the running runtime: the store's request log and the config. */
public final class RequestsScreen {

    /**
     * How often a showing Requests screen looks for new requests: a count when nothing changed, the
     * newest page when something did.
     */
    static final Duration POLL = Duration.seconds(1);

    private RequestsScreen() {}

    public static Parent create(SignalboxRuntime runtime) {
        RequestsViewModel model =
                new RequestsViewModel(
                        runtime.database().usageQueries(),
                        runtime.database().requestLogRepository()::count,
                        runtime.proxy()::baseUrl,
                        LivePolling.reader("requests-screen-reader"),
                        Platform::runLater);
        Parent root = new RequestsView(model, ZoneId.systemDefault()).build();
        model.configChanged(runtime.config().current());
        // Changes may come from an HTTP worker (the management API): hop to the FX thread.
        runtime.config()
                .addListener(config -> Platform.runLater(() -> model.configChanged(config)));
        LivePolling.whileShowing(root, POLL, model::poll);
        return root;
    }
}
