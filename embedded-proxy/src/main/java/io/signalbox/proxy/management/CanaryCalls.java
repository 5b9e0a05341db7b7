package io.signalbox.proxy.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.proxy.routing.Canary;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.CanaryStatus;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canary calls of the management API: {@code GET /api/canaries} and {@code POST
 * /api/routes/{name}/canary/promote|rollback}, with their JSON. Kept apart from {@link
 * ManagementHandler}, which only asks here whether a path is one of them.
 */
final class CanaryCalls {

    static final String LIST = "/api/canaries";

    /**
     * Route names may hold {@code /} (e.g. {@code meta/llama}), so the name is everything between.
     */
    private static final Pattern ACTION =
            Pattern.compile("/api/routes/(.+)/canary/(promote|rollback)");

    private CanaryCalls() {}

    /** The methods the path takes, or empty when it is not a canary call. */
    static Optional<String> allowedMethods(String path) {
        if (path.equals(LIST)) {
            return Optional.of("GET");
        }
        return ACTION.matcher(path).matches() ? Optional.of("POST") : Optional.empty();
    }

    /** The answer to a canary call whose path {@link #allowedMethods} accepted. */
    static ObjectNode answer(ManagementApi api, String path) throws ManagementException {
        if (path.equals(LIST)) {
            return canaries(api.canaries());
        }
        Matcher action = ACTION.matcher(path);
        if (!action.matches()) {
            throw new IllegalArgumentException("not a canary call: " + path);
        }
        String route = action.group(1);
        CanaryDecision decision =
                action.group(2).equals("promote")
                        ? api.promoteCanary(route)
                        : api.rollbackCanary(route);
        ObjectNode root = ApiJson.JSON.createObjectNode();
        root.put("route", route);
        decision(root.putObject("decision"), decision);
        return root;
    }

    static ObjectNode canaries(List<ManagementApi.CanaryReport> reports) {
        ObjectNode root = ApiJson.JSON.createObjectNode();
        ArrayNode list = root.putArray("canaries");
        for (ManagementApi.CanaryReport report : reports) {
            CanaryStatus status = report.status();
            ObjectNode node = list.addObject();
            node.put("route", status.route());
            settings(node, status.canary());
            node.put("state", status.demoted() ? "demoted" : "active");
            node.put("currentShare", status.currentShare());
            ObjectNode window = node.putObject("window");
            window.put("successes", status.successes());
            window.put("attempts", status.attempts());
            if (status.attempts() == 0) {
                window.putNull("successPercent");
            } else {
                window.put("successPercent", status.successes() * 100 / status.attempts());
            }
            ArrayNode decisions = node.putArray("decisions");
            report.decisions().forEach(decision -> decision(decisions.addObject(), decision));
        }
        return root;
    }

    private static void settings(ObjectNode node, Canary canary) {
        node.put("provider", canary.target().provider());
        node.put("model", canary.target().model());
        node.put("share", canary.share());
        node.put("minSuccessPercent", canary.minSuccessPercent());
        node.put("windowMinutes", canary.windowMinutes());
        node.put("minRequests", canary.minRequests());
    }

    private static void decision(ObjectNode node, CanaryDecision decision) {
        node.put("time", decision.at().toString());
        node.put("route", decision.route());
        node.put("action", decision.action().json());
        settings(node, decision.canary());
        node.put("successes", decision.successes());
        node.put("attempts", decision.attempts());
        node.put("successPercent", decision.successPercent());
    }
}
