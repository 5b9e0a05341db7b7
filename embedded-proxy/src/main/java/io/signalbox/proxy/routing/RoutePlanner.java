package io.signalbox.proxy.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orders the targets of a route for one request. Pure: the request's matchable parts, health, time,
 * the random sample and the round-robin turn come in as parameters, so the same inputs always give
 * the same plan and tests need no seeds, clocks or servers.
 */
public final class RoutePlanner {

    private RoutePlanner() {}

    /** A plan for a request with no headers, query or path: only unconditional targets match. */
    public static RoutePlan plan(Route route, HealthView health, double sample, Instant now) {
        return plan(route, RequestView.NONE, health, sample, 0, now);
    }

    /**
     * @param request what the targets' match conditions look at
     * @param sample a uniform random number in [0, 1) that decides a weighted pick
     * @param turn for a round-robin route: the number of earlier requests of the same rotation
     *     group ({@link #rotationGroup}); ignored for a weighted route
     * @param now the instant health is judged at
     */
    public static RoutePlan plan(
            Route route,
            RequestView request,
            HealthView health,
            double sample,
            long turn,
            Instant now) {
        if (!(sample >= 0.0 && sample < 1.0)) {
            // Also catches NaN, which would otherwise silently pick the last target.
            throw new IllegalArgumentException("sample must be in [0, 1): " + sample);
        }
        List<Target> matching = matching(route, request);
        List<Target> available = availableOf(matching, health, now);
        List<Target> attempts = new ArrayList<>(available.size() + route.fallbacks().size());
        if (!available.isEmpty()) {
            List<Target> ordered =
                    route.selection() == Selection.ROUND_ROBIN
                            ? inTurn(available, turn)
                            : weighted(available, sample);
            int limit =
                    route.retries().isPresent()
                            ? Math.min(ordered.size(), 1 + route.retries().getAsInt())
                            : ordered.size();
            attempts.addAll(ordered.subList(0, limit));
        }
        for (Target fallback : route.fallbacks()) {
            if (fallback.enabled() && health.isAvailable(fallback.key(), now)) {
                attempts.add(fallback);
            }
        }
        List<Target> distinct = withoutRepeats(attempts);
        if (!distinct.isEmpty()) {
            return new RoutePlan(distinct, Optional.empty(), false);
        }
        return nothingAvailable(route, matching, health, now);
    }

    /**
     * The targets a round-robin route takes turns over for this request: the ones that take
     * traffic, match it and are available, in configured order. Requests that see the same group
     * share one turn counter, so each group rotates strictly even when other requests (another
     * header, a target cooling down) see a different one.
     */
    public static List<TargetKey> rotationGroup(
            Route route, RequestView request, HealthView health, Instant now) {
        List<Target> available = availableOf(matching(route, request), health, now);
        List<TargetKey> keys = new ArrayList<>(available.size());
        for (Target target : available) {
            keys.add(target.key());
        }
        return keys;
    }

    /**
     * The targets this request may go to, in configured order. Targets whose conditions it meets
     * come first in the sense that they alone are used: a target without conditions is the default
     * for requests that no target with conditions takes. So {@code user-type: premium} on one
     * target and none on another sends premium requests to the first and everyone else to the
     * second, never premium requests to both. Disabled targets and weight 0 take nothing.
     */
    private static List<Target> matching(Route route, RequestView request) {
        // Loops, not streams: this runs for every request, and most routes have one or two
        // unconditional targets (a stream pipeline per step cost about 1 us per request).
        List<Target> specific = new ArrayList<>(2);
        List<Target> unconditional = new ArrayList<>(route.targets().size());
        for (Target target : route.targets()) {
            if (!takesTraffic(target)) {
                continue;
            }
            if (target.match().isAny()) {
                unconditional.add(target);
            } else if (target.match().matches(request)) {
                specific.add(target);
            }
        }
        return specific.isEmpty() ? unconditional : specific;
    }

    /** The targets of {@code candidates} that health lets take a request now, in order. */
    private static List<Target> availableOf(
            List<Target> candidates, HealthView health, Instant now) {
        List<Target> available = new ArrayList<>(candidates.size());
        for (Target target : candidates) {
            if (health.isAvailable(target.key(), now)) {
                available.add(target);
            }
        }
        return available;
    }

    /** A target with weight 0 is configured but switched off for traffic, like a disabled one. */
    private static boolean takesTraffic(Target target) {
        return target.enabled() && target.weight() > 0;
    }

    /** The weighted pick first, then the rest by weight, heaviest first. */
    private static List<Target> weighted(List<Target> available, double sample) {
        List<Target> rest = new ArrayList<>(available);
        List<Target> ordered = new ArrayList<>(available.size());
        ordered.add(rest.remove(pickIndex(available, sample)));
        // List.sort is stable, so equal weights keep their configured order.
        rest.sort(Comparator.comparingInt(Target::weight).reversed());
        ordered.addAll(rest);
        return ordered;
    }

    /** The target whose turn it is first, then the ones after it in configured order, wrapping. */
    private static List<Target> inTurn(List<Target> available, long turn) {
        int first = (int) Math.floorMod(turn, (long) available.size());
        List<Target> ordered = new ArrayList<>(available.size());
        for (int i = 0; i < available.size(); i++) {
            ordered.add(available.get((first + i) % available.size()));
        }
        return ordered;
    }

    /** Picks i where {@code sample × sum < cumulative weight of 0..i}, in configured order. */
    private static int pickIndex(List<Target> candidates, double sample) {
        long sum = 0;
        for (Target target : candidates) {
            sum += target.weight();
        }
        double point = sample * sum;
        long cumulative = 0;
        for (int i = 0; i < candidates.size(); i++) {
            cumulative += candidates.get(i).weight();
            if (point < cumulative) {
                return i;
            }
        }
        // Only reachable if sample × sum rounds up to sum for a sample just below 1.
        return candidates.size() - 1;
    }

    /**
     * The same provider and model twice in one plan (say, a target that is also listed as a
     * fallback) would spend a second upstream call on something that just failed; keep the first.
     */
    private static List<Target> withoutRepeats(List<Target> attempts) {
        if (attempts.size() == 1) {
            return attempts;
        }
        Set<TargetKey> seen = new HashSet<>();
        List<Target> distinct = new ArrayList<>(attempts.size());
        for (Target target : attempts) {
            if (seen.add(target.key())) {
                distinct.add(target);
            }
        }
        return distinct;
    }

    /**
     * Every candidate is out. The earliest comeback becomes the client's {@code Retry-After}
     * (failing fast beats holding the connection, LiteLLM #3646), and if they are all merely
     * cooling after 429s the client is told it is being rate limited. A request that no target
     * matches and no fallback catches is told so: no amount of waiting changes that.
     */
    private static RoutePlan nothingAvailable(
            Route route, List<Target> matching, HealthView health, Instant now) {
        List<Target> enabledFallbacks = route.fallbacks().stream().filter(Target::enabled).toList();
        boolean someTakeTraffic = route.targets().stream().anyMatch(RoutePlanner::takesTraffic);
        if (matching.isEmpty() && enabledFallbacks.isEmpty() && someTakeTraffic) {
            return new RoutePlan(List.of(), Optional.empty(), false, true);
        }
        List<TargetHealth> candidates = new ArrayList<>();
        matching.forEach(target -> candidates.add(health.health(target.key(), now)));
        enabledFallbacks.forEach(target -> candidates.add(health.health(target.key(), now)));
        Optional<Instant> retryAt =
                candidates.stream()
                        .map(TargetHealth::until)
                        .flatMap(Optional::stream)
                        .min(Comparator.naturalOrder());
        boolean rateLimited =
                !candidates.isEmpty()
                        && candidates.stream()
                                .allMatch(candidate -> candidate.state() == TargetState.COOLING);
        return new RoutePlan(List.of(), retryAt, rateLimited);
    }
}
