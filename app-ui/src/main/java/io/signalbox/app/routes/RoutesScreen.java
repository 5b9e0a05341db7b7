package io.signalbox.app.routes;

import io.signalbox.app.common.LivePolling;
import io.signalbox.app.runtime.ConfigService;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.SignalboxConfig;
import java.time.Clock;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.util.Duration;

/** Wires the Routes screen to the running runtime: its config service and the proxy's health. */
public final class RoutesScreen {

    /** How often the health dots are read again; the health book is in memory, so this is cheap. */
    static final Duration HEALTH_REFRESH = Duration.seconds(2);

    private RoutesScreen() {}

    public static Parent create(SignalboxRuntime runtime) {
        ConfigService service = runtime.config();
        ConfigStore store =
                new ConfigStore() {
                    @Override
                    public SignalboxConfig current() {
                        return service.current();
                    }

                    @Override
                    public SignalboxConfig replace(SignalboxConfig next)
                            throws InvalidConfigException {
                        return service.replace(next);
                    }
                };
        RoutesViewModel list =
                new RoutesViewModel(
                        store, runtime.proxy().health()::snapshot, Clock.systemDefaultZone());
        RouteEditorViewModel editor = new RouteEditorViewModel(store);
        Parent root = new RoutesView(list, editor).build();
        list.reload();
        // Changes may come from an HTTP worker (the management API): hop to the FX thread.
        service.addListener(
                config ->
                        Platform.runLater(
                                () -> {
                                    list.configChanged(config);
                                    editor.configChanged(config);
                                }));
        // The editor's tokens-per-minute meters move with the health dots (ADR 0014).
        TpmMeters meters =
                new TpmMeters(
                        now -> runtime.proxy().tpmLimits().snapshot(now),
                        Clock.systemDefaultZone());
        LivePolling.whileShowing(
                root,
                HEALTH_REFRESH,
                () -> {
                    list.refreshHealth();
                    meters.refresh(editor.targets());
                });
        return root;
    }
}
