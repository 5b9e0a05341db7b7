package io.signalbox.persistence.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks {@code targets[].canary} (issue 9). Ranges are checked while reading, since
 * every field is a plain number; what concerns the route as a whole (one canary at most, and
 * another target to share the route with) in {@link #validateRoute}, which configurations made by
 * the UI go through too.
 */
final class CanaryOptions {

    private static final Set<String> CANARY_FIELDS =
            Set.of("share", "minSuccessPercent", "windowMinutes", "minRequests");

    private CanaryOptions() {}

    static Optional<CanaryConfig> read(JsonNode target, String targetPath, JsonFieldReader fields) {
        JsonNode node = target.get("canary");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String path = JsonFieldReader.path(targetPath, "canary");
        if (!node.isObject()) {
            fields.problem(path, "must be an object with share (1 to 99 percent)");
            return Optional.empty();
        }
        fields.rejectUnknownFields(node, path, CANARY_FIELDS);
        if (!node.has("share")) {
            fields.problem(JsonFieldReader.path(path, "share"), "is required (1 to 99 percent)");
        }
        return Optional.of(
                new CanaryConfig(
                        fields.integer(node, path, "share", 1, 1, 99),
                        fields.integer(
                                node,
                                path,
                                "minSuccessPercent",
                                CanaryConfig.DEFAULT_MIN_SUCCESS_PERCENT,
                                1,
                                100),
                        fields.integer(
                                node,
                                path,
                                "windowMinutes",
                                CanaryConfig.DEFAULT_WINDOW_MINUTES,
                                1,
                                CanaryConfig.MAX_WINDOW_MINUTES),
                        fields.integer(
                                node,
                                path,
                                "minRequests",
                                CanaryConfig.DEFAULT_MIN_REQUESTS,
                                1,
                                CanaryConfig.MAX_MIN_REQUESTS)));
    }

    /** One canary per route, with another target beside it; ranges for UI-made configurations. */
    static void validateRoute(RouteConfig route, String path, List<ConfigProblem> problems) {
        int first = -1;
        for (int t = 0; t < route.targets().size(); t++) {
            Optional<CanaryConfig> canary = route.targets().get(t).canary();
            if (canary.isEmpty()) {
                continue;
            }
            String canaryPath = path + ".targets[" + t + "].canary";
            checkRanges(canary.get(), canaryPath, problems);
            if (first >= 0) {
                problems.add(
                        new ConfigProblem(
                                canaryPath,
                                "a route has at most one canary (targets["
                                        + first
                                        + "] is one already)"));
            } else {
                first = t;
            }
            if (route.targets().size() < 2) {
                problems.add(
                        new ConfigProblem(
                                canaryPath,
                                "a canary needs another target on the route to take the rest of"
                                        + " the traffic"));
            }
        }
    }

    private static void checkRanges(
            CanaryConfig canary, String path, List<ConfigProblem> problems) {
        range(canary.share(), 1, 99, path + ".share", problems);
        range(canary.minSuccessPercent(), 1, 100, path + ".minSuccessPercent", problems);
        range(
                canary.windowMinutes(),
                1,
                CanaryConfig.MAX_WINDOW_MINUTES,
                path + ".windowMinutes",
                problems);
        range(
                canary.minRequests(),
                1,
                CanaryConfig.MAX_MIN_REQUESTS,
                path + ".minRequests",
                problems);
    }

    private static void range(
            int value, int min, int max, String path, List<ConfigProblem> problems) {
        if (value < min || value > max) {
            problems.add(
                    new ConfigProblem(
                            path, "must be from " + min + " to " + max + " (it is " + value + ")"));
        }
    }
}
