package io.signalbox.persistence.config;

import java.util.List;
import java.util.OptionalLong;

/** Checks the tokens-per-minute limits of a route's targets and fallbacks (ADR 0014). */
public final class TpmLimitValidator {

    /**
     * A billion tokens a minute is far above any provider's published limit, and keeps a limit
     * usable as a planner weight (an int) when a route shares by limits.
     */
    public static final long MAX_TPM_LIMIT = 1_000_000_000L;

    private TpmLimitValidator() {}

    static void validateRoute(RouteConfig route, String path, List<ConfigProblem> problems) {
        for (int t = 0; t < route.targets().size(); t++) {
            check(route.targets().get(t).tpmLimit(), path + ".targets[" + t + "]", problems);
        }
        for (int f = 0; f < route.fallbacks().size(); f++) {
            check(route.fallbacks().get(f).tpmLimit(), path + ".fallbacks[" + f + "]", problems);
        }
    }

    /** Null when {@code limit} is acceptable, else the reason, for the editor's own field. */
    public static String problem(long limit) {
        if (limit < 1 || limit > MAX_TPM_LIMIT) {
            return "must be from 1 to "
                    + MAX_TPM_LIMIT
                    + " tokens a minute (it is "
                    + limit
                    + "); leave it out for no limit";
        }
        return null;
    }

    private static void check(OptionalLong limit, String path, List<ConfigProblem> problems) {
        if (limit.isPresent()) {
            String problem = problem(limit.getAsLong());
            if (problem != null) {
                problems.add(new ConfigProblem(path + ".tpmLimit", problem));
            }
        }
    }
}
