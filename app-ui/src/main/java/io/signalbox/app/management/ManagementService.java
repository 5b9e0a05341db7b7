package io.signalbox.app.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.app.discovery.DiscoveryException;
import io.signalbox.app.discovery.DiscoveryResult;
import io.signalbox.app.discovery.ModelDiscovery;
import io.signalbox.app.discovery.TargetRef;
import io.signalbox.app.runtime.CanaryActionException;
import io.signalbox.app.runtime.CanaryActions;
import io.signalbox.app.runtime.ConfigService;
import io.signalbox.persistence.config.ConfigWriter;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.usage.UsageQueries;
import io.signalbox.proxy.ProxyServer;
import io.signalbox.proxy.management.ManagementApi;
import io.signalbox.proxy.management.ManagementException;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RouteHealth;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Target;
import io.signalbox.proxy.routing.TargetHealth;
import io.signalbox.proxy.routing.TargetKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The management API on top of the running Signalbox: the configuration service, model discovery,
 * the usage queries and the proxy's health book. Each call is one plain blocking call into them;
 * what the store or a provider refuses becomes the {@link ManagementException} with the status the
 * contract names.
 */
public final class ManagementService implements ManagementApi {

    private final ConfigService config;
    private final ModelDiscovery discovery;
    private final UsageQueries usage;
    private final ProxyServer proxy;
    private final Clock clock;
    private final String version;
    private volatile CanaryActions canaries;

    /**
     * @param proxy read for its routing table and health book, whose targets {@link #health()}
     *     lists
     * @param version what {@code signalbox --version} prints
     */
    public ManagementService(
            ConfigService config,
            ModelDiscovery discovery,
            UsageQueries usage,
            ProxyServer proxy,
            Clock clock,
            String version) {
        this.config = config;
        this.discovery = discovery;
        this.usage = usage;
        this.proxy = proxy;
        this.clock = clock;
        this.version = version;
    }

    /** Serves the canary calls through {@code actions}; without it there are no canaries. */
    public ManagementService withCanaries(CanaryActions actions) {
        this.canaries = actions;
        return this;
    }

    @Override
    public List<CanaryReport> canaries() {
        return canaries == null ? List.of() : canaries.reports();
    }

    @Override
    public CanaryDecision promoteCanary(String route) throws ManagementException {
        return canaryAction(route, true);
    }

    @Override
    public CanaryDecision rollbackCanary(String route) throws ManagementException {
        return canaryAction(route, false);
    }

    private CanaryDecision canaryAction(String route, boolean promote) throws ManagementException {
        if (canaries == null) {
            throw ManagementException.unknownRoute(route);
        }
        try {
            return promote ? canaries.promote(route) : canaries.rollback(route);
        } catch (CanaryActionException e) {
            throw e.unknownRoute()
                    ? ManagementException.unknownRoute(route)
                    : ManagementException.noCanary(route);
        } catch (InvalidConfigException e) {
            throw ManagementException.invalidConfig(
                    e.problems().stream()
                            .map(p -> new ManagementException.Problem(p.path(), p.message()))
                            .toList());
        }
    }

    @Override
    public JsonNode config(boolean includeSecrets) {
        return ConfigWriter.toJson(config.current(), includeSecrets);
    }

    @Override
    public JsonNode replaceConfig(String json) throws ManagementException {
        try {
            return ConfigWriter.toJson(config.importJson(json), false);
        } catch (InvalidConfigException e) {
            throw ManagementException.invalidConfig(
                    e.problems().stream()
                            .map(p -> new ManagementException.Problem(p.path(), p.message()))
                            .toList());
        }
    }

    @Override
    public Discovery discover(String name) throws ManagementException {
        ProviderConfig provider =
                config.current().providers().stream()
                        .filter(candidate -> candidate.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> ManagementException.unknownProvider(name));
        // Disabled providers too: checking one before enabling it is the point.
        DiscoveryResult result;
        try {
            result = discovery.discover(provider);
        } catch (DiscoveryException e) {
            // The message is written for the user: it names the provider and what to check.
            throw ManagementException.discoveryFailed(
                    e.getMessage(), e.kind().name().toLowerCase(Locale.ROOT));
        }
        return new Discovery(
                result.provider(),
                result.models(),
                result.discoveredAt(),
                result.previousDiscovery(),
                result.added(),
                result.gone(),
                result.missingTargets().stream().map(ManagementService::missing).toList());
    }

    private static MissingTarget missing(TargetRef target) {
        return new MissingTarget(
                target.route(),
                target.role() == TargetRef.Role.FALLBACK,
                target.index(),
                target.model());
    }

    @Override
    public UsageReport usage(UsageSelection selection) throws ManagementException {
        try {
            return UsageViews.report(usage, selection);
        } catch (IllegalArgumentException e) {
            // The store's checks (e.g. too many buckets) say what to change in their message.
            throw ManagementException.badRequest(e.getMessage());
        }
    }

    @Override
    public List<RequestEntry> requests(RequestSelection selection) throws ManagementException {
        try {
            return UsageViews.requests(usage, selection);
        } catch (IllegalArgumentException e) {
            throw ManagementException.badRequest(e.getMessage());
        }
    }

    /**
     * Every target the proxy routes to, healthy unless its health book says otherwise, and any
     * target the book still remembers from an earlier configuration; by provider, then model.
     */
    @Override
    public HealthReport health() {
        Map<TargetKey, TargetHealth> targets = new LinkedHashMap<>();
        RoutingTable table = proxy.routingTable();
        Instant now = clock.instant();
        for (Route route : table.routes()) {
            Stream.concat(route.targets().stream(), route.fallbacks().stream())
                    .map(Target::key)
                    .forEach(key -> targets.put(key, TargetHealth.healthy(key)));
        }
        for (TargetHealth recorded : proxy.health().snapshot(now)) {
            targets.put(recorded.target(), recorded);
        }
        return new HealthReport(
                version,
                targets.values().stream()
                        .sorted(
                                Comparator.comparing((TargetHealth h) -> h.target().provider())
                                        .thenComparing(h -> h.target().model()))
                        .toList(),
                table.routes().stream()
                        .map(route -> RouteHealth.of(route, table.providers(), proxy.health(), now))
                        .toList(),
                proxy.tpmLimits().snapshot(now));
    }
}
