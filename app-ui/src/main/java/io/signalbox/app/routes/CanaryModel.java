package io.signalbox.app.routes;

import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.CanaryStatus;
import io.signalbox.proxy.routing.TargetKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The route editor's view of the running canaries: each route's canary state, polled from the
 * proxy's memory, and the promote and roll back commands. Both commands are configuration changes;
 * the editor reloads the route when the store tells it.
 */
public final class CanaryModel {

    /** What the editor needs of the runtime's canaries, as a port, so tests may pass their own. */
    public interface Port {

        List<CanaryStatus> statuses();

        CanaryDecision promote(String route) throws Exception;

        CanaryDecision rollback(String route) throws Exception;
    }

    /** No canaries: for editors not connected to a proxy. */
    static final CanaryModel NONE =
            new CanaryModel(
                    new Port() {
                        @Override
                        public List<CanaryStatus> statuses() {
                            return List.of();
                        }

                        @Override
                        public CanaryDecision promote(String route) {
                            throw new IllegalStateException("no canaries here");
                        }

                        @Override
                        public CanaryDecision rollback(String route) {
                            throw new IllegalStateException("no canaries here");
                        }
                    });

    private final Port port;
    private final ReadOnlyObjectWrapper<Map<String, CanaryStatus>> byRoute =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public CanaryModel(Port port) {
        this.port = port;
    }

    /** Reads the canaries' state again; call on the FX thread (it only reads memory). */
    public void refresh() {
        Map<String, CanaryStatus> next =
                port.statuses().stream()
                        .collect(Collectors.toMap(CanaryStatus::route, Function.identity()));
        if (!next.equals(byRoute.get())) {
            byRoute.set(Map.copyOf(next));
        }
    }

    /** Each route's canary as the proxy runs it, by route name. */
    public ReadOnlyObjectProperty<Map<String, CanaryStatus>> byRouteProperty() {
        return byRoute.getReadOnlyProperty();
    }

    /** The running canary of {@code route}, if it is the target {@code provider/model}. */
    public Optional<CanaryStatus> status(String route, String provider, String model) {
        if (route == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byRoute.get().get(route))
                .filter(status -> status.canary().target().equals(new TargetKey(provider, model)));
    }

    /** The outcome of the last command, in plain words; empty before any. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Makes the canary the route's only target; false, with a message, when refused. */
    public boolean promote(String route) {
        return act(route, true);
    }

    /** Removes the canary target from the route; false, with a message, when refused. */
    public boolean rollback(String route) {
        return act(route, false);
    }

    private boolean act(String route, boolean promote) {
        try {
            CanaryDecision decision = promote ? port.promote(route) : port.rollback(route);
            message.set(
                    (promote ? "Promoted " : "Rolled back ")
                            + decision.canary().target()
                            + " on "
                            + route
                            + " ("
                            + CanaryText.figures(decision.successes(), decision.attempts())
                            + ")");
            refresh();
            return true;
        } catch (Exception e) {
            message.set(e.getMessage());
            return false;
        }
    }
}
