package io.signalbox.app.routes;

import io.signalbox.app.common.KeyAllowLists;
import io.signalbox.app.routers.RouterEdits;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.RouterConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whole-configuration edits that the Routes screen makes: one route put in or taken out, with the
 * access keys and routers that name it kept consistent. Pure functions, so they are tested without
 * a store.
 */
final class RouteConfigs {

    /** A configuration with one route changed, and where that route is in its list. */
    record Edit(SignalboxConfig config, int routeIndex) {}

    private RouteConfigs() {}

    static Optional<RouteConfig> find(SignalboxConfig config, String name) {
        return config.routes().stream().filter(route -> route.name().equals(name)).findFirst();
    }

    static int indexOf(SignalboxConfig config, String name) {
        for (int i = 0; i < config.routes().size(); i++) {
            if (config.routes().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Puts {@code route} where the route named {@code previousName} was (or at the end when that is
     * null or gone). A rename is carried into the access keys that name the route, so a key keeps
     * calling the route it was given.
     */
    static Edit put(SignalboxConfig config, String previousName, RouteConfig route) {
        List<RouteConfig> routes = new ArrayList<>(config.routes());
        int index = previousName == null ? -1 : indexOf(config, previousName);
        if (index < 0) {
            routes.add(route);
            index = routes.size() - 1;
        } else {
            routes.set(index, route);
        }
        List<AccessKeyConfig> keys = config.accessKeys();
        List<RouterConfig> routers = config.routers();
        if (previousName != null && !previousName.equals(route.name())) {
            keys = renamedInKeys(keys, previousName, route.name());
            routers = RouterEdits.routeRenamed(routers, previousName, route.name());
        }
        return new Edit(new SignalboxConfig(config.providers(), routes, keys, routers), index);
    }

    /** Puts a route back at {@code index} (clamped), as an undo does. */
    static SignalboxConfig insert(
            SignalboxConfig config, int index, RouteConfig route, List<AccessKeyConfig> keys) {
        List<RouteConfig> routes = new ArrayList<>(config.routes());
        routes.add(Math.max(0, Math.min(index, routes.size())), route);
        return new SignalboxConfig(config.providers(), routes, keys, config.routers());
    }

    /**
     * The configuration without the named route, its name taken out of the access keys' lists.
     *
     * @throws IllegalStateException naming the key, when a key may call only this route: an empty
     *     list means "every route", so removing the last name would widen the key
     */
    static SignalboxConfig without(SignalboxConfig config, String name) {
        List<AccessKeyConfig> keys =
                KeyAllowLists.without(
                        config.accessKeys(),
                        name,
                        AccessKeyConfig::routes,
                        AccessKeyConfig::withRoutes,
                        "route",
                        "every route");
        List<RouteConfig> routes =
                config.routes().stream().filter(route -> !route.name().equals(name)).toList();
        return new SignalboxConfig(
                config.providers(), routes, keys, RouterEdits.routeDeleted(config.routers(), name));
    }

    private static List<AccessKeyConfig> renamedInKeys(
            List<AccessKeyConfig> keys, String from, String to) {
        return keys.stream()
                .map(
                        key ->
                                key.withRoutes(
                                        key.routes().stream()
                                                .map(r -> r.equals(from) ? to : r)
                                                .toList()))
                .toList();
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... whichever is free first. */
    static String freeName(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The name of a duplicate: {@code chat-copy}, then {@code chat-copy-2}... */
    static String copyName(String name, Collection<String> taken) {
        return freeName(name + "-copy", taken);
    }

    static List<String> names(SignalboxConfig config) {
        return config.routes().stream().map(RouteConfig::name).toList();
    }
}
