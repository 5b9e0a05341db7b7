package io.signalbox.proxy.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orders the targets of a route for one request. Pure: health, time and the random sample come in
 * as parameters, so the same inputs always give the same plan and tests need no seeds or clocks.
 */
public final class RoutePlanner {

    private RoutePlanner() {}

    /**
     * @param sample a uniform random number in [0, 1) that decides the weighted pick
     * @param now the instant health is judged at
     */
    public static RoutePlan plan(Route route, HealthView health, double sample, Instant now) {
        if (!(sample >= 0.0 && sample < 1.0)) {
            // Also catches NaN, which would otherwise silently pick the last target.
            throw new IllegalArgumentException("sample must be in [0, 1): " + sample);
        }
        List<Target> weighted =
                route.targets().stream()
                        .filter(RoutePlanner::takesWeightedTraffic)
                        .filter(target -> health.isAvailable(target.key(), now))
                        .toList();
        List<Target> attempts = new ArrayList<>(weighted.size() + route.fallbacks().size());
        if (!weighted.isEmpty()) {
            List<Target> rest = new ArrayList<>(weighted);
            attempts.add(rest.remove(pickIndex(weighted, sample)));
            // List.sort is stable, so equal weights keep their configured order.
            rest.sort(Comparator.comparingInt(Target::weight).reversed());
            attempts.addAll(rest);
        }
        route.fallbacks().stream()
                .filter(Target::enabled)
                .filter(target -> health.isAvailable(target.key(), now))
                .forEachOrdered(attempts::add);
        List<Target> distinct = withoutRepeats(attempts);
        if (!distinct.isEmpty()) {
            return new RoutePlan(distinct, Optional.empty(), false);
        }
        return nothingAvailable(route, health, now);
    }

    /** A target with weight 0 is configured but switched off for traffic, like a disabled one. */
    private static boolean takesWeightedTraffic(Target target) {
        return target.enabled() && target.weight() > 0;
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
        Set<TargetKey> seen = new HashSet<>();
        return attempts.stream().filter(target -> seen.add(target.key())).toList();
    }

    /**
     * Every candidate is out. The earliest comeback becomes the client's {@code Retry-After}
     * (failing fast beats holding the connection, LiteLLM #3646), and if they are all merely
     * cooling after 429s the client is told it is being rate limited.
     */
    private static RoutePlan nothingAvailable(Route route, HealthView health, Instant now) {
        List<TargetHealth> candidates = new ArrayList<>();
        route.targets().stream()
                .filter(RoutePlanner::takesWeightedTraffic)
                .forEachOrdered(target -> candidates.add(health.health(target.key(), now)));
        route.fallbacks().stream()
                .filter(Target::enabled)
                .forEachOrdered(target -> candidates.add(health.health(target.key(), now)));
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
