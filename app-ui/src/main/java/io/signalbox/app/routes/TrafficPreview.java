package io.signalbox.app.routes;

import io.signalbox.persistence.config.RouteSelection;
import io.signalbox.persistence.config.TargetMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the route editor and the route list say about where calls go, as the proxy's planner makes
 * the first pick (ADR 0010): targets with the same conditions share the calls that meet them, by
 * weight or in equal turns (round robin, where a weight only switches a target off when it is 0);
 * targets without conditions share every other call. Health is left out: this is the plan, not the
 * moment.
 */
public final class TrafficPreview {

    /** One target as far as the preview is concerned. */
    public record Input(int weight, boolean enabled, TargetMatch match) {
        boolean takesTraffic() {
            return enabled && weight > 0;
        }
    }

    /**
     * @param share the target's share of the calls its condition group gets, in [0, 1]
     * @param barShare its width in the split bar: the share of the calls that meet no condition,
     *     or, on a route where every target has conditions, of its group shown side by side
     * @param text the figure beside the target: {@code 33.3%} by weight, {@code 1 in 3} in turns
     */
    public record Part(double share, double barShare, String text) {}

    private TrafficPreview() {}

    public static List<Part> of(RouteSelection selection, List<Input> targets) {
        Map<TargetMatch, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            groups.computeIfAbsent(targets.get(i).match(), m -> new ArrayList<>()).add(i);
        }
        double[] shares = new double[targets.size()];
        for (List<Integer> group : groups.values()) {
            long sum = 0;
            int takers = 0;
            for (int i : group) {
                if (targets.get(i).takesTraffic()) {
                    sum += targets.get(i).weight();
                    takers++;
                }
            }
            for (int i : group) {
                Input target = targets.get(i);
                if (!target.takesTraffic()) {
                    shares[i] = 0;
                } else if (selection == RouteSelection.ROUND_ROBIN) {
                    shares[i] = 1.0 / takers;
                } else {
                    shares[i] = (double) target.weight() / sum;
                }
            }
        }
        boolean hasDefault = groups.containsKey(TargetMatch.NONE);
        long groupsWithTraffic =
                groups.values().stream()
                        .filter(g -> g.stream().anyMatch(i -> targets.get(i).takesTraffic()))
                        .count();
        List<Part> parts = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Input target = targets.get(i);
            double bar;
            if (hasDefault) {
                bar = target.match().isNone() ? shares[i] : 0;
            } else {
                bar = groupsWithTraffic == 0 ? 0 : shares[i] / groupsWithTraffic;
            }
            parts.add(new Part(shares[i], bar, text(selection, target, shares[i])));
        }
        return parts;
    }

    private static String text(RouteSelection selection, Input target, double share) {
        if (selection != RouteSelection.ROUND_ROBIN) {
            return SplitShares.percent(share);
        }
        if (!target.takesTraffic()) {
            return "no turn";
        }
        long turns = Math.round(1 / share);
        return turns == 1 ? "every call" : "1 in " + turns;
    }

    /** The sentence above the split bar, so the figures are read the way they are meant. */
    public static String explanation(RouteSelection selection, boolean anyConditions) {
        String pick =
                selection == RouteSelection.ROUND_ROBIN
                        ? "Round robin: calls take turns over the targets that are on (weight 0"
                                + " switches one off)."
                        : "Each call goes to one target, picked at random by weight.";
        // The drop hint gives way to the conditions' note, so the text stays two lines at most.
        String more =
                anyConditions
                        ? " A target with conditions takes only the calls that meet them, shared"
                                + " with targets that have the same conditions; the bar shows all"
                                + " other calls."
                        : " Drop a model on a target to change its model.";
        return pick + more;
    }
}
