package io.signalbox.app.providers;

import io.signalbox.app.common.FxBackgroundWork;
import io.signalbox.app.common.FxThread;
import io.signalbox.app.discovery.ModelDiscovery;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.persistence.DiscoveryRepository;
import io.signalbox.persistence.DiscoveryRepository.DiscoverySnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;

/** Builds the Providers screen on the running runtime's services. */
public final class ProvidersScreen {

    /** Nothing local takes long to list its models; anything slower is not worth waiting for. */
    private static final Duration PROBE_CONNECT_TIMEOUT = Duration.ofMillis(500);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** A cold local model may load for a while before its first token. */
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(60);

    private ProvidersScreen() {}

    /**
     * @param localServers where the first run looks for running model servers
     * @param openRoutes shows the Routes screen (after "Create route", or to free a provider)
     */
    public static Node create(
            SignalboxRuntime runtime, List<LocalServer> localServers, Runnable openRoutes) {
        DiscoveryRepository history = runtime.database().discoveryRepository();
        ProviderServices services =
                new ProviderServices(
                        runtime.config(),
                        new ModelDiscovery(history, runtime.config()::current),
                        name ->
                                history.last(name)
                                        .map(DiscoverySnapshot::modelIds)
                                        .orElse(List.of()),
                        new OneTokenCall(ModelDiscovery.DEFAULT_CONNECT_TIMEOUT, TEST_TIMEOUT),
                        new FxBackgroundWork(),
                        routeName -> openRoutes.run(),
                        ZoneId.systemDefault());
        ModelDiscovery quick =
                new ModelDiscovery(
                        history,
                        runtime.config()::current,
                        PROBE_CONNECT_TIMEOUT,
                        PROBE_TIMEOUT,
                        Clock.systemUTC());
        ProvidersViewModel model =
                new ProvidersViewModel(
                        services, new LocalServerProbe(quick, localServers), new FxThread());
        return new ProvidersView(model, openRoutes).build();
    }
}
