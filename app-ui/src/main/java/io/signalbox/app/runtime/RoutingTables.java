package io.signalbox.app.runtime;

import io.signalbox.persistence.config.CanaryConfig;
import io.signalbox.persistence.config.LimitShares;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.RouteSelection;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetMatch;
import io.signalbox.proxy.routing.Canary;
import io.signalbox.proxy.routing.MatchRule;
import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.Router;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Selection;
import io.signalbox.proxy.routing.Target;
import io.signalbox.proxy.routing.TargetKey;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Translates the stored configuration into the proxy's routing table. */
public final class RoutingTables {

    private RoutingTables() {}

    public static RoutingTable from(SignalboxConfig config) {
        Set<String> disabledProviders =
                config.providers().stream()
                        .filter(provider -> !provider.enabled())
                        .map(ProviderConfig::name)
                        .collect(Collectors.toSet());
        return RoutingTable.of(
                        config.providers().stream().map(RoutingTables::endpoint).toList(),
                        config.routes().stream()
                                .map(route -> route(route, disabledProviders))
                                .toList())
                .withRouters(
                        config.routers().stream()
                                .map(
                                        router ->
                                                new Router(
                                                        router.slug(),
                                                        router.active(),
                                                        Set.copyOf(router.routes())))
                                .toList());
    }

    private static ProviderEndpoint endpoint(ProviderConfig provider) {
        return new ProviderEndpoint(
                provider.name(),
                URI.create(provider.baseUrl()),
                provider.apiKey(),
                provider.headers(),
                provider.enabled(),
                provider.trustedCertificate());
    }

    /** A target of a disabled provider is a disabled target: the planner never picks it. */
    private static Route route(RouteConfig route, Set<String> disabledProviders) {
        return new Route(
                route.name(),
                route.enabled(),
                route.targets().stream()
                        .map(
                                target ->
                                        new Target(
                                                target.provider(),
                                                target.model(),
                                                LimitShares.weightOf(target, route.targets()),
                                                target.enabled()
                                                        && !disabledProviders.contains(
                                                                target.provider()),
                                                rule(target.match()),
                                                target.tpmLimit()))
                        .toList(),
                route.fallbacks().stream()
                        .map(
                                fallback ->
                                        new Target(
                                                fallback.provider(),
                                                fallback.model(),
                                                0,
                                                !disabledProviders.contains(fallback.provider()),
                                                MatchRule.ANY,
                                                fallback.tpmLimit()))
                        .toList(),
                Duration.ofSeconds(route.timeoutSeconds()),
                route.retries(),
                route.selection() == RouteSelection.ROUND_ROBIN
                        ? Selection.ROUND_ROBIN
                        : Selection.WEIGHTED,
                canary(route));
    }

    /** The route's canary, from the one target that carries canary settings (validated). */
    static Optional<Canary> canary(RouteConfig route) {
        return route.targets().stream()
                .filter(target -> target.canary().isPresent())
                .findFirst()
                .map(
                        target -> {
                            CanaryConfig canary = target.canary().get();
                            return new Canary(
                                    new TargetKey(target.provider(), target.model()),
                                    canary.share(),
                                    canary.minSuccessPercent(),
                                    canary.windowMinutes(),
                                    canary.minRequests());
                        });
    }

    private static MatchRule rule(TargetMatch match) {
        return match.isNone()
                ? MatchRule.ANY
                : new MatchRule(match.headers(), match.query(), match.path());
    }
}
