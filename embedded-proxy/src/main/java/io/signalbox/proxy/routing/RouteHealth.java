package io.signalbox.proxy.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A route's status at one instant.
 *
 * @param activeTargets targets (not fallbacks) that take traffic and are available now
 * @param targets targets (not fallbacks) that take traffic: enabled, weight above 0, provider on
 */
public record RouteHealth(
        String route, boolean enabled, RouteStatus status, int activeTargets, int targets) {

    /**
     * Targets the user switched off (target or provider disabled, weight 0) are not "out": they do
     * not make a route degraded, and a route left with none that takes traffic has failed. Match
     * conditions are ignored here: the status is the route's, not one request's.
     */
    public static RouteHealth of(
            Route route, Map<String, ProviderEndpoint> providers, HealthView health, Instant now) {
        List<Target> targets =
                route.targets().stream()
                        .filter(target -> target.enabled() && target.weight() > 0)
                        .filter(target -> providerOn(providers, target))
                        .toList();
        List<Target> fallbacks =
                route.fallbacks().stream()
                        .filter(Target::enabled)
                        .filter(target -> providerOn(providers, target))
                        .toList();
        int activeTargets = count(targets, health, now);
        int activeFallbacks = count(fallbacks, health, now);
        int considered = targets.size() + fallbacks.size();
        RouteStatus status;
        if (activeTargets + activeFallbacks == 0) {
            status = RouteStatus.FAILED;
        } else if (activeTargets + activeFallbacks < considered) {
            status = RouteStatus.DEGRADED;
        } else {
            status = RouteStatus.ACTIVE;
        }
        return new RouteHealth(
                route.name(), route.enabled(), status, activeTargets, targets.size());
    }

    private static boolean providerOn(Map<String, ProviderEndpoint> providers, Target target) {
        ProviderEndpoint provider = providers.get(target.provider());
        return provider != null && provider.enabled();
    }

    private static int count(List<Target> targets, HealthView health, Instant now) {
        return (int) targets.stream().filter(t -> health.isAvailable(t.key(), now)).count();
    }
}
