package io.signalbox.app.shell;

import io.signalbox.app.runtime.SignalboxRuntime;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;

/** The screens of the sidebar's sections, built on the running runtime's services. */
final class Screens {

    private Screens() {}

    static Map<Section, Supplier<Node>> of(SignalboxRuntime runtime) {
        Map<Section, Supplier<Node>> screens = new EnumMap<>(Section.class);
        // One line per finished screen, e.g.:
        // screens.put(Section.ROUTES, () -> new RoutesView(new RoutesViewModel(...)).build());
        screens.put(Section.ROUTES, () -> io.signalbox.app.routes.RoutesScreen.create(runtime));
        screens.put(Section.ACCESS, () -> io.signalbox.app.access.AccessScreen.create(runtime));
        return screens;
    }
}
