package io.signalbox.persistence.config;

import java.util.List;

/**
 * How a route's traffic is shared when some of its targets have tokens-per-minute limits (ADR
 * 0014). When every target that takes traffic has a limit and none of them was given a weight, the
 * limits are the weights: 60,000 and 30,000 tokens a minute get two thirds and one third. In every
 * other route the weights (given, or the default 100) decide and limits only cap, because a weight
 * and a limit are not in the same unit and mixing them would make shares nobody wrote down.
 */
public final class LimitShares {

    private LimitShares() {}

    /** True when {@link #weightOf} returns the targets' limits rather than their weights. */
    public static boolean sharesByLimits(List<TargetConfig> targets) {
        List<TargetConfig> taking = targets.stream().filter(LimitShares::takesTraffic).toList();
        return !taking.isEmpty()
                && taking.stream()
                        .allMatch(target -> target.tpmLimit().isPresent() && !target.weightGiven());
    }

    /**
     * The weight the planner picks {@code target} by, within {@code route}'s targets: its limit
     * when the route shares by limits, else its weight. Limits are at most {@link
     * TpmLimitValidator#MAX_TPM_LIMIT}, so they fit an int.
     */
    public static int weightOf(TargetConfig target, List<TargetConfig> routeTargets) {
        if (!target.weightGiven() && sharesByLimits(routeTargets)) {
            return (int) Math.min(Integer.MAX_VALUE, target.tpmLimit().getAsLong());
        }
        return target.weight();
    }

    /** A target switched off, or given weight 0 on purpose, takes no traffic and has no say. */
    private static boolean takesTraffic(TargetConfig target) {
        return target.enabled() && !(target.weightGiven() && target.weight() == 0);
    }
}
