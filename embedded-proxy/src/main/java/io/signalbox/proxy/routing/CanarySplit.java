package io.signalbox.proxy.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans a request on a route with a canary. Pure, like {@link RoutePlanner}, which it builds on:
 * whether the canary is active comes in as a parameter (from the {@link CanaryBook}), and the same
 * random sample decides both whether the canary is tried first and, rescaled, the weighted pick
 * among the other targets.
 *
 * <p>A sample below {@code share / 100} puts the canary first; its plan goes on with the other
 * targets (as many as the route's retries allow) and then the fallbacks, so a failing canary falls
 * back the normal way. Any other sample plans the route as if the canary were not there: the other
 * targets share the rest by their weights, and the canary is not among their retries, so it gets
 * its share and no more, unless every other target and fallback is out: then it serves rather than
 * the client getting a 503. A demoted canary gets nothing.
 */
public final class CanarySplit {

    private CanarySplit() {}

    /**
     * @param canaryActive false once the canary was demoted; then it gets no requests at all
     * @param sample a uniform random number in [0, 1)
     */
    public static RoutePlan plan(
            Route route,
            RequestView request,
            HealthView health,
            double sample,
            long turn,
            Instant now,
            boolean canaryActive) {
        if (route.canary().isEmpty()) {
            return RoutePlanner.plan(route, request, health, sample, turn, now);
        }
        if (!(sample >= 0.0 && sample < 1.0)) {
            throw new IllegalArgumentException("sample must be in [0, 1): " + sample);
        }
        Canary canary = route.canary().get();
        Route others = withoutCanary(route);
        if (!canaryActive) {
            return RoutePlanner.plan(others, request, health, sample, turn, now);
        }
        double share = canary.share() / 100.0;
        Optional<Target> canaryTarget = canaryTarget(route);
        boolean canaryCanServe =
                canaryTarget.isPresent()
                        && takes(canaryTarget.get(), request)
                        && health.isAvailable(canary.target(), now);
        if (sample >= share) {
            RoutePlan rest =
                    RoutePlanner.plan(
                            others,
                            request,
                            health,
                            rescale((sample - share) / (1 - share)),
                            turn,
                            now);
            // Every other target and fallback is out: an answer from the canary beats a 503.
            return rest.attempts().isEmpty() && canaryCanServe
                    ? new RoutePlan(List.of(canaryTarget.get()), Optional.empty(), false)
                    : rest;
        }
        RoutePlan rest =
                RoutePlanner.plan(others, request, health, rescale(sample / share), turn, now);
        if (!canaryCanServe) {
            return rest;
        }
        return new RoutePlan(canaryFirst(canaryTarget.get(), route, rest), Optional.empty(), false);
    }

    /**
     * Whether this request was the canary's to take but the health book holds the canary out
     * (ejected after failures, or cooling after a 429). The book counts that as a failure of the
     * canary: otherwise a canary that fails hard would be ejected after three failures, probed
     * rarely, and never collect enough attempts in its window to be judged.
     */
    public static boolean heldOut(
            Route route,
            RequestView request,
            HealthView health,
            double sample,
            Instant now,
            boolean canaryActive) {
        if (!canaryActive || route.canary().isEmpty()) {
            return false;
        }
        Canary canary = route.canary().get();
        Optional<Target> target = canaryTarget(route);
        return sample < canary.share() / 100.0
                && target.isPresent()
                && takes(target.get(), request)
                && !health.isAvailable(canary.target(), now);
    }

    /** The route without its canary target and canary: what the other requests are planned on. */
    public static Route withoutCanary(Route route) {
        if (route.canary().isEmpty()) {
            return route;
        }
        TargetKey key = route.canary().get().target();
        return new Route(
                route.name(),
                route.enabled(),
                route.targets().stream().filter(target -> !target.key().equals(key)).toList(),
                route.fallbacks(),
                route.firstByteTimeout(),
                route.retries(),
                route.selection());
    }

    /** The target the route's canary names, if it is still among the targets. */
    public static Optional<Target> canaryTarget(Route route) {
        return route.canary()
                .flatMap(
                        canary ->
                                route.targets().stream()
                                        .filter(target -> target.key().equals(canary.target()))
                                        .findFirst());
    }

    /**
     * Switched on, weight above 0 (weight 0 is how the editor switches a target off) and, when it
     * has conditions, meeting them. Otherwise its weight plays no part: the share decides.
     */
    private static boolean takes(Target canary, RequestView request) {
        return canary.enabled()
                && canary.weight() > 0
                && (canary.match().isAny() || canary.match().matches(request));
    }

    /** The canary, then the other targets within the route's retries, then the fallbacks. */
    private static List<Target> canaryFirst(Target canary, Route route, RoutePlan rest) {
        Set<TargetKey> fallbackKeys =
                route.fallbacks().stream().map(Target::key).collect(Collectors.toSet());
        List<Target> others = new ArrayList<>();
        List<Target> fallbacks = new ArrayList<>();
        for (Target target : rest.attempts()) {
            if (target.key().equals(canary.key())) {
                continue;
            }
            (fallbackKeys.contains(target.key()) ? fallbacks : others).add(target);
        }
        int limit =
                route.retries().isPresent()
                        ? Math.min(others.size(), route.retries().getAsInt())
                        : others.size();
        List<Target> attempts = new ArrayList<>(1 + limit + fallbacks.size());
        attempts.add(canary);
        attempts.addAll(others.subList(0, limit));
        attempts.addAll(fallbacks);
        return attempts;
    }

    /** Division may round a sample just below 1 up to 1; the planner wants [0, 1). */
    private static double rescale(double sample) {
        return Math.min(sample, Math.nextDown(1.0));
    }
}
