package io.signalbox.app.routers;

import io.signalbox.app.common.KeyAllowLists;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.RouterConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whole-configuration edits of routers (ADR 0013): add, rename, switch, delete, and which routers
 * serve a route. Route renames and deletes are carried into the routers so they stay valid. Pure
 * functions, tested without a store.
 */
public final class RouterEdits {

    private RouterEdits() {}

    public static Optional<RouterConfig> find(SignalboxConfig config, String slug) {
        return config.routers().stream().filter(r -> r.slug().equals(slug)).findFirst();
    }

    /** The slugs of the routers that serve the route, in the configuration's order. */
    public static List<String> servingRoute(SignalboxConfig config, String routeName) {
        return config.routers().stream()
                .filter(router -> router.serves(routeName))
                .map(RouterConfig::slug)
                .toList();
    }

    /**
     * The routers with {@code routeName} served by exactly those in {@code slugs}: added at the end
     * of a router that did not serve it, taken out of one that no longer does.
     */
    public static List<RouterConfig> assign(
            List<RouterConfig> routers, String routeName, Collection<String> slugs) {
        List<RouterConfig> result = new ArrayList<>();
        for (RouterConfig router : routers) {
            boolean wanted = slugs.contains(router.slug());
            if (wanted && !router.serves(routeName)) {
                List<String> routes = new ArrayList<>(router.routes());
                routes.add(routeName);
                result.add(router.withRoutes(routes));
            } else if (!wanted && router.serves(routeName)) {
                result.add(withoutRoute(router, routeName));
            } else {
                result.add(router);
            }
        }
        return result;
    }

    /** The routers with a renamed route under its new name, in the same place. */
    public static List<RouterConfig> routeRenamed(
            List<RouterConfig> routers, String from, String to) {
        return routers.stream()
                .map(
                        router ->
                                router.withRoutes(
                                        router.routes().stream()
                                                .map(name -> name.equals(from) ? to : name)
                                                .toList()))
                .toList();
    }

    /** The routers without a deleted route. A router left with no route stays (and serves none). */
    public static List<RouterConfig> routeDeleted(List<RouterConfig> routers, String routeName) {
        return routers.stream().map(router -> withoutRoute(router, routeName)).toList();
    }

    private static RouterConfig withoutRoute(RouterConfig router, String routeName) {
        return router.withRoutes(
                router.routes().stream().filter(name -> !name.equals(routeName)).toList());
    }

    /** A new active router with no route, at the end. */
    public static SignalboxConfig add(SignalboxConfig config, String slug) {
        List<RouterConfig> routers = new ArrayList<>(config.routers());
        routers.add(new RouterConfig(slug, true, List.of()));
        return config.withRouters(routers);
    }

    /** The router switched on or off; it keeps its routes either way. */
    public static SignalboxConfig setActive(SignalboxConfig config, String slug, boolean active) {
        return config.withRouters(
                config.routers().stream()
                        .map(
                                router ->
                                        router.slug().equals(slug)
                                                ? new RouterConfig(slug, active, router.routes())
                                                : router)
                        .toList());
    }

    /** The router under a new slug, carried into the access keys limited to it. */
    public static SignalboxConfig rename(SignalboxConfig config, String from, String to) {
        List<RouterConfig> routers =
                config.routers().stream()
                        .map(
                                router ->
                                        router.slug().equals(from)
                                                ? new RouterConfig(
                                                        to, router.active(), router.routes())
                                                : router)
                        .toList();
        List<AccessKeyConfig> keys =
                config.accessKeys().stream()
                        .map(
                                key ->
                                        key.withRouters(
                                                key.routers().stream()
                                                        .map(s -> s.equals(from) ? to : s)
                                                        .toList()))
                        .toList();
        return new SignalboxConfig(config.providers(), config.routes(), keys, routers);
    }

    /**
     * The configuration without the router, its slug taken out of the access keys' lists.
     *
     * @throws IllegalStateException naming the key, when a key may call only this router: an empty
     *     list means "/v1 and every router", so removing the last slug would widen the key
     */
    public static SignalboxConfig delete(SignalboxConfig config, String slug) {
        List<AccessKeyConfig> keys =
                KeyAllowLists.without(
                        config.accessKeys(),
                        slug,
                        AccessKeyConfig::routers,
                        AccessKeyConfig::withRouters,
                        "router",
                        "every endpoint");
        List<RouterConfig> routers =
                config.routers().stream().filter(r -> !r.slug().equals(slug)).toList();
        return new SignalboxConfig(config.providers(), config.routes(), keys, routers);
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... whichever is free first. */
    public static String freeSlug(String base, Collection<String> taken) {
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
}
