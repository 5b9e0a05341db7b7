package io.signalbox.app.routes;

import io.signalbox.app.common.LivePolling;
import io.signalbox.app.routers.RoutersPanel;
import io.signalbox.app.runtime.CanaryActions;
import io.signalbox.app.runtime.ConfigService;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.CanaryStatus;
import io.signalbox.proxy.routing.RouteHealth;
import io.signalbox.proxy.routing.RoutingTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
        ConfigStore store = new ConfigServiceStore(service);
        RoutesViewModel list =
                new RoutesViewModel(
                        store,
                        runtime.proxy().health()::snapshot,
                        now -> routeStatuses(runtime, now),
                        Clock.systemDefaultZone());
        RouteEditorViewModel editor = new RouteEditorViewModel(store);
        CanaryModel canaries = new CanaryModel(canaryPort(runtime.canaries()));
        editor.useCanaries(canaries);
        Parent root = new RoutesView(list, editor).withFooter(RoutersPanel.create(runtime)).build();
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
        LivePolling.whileShowing(root, HEALTH_REFRESH, canaries::refresh);
        return root;
    }

    private static CanaryModel.Port canaryPort(CanaryActions actions) {
        return new CanaryModel.Port() {
            @Override
            public List<CanaryStatus> statuses() {
                return actions.statuses();
            }

            @Override
            public CanaryDecision promote(String route) throws Exception {
                return actions.promote(route);
            }

            @Override
            public CanaryDecision rollback(String route) throws Exception {
                return actions.rollback(route);
            }
        };
    }

    /** The statuses /api/health reports, from the proxy's table and health book right now. */
    private static List<RouteHealth> routeStatuses(SignalboxRuntime runtime, Instant now) {
        RoutingTable table = runtime.proxy().routingTable();
        return table.routes().stream()
                .map(
                        route ->
                                RouteHealth.of(
                                        route, table.providers(), runtime.proxy().health(), now))
                .toList();
    }
}
