package io.signalbox.app.runtime;

import io.signalbox.persistence.CanaryDecisionRecord;
import io.signalbox.persistence.CanaryDecisionRepository;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.proxy.ProxyServer;
import io.signalbox.proxy.management.ManagementApi.CanaryReport;
import io.signalbox.proxy.routing.Canary;
import io.signalbox.proxy.routing.CanaryBook;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.CanaryStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user does with canaries, for the management API and the route editor alike: read each
 * canary's state with its recorded decisions, promote it (it becomes the route's only target) or
 * roll it back (it is removed). Both are configuration changes like any other (validated, stored in
 * one transaction, applied to the running proxy) and are recorded as decisions with the canary's
 * figures at that moment.
 */
public final class CanaryActions {

    /** How many decisions each canary's report lists, newest first. */
    public static final int DECISIONS_PER_CANARY = 10;

    private final ConfigService config;
    private final CanaryDecisionRepository decisions;
    private final ProxyServer proxy;
    private final Clock clock;

    /**
     * @param proxy read for its canary book and routing table, which restarted servers share
     */
    public CanaryActions(
            ConfigService config,
            CanaryDecisionRepository decisions,
            ProxyServer proxy,
            Clock clock) {
        this.config = config;
        this.decisions = decisions;
        this.proxy = proxy;
        this.clock = clock;
    }

    /** Every canary the proxy routes with now, with its newest decisions. */
    public List<CanaryReport> reports() {
        Map<String, List<CanaryDecision>> byRoute = recentByRoute();
        return proxy.canaries().statuses(proxy.routingTable(), clock.instant()).stream()
                .map(
                        status ->
                                new CanaryReport(
                                        status, byRoute.getOrDefault(status.route(), List.of())))
                .toList();
    }

    /** Every canary's state and window, from memory only: cheap enough to poll. */
    public List<CanaryStatus> statuses() {
        return proxy.canaries().statuses(proxy.routingTable(), clock.instant());
    }

    /** The report of one route's canary, if it has one. */
    public Optional<CanaryReport> report(String route) {
        return reports().stream().filter(r -> r.status().route().equals(route)).findFirst();
    }

    private Map<String, List<CanaryDecision>> recentByRoute() {
        Map<String, List<CanaryDecision>> byRoute = new LinkedHashMap<>();
        for (CanaryDecisionRecord row : decisions.newest(CanaryDecisionRepository.MAX_READ)) {
            List<CanaryDecision> list =
                    byRoute.computeIfAbsent(row.route(), k -> new ArrayList<>());
            if (list.size() < DECISIONS_PER_CANARY) {
                list.add(CanaryRecords.fromRecord(row));
            }
        }
        return byRoute;
    }

    /** The canary becomes the route's only target, without canary settings. */
    public CanaryDecision promote(String route) throws InvalidConfigException {
        return act(route, CanaryDecision.Action.PROMOTED);
    }

    /** The canary target is removed from the route; the other targets keep their weights. */
    public CanaryDecision rollback(String route) throws InvalidConfigException {
        return act(route, CanaryDecision.Action.ROLLED_BACK);
    }

    private CanaryDecision act(String routeName, CanaryDecision.Action action)
            throws InvalidConfigException {
        List<CanaryDecision> taken = new ArrayList<>(1);
        config.update(
                current -> {
                    RouteConfig route =
                            current.routes().stream()
                                    .filter(r -> r.name().equals(routeName))
                                    .findFirst()
                                    .orElseThrow(
                                            () -> CanaryActionException.unknownRoute(routeName));
                    Canary canary =
                            RoutingTables.canary(route)
                                    .orElseThrow(() -> CanaryActionException.noCanary(routeName));
                    taken.add(decision(route, canary, action));
                    return withRoute(current, changed(route, canary, action));
                });
        CanaryDecision decision = taken.get(0);
        decisions.append(CanaryRecords.toRecord(decision));
        return decision;
    }

    /** The decision with the canary's window as the proxy counts it right now. */
    private CanaryDecision decision(
            RouteConfig route, Canary canary, CanaryDecision.Action action) {
        Instant now = clock.instant();
        Optional<CanaryStatus> status =
                proxy.routingTable().routes().stream()
                        .filter(r -> r.name().equals(route.name()))
                        .findFirst()
                        .flatMap(r -> proxy.canaries().status(r, now))
                        .filter(s -> s.canary().equals(canary));
        return new CanaryDecision(
                now,
                route.name(),
                canary,
                action,
                status.map(CanaryStatus::successes).orElse(0L),
                status.map(CanaryStatus::attempts).orElse(0L));
    }

    private static RouteConfig changed(
            RouteConfig route, Canary canary, CanaryDecision.Action action) {
        List<TargetConfig> targets = new ArrayList<>();
        for (TargetConfig target : route.targets()) {
            boolean isCanary = target.canary().isPresent();
            if (action == CanaryDecision.Action.PROMOTED && isCanary) {
                targets.add(target.withCanary(Optional.empty()));
            } else if (action == CanaryDecision.Action.ROLLED_BACK && !isCanary) {
                targets.add(target);
            }
        }
        return route.edited(
                route.name(), route.enabled(), targets, route.fallbacks(), route.timeoutSeconds());
    }

    private static SignalboxConfig withRoute(SignalboxConfig config, RouteConfig route) {
        return new SignalboxConfig(
                config.providers(),
                config.routes().stream()
                        .map(r -> r.name().equals(route.name()) ? route : r)
                        .toList(),
                config.accessKeys(),
                config.routers());
    }

    /**
     * Keeps a canary demoted across a restart: for each route, when the newest recorded decision is
     * a demotion, the book marks that canary (same target and settings) demoted again.
     */
    static void restoreDemotions(CanaryDecisionRepository decisions, CanaryBook book) {
        Set<String> seen = new HashSet<>();
        for (CanaryDecisionRecord row : decisions.newest(CanaryDecisionRepository.MAX_READ)) {
            if (seen.add(row.route())) {
                book.restore(CanaryRecords.fromRecord(row));
            }
        }
    }
}
