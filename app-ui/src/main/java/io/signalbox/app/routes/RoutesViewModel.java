package io.signalbox.app.routes;

import io.signalbox.app.routers.RouterEdits;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.proxy.routing.RouteHealth;
import io.signalbox.proxy.routing.TargetHealth;
import io.signalbox.proxy.routing.TargetKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The route list: one summary per route with its split and the health of its targets, and the
 * list's commands (switch on or off, rename, duplicate, delete with undo), each saved at once.
 */
public final class RoutesViewModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What an undo of the last delete puts back. */
    private record Deleted(RouteConfig route, int index, List<AccessKeyConfig> keysBefore) {}

    private final ConfigStore store;
    private final Function<Instant, List<TargetHealth>> health;
    private final Function<Instant, List<RouteHealth>> routeHealth;
    private final Clock clock;
    private final ObservableList<RouteSummary> routes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper();
    private SignalboxConfig config = SignalboxConfig.empty();
    private Map<TargetKey, TargetHealth> healthByTarget = Map.of();
    private Map<String, RouteHealth> healthByRoute = Map.of();
    private Deleted lastDeleted;

    /** The routers that served the last deleted route, put back by an undo. */
    private List<String> lastDeletedRouters = List.of();

    /**
     * @param health the proxy's health book at an instant ({@code HealthBook::snapshot})
     */
    public RoutesViewModel(
            ConfigStore store, Function<Instant, List<TargetHealth>> health, Clock clock) {
        this(store, health, now -> List.of(), clock);
    }

    /**
     * @param routeHealth the running proxy's route statuses at an instant, for the badges
     */
    public RoutesViewModel(
            ConfigStore store,
            Function<Instant, List<TargetHealth>> health,
            Function<Instant, List<RouteHealth>> routeHealth,
            Clock clock) {
        this.store = store;
        this.health = health;
        this.routeHealth = routeHealth;
        this.clock = clock;
    }

    /** Reads the stored configuration and the health now. */
    public void reload() {
        config = store.current();
        refreshHealth();
    }

    /** The configuration changed elsewhere (or here); call on the FX thread. */
    public void configChanged(SignalboxConfig changed) {
        config = changed;
        refreshHealth();
    }

    /** Reads the health book again; the list only changes where something did. */
    public void refreshHealth() {
        Map<TargetKey, TargetHealth> byTarget = new HashMap<>();
        for (TargetHealth entry : health.apply(clock.instant())) {
            byTarget.put(entry.target(), entry);
        }
        healthByTarget = byTarget;
        Map<String, RouteHealth> byRoute = new HashMap<>();
        for (RouteHealth entry : routeHealth.apply(clock.instant())) {
            byRoute.put(entry.route(), entry);
        }
        healthByRoute = byRoute;
        List<RouteSummary> next = config.routes().stream().map(this::summary).toList();
        if (!next.equals(routes)) {
            routes.setAll(next);
        }
    }

    private RouteSummary summary(RouteConfig route) {
        List<Double> shares =
                TrafficPreview.of(
                                route.selection(),
                                route.targets().stream()
                                        .map(
                                                t ->
                                                        new TrafficPreview.Input(
                                                                t.weight(),
                                                                t.enabled()
                                                                        && !providerOff(
                                                                                t.provider()),
                                                                t.match()))
                                        .toList())
                        .stream()
                        .map(TrafficPreview.Part::barShare)
                        .toList();
        List<SplitSegment> split = new ArrayList<>();
        List<TargetStatus> statuses = new ArrayList<>();
        for (int i = 0; i < route.targets().size(); i++) {
            TargetConfig target = route.targets().get(i);
            ModelRef model = ModelRef.of(target);
            split.add(new SplitSegment(i, shares.get(i), model.label()));
            statuses.add(status(model, target.enabled(), providerOff(target.provider())));
        }
        return new RouteSummary(
                route.name(),
                route.enabled(),
                split,
                statuses,
                route.fallbacks().size(),
                route.timeoutSeconds(),
                healthByRoute.get(route.name()));
    }

    /** The proxy leaves out every target of a provider that is off (RoutingTables). */
    private boolean providerOff(String provider) {
        return config.providers().stream().anyMatch(p -> p.name().equals(provider) && !p.enabled());
    }

    private TargetStatus status(ModelRef model, boolean enabled, boolean providerOff) {
        if (!enabled) {
            return new TargetStatus(
                    model, TargetStatus.Kind.DISABLED, model.label() + ": switched off");
        }
        if (providerOff) {
            return new TargetStatus(
                    model,
                    TargetStatus.Kind.DISABLED,
                    model.label() + ": the provider '" + model.provider() + "' is switched off");
        }
        TargetHealth entry = healthByTarget.get(new TargetKey(model.provider(), model.model()));
        if (entry == null) {
            return new TargetStatus(model, TargetStatus.Kind.HEALTHY, model.label() + ": healthy");
        }
        String reason = entry.reason().map(r -> " (" + r + ")").orElse("");
        String until =
                entry.until()
                        .map(t -> " until " + CLOCK.format(t.atZone(clock.getZone())))
                        .orElse("");
        return switch (entry.state()) {
            case HEALTHY ->
                    new TargetStatus(model, TargetStatus.Kind.HEALTHY, model.label() + ": healthy");
            case COOLING ->
                    new TargetStatus(
                            model,
                            TargetStatus.Kind.COOLING,
                            model.label() + ": cooling" + until + reason);
            case EJECTED ->
                    new TargetStatus(
                            model,
                            TargetStatus.Kind.EJECTED,
                            model.label() + ": left out" + until + reason);
            case HELD_OUT ->
                    new TargetStatus(
                            model,
                            TargetStatus.Kind.HELD_OUT,
                            model.label() + ": held out until the configuration changes" + reason);
        };
    }

    // ---- commands ----

    public boolean setEnabled(String name, boolean enabled) {
        RouteConfig route = RouteConfigs.find(config, name).orElse(null);
        if (route == null || route.enabled() == enabled) {
            return false;
        }
        RouteConfig changed =
                route.edited(
                        route.name(),
                        enabled,
                        route.targets(),
                        route.fallbacks(),
                        route.timeoutSeconds());
        return apply(RouteConfigs.put(config, name, changed));
    }

    /** Renames a route; the access keys that may call it keep that right under the new name. */
    public boolean rename(String name, String newName) {
        RouteConfig route = RouteConfigs.find(config, name).orElse(null);
        String trimmed = newName == null ? "" : newName.strip();
        if (route == null || trimmed.equals(name)) {
            return false;
        }
        if (trimmed.isEmpty()) {
            message.set("A route needs a name.");
            return false;
        }
        RouteConfig renamed =
                route.edited(
                        trimmed,
                        route.enabled(),
                        route.targets(),
                        route.fallbacks(),
                        route.timeoutSeconds());
        return apply(RouteConfigs.put(config, name, renamed));
    }

    /**
     * Saves a copy named {@code name-copy} (or {@code -copy-2}...) right after the original. No
     * access key gains the copy: a key limited to some routes stays limited.
     *
     * @return the copy's name, or null when it could not be saved
     */
    public String duplicate(String name) {
        int index = RouteConfigs.indexOf(config, name);
        if (index < 0) {
            return null;
        }
        RouteConfig route = config.routes().get(index);
        String copyName = RouteConfigs.copyName(name, RouteConfigs.names(config));
        RouteConfig copy =
                route.edited(
                        copyName,
                        route.enabled(),
                        route.targets(),
                        route.fallbacks(),
                        route.timeoutSeconds());
        SignalboxConfig next = RouteConfigs.insert(config, index + 1, copy, config.accessKeys());
        return apply(new RouteConfigs.Edit(next, index + 1)) ? copyName : null;
    }

    /** Deletes a route at once; {@link #undoDelete()} puts it back until the next delete. */
    public boolean delete(String name) {
        int index = RouteConfigs.indexOf(config, name);
        if (index < 0) {
            return false;
        }
        SignalboxConfig next;
        try {
            next = RouteConfigs.without(config, name);
        } catch (IllegalStateException e) {
            message.set(e.getMessage());
            return false;
        }
        Deleted deleted = new Deleted(config.routes().get(index), index, config.accessKeys());
        List<String> servedBy = RouterEdits.servingRoute(config, name);
        if (!apply(new RouteConfigs.Edit(next, -1))) {
            return false;
        }
        lastDeleted = deleted;
        lastDeletedRouters = servedBy;
        undoText.set("Deleted the route '" + name + "'.");
        return true;
    }

    /**
     * Puts the last deleted route back where it was, with the access keys' lists as they were (keys
     * changed since keep their changes where the route is not concerned).
     */
    public String undoDelete() {
        Deleted deleted = lastDeleted;
        if (deleted == null) {
            return null;
        }
        forgetUndo();
        List<AccessKeyConfig> keys = new ArrayList<>();
        for (AccessKeyConfig key : config.accessKeys()) {
            AccessKeyConfig before =
                    deleted.keysBefore().stream()
                            .filter(k -> k.name().equals(key.name()))
                            .findFirst()
                            .orElse(null);
            boolean hadRoute = before != null && before.routes().contains(deleted.route().name());
            keys.add(
                    hadRoute
                            ? key.withRoutes(addRoute(key.routes(), deleted.route().name()))
                            : key);
        }
        SignalboxConfig next = RouteConfigs.insert(config, deleted.index(), deleted.route(), keys);
        next =
                next.withRouters(
                        RouterEdits.assign(
                                next.routers(), deleted.route().name(), lastDeletedRouters));
        boolean restored =
                apply(
                        new RouteConfigs.Edit(
                                next, Math.min(deleted.index(), config.routes().size())));
        return restored ? deleted.route().name() : null;
    }

    private static List<String> addRoute(List<String> routes, String name) {
        List<String> all = new ArrayList<>(routes);
        all.add(name);
        return all;
    }

    /** The undo bar timed out or was closed. */
    public void forgetUndo() {
        lastDeleted = null;
        undoText.set(null);
    }

    public void clearMessage() {
        message.set(null);
    }

    private boolean apply(RouteConfigs.Edit edit) {
        try {
            config = store.replace(edit.config());
        } catch (InvalidConfigException e) {
            Findings findings = RouteChecks.fromStore(e.problems(), edit.routeIndex());
            String first = findings.name != null ? findings.name : findings.general;
            message.set(first != null ? first : e.getMessage());
            return false;
        }
        message.set(null);
        refreshHealth();
        return true;
    }

    public ObservableList<RouteSummary> routes() {
        return routes;
    }

    /** The last command's failure in plain words, or null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the undo bar says, or null when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }
}
