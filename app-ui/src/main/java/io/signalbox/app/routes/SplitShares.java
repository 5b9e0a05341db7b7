package io.signalbox.app.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The traffic split of a route, as the proxy's planner makes it: a target's share is its weight
 * over the sum of the weights of the enabled targets with a weight above 0. Disabled and
 * zero-weight targets take no traffic, so their share is 0.
 */
public final class SplitShares {

    /** One target as far as the split is concerned. */
    public record Weighted(int weight, boolean enabled) {
        boolean takesTraffic() {
            return enabled && weight > 0;
        }
    }

    private SplitShares() {}

    /** Each target's share in [0, 1], in the same order; all 0 when no target takes traffic. */
    public static List<Double> of(List<Weighted> targets) {
        long sum = 0;
        for (Weighted target : targets) {
            if (target.takesTraffic()) {
                sum += target.weight();
            }
        }
        List<Double> shares = new ArrayList<>(targets.size());
        for (Weighted target : targets) {
            shares.add(sum == 0 || !target.takesTraffic() ? 0.0 : (double) target.weight() / sum);
        }
        return shares;
    }

    /** A share as people read it: {@code 33.3%}, and {@code 0%}, {@code 50%}, {@code 100%}. */
    public static String percent(double share) {
        String text = String.format(Locale.ROOT, "%.1f", share * 100);
        if (text.endsWith(".0")) {
            text = text.substring(0, text.length() - 2);
        }
        return text + "%";
    }
}
