package io.signalbox.app.shell;

import io.signalbox.app.providers.LocalServer;
import io.signalbox.app.providers.ProvidersScreen;
import io.signalbox.app.runtime.SignalboxRuntime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;

/** The screens of the sidebar's sections, built on the running runtime's services. */
final class Screens {

    private Screens() {}

    /**
     * @param main the window's state, which screens use to switch sections
     * @param localServers where the Providers screen's first run looks for model servers
     */
    static Map<Section, Supplier<Node>> of(
            SignalboxRuntime runtime, MainViewModel main, List<LocalServer> localServers) {
        Map<Section, Supplier<Node>> screens = new EnumMap<>(Section.class);
        screens.put(Section.ROUTES, () -> io.signalbox.app.routes.RoutesScreen.create(runtime));
        screens.put(
                Section.PROVIDERS,
                () ->
                        ProvidersScreen.create(
                                runtime,
                                localServers,
                                () -> main.selectedProperty().set(Section.ROUTES)));
        screens.put(
                Section.SETTINGS,
                () ->
                        io.signalbox.app.settings.SettingsScreen.create(
                                runtime, main.themeProperty(), main::refreshStatus));
        screens.put(Section.USAGE, () -> io.signalbox.app.usage.UsageScreen.create(runtime));
        screens.put(
                Section.REQUESTS, () -> io.signalbox.app.requests.RequestsScreen.create(runtime));
        screens.put(Section.ACCESS, () -> io.signalbox.app.access.AccessScreen.create(runtime));
        return screens;
    }
}
