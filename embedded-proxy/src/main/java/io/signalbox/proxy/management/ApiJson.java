package io.signalbox.proxy.management;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.proxy.management.ManagementApi.Attempt;
import io.signalbox.proxy.management.ManagementApi.Discovery;
import io.signalbox.proxy.management.ManagementApi.HealthReport;
import io.signalbox.proxy.management.ManagementApi.MissingTarget;
import io.signalbox.proxy.management.ManagementApi.RequestEntry;
import io.signalbox.proxy.management.ManagementApi.UsagePoint;
import io.signalbox.proxy.management.ManagementApi.UsageReport;
import io.signalbox.proxy.management.ManagementApi.UsageRow;
import io.signalbox.proxy.management.ManagementApi.UsageSelection;
import io.signalbox.proxy.routing.RouteHealth;
import io.signalbox.proxy.routing.TargetHealth;
import io.signalbox.proxy.routing.TpmUse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON answers of the management API. The field names of CONTRACT section 4 are written here
 * and nowhere else; fields beyond them are extras that old clients ignore. Absent values are
 * written as {@code null} rather than left out, so every answer of a call has the same fields.
 */
final class ApiJson {

    static final JsonMapper JSON = new JsonMapper();

    private ApiJson() {}

    static ObjectNode usage(UsageSelection selection, UsageReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("since", selection.since().toString());
        root.put("until", selection.until().toString());
        root.put("groupBy", ApiQuery.lowerCase(selection.groupBy()));
        ArrayNode rows = root.putArray("rows");
        report.rows().forEach(row -> usageRow(rows.addObject(), row));
        if (selection.bucket().isPresent()) {
            root.put("bucket", ApiQuery.lowerCase(selection.bucket().get()));
            ArrayNode series = root.putArray("series");
            for (UsagePoint point : report.series()) {
                ObjectNode node = series.addObject();
                node.put("start", point.start().toString());
                usageRow(node, point.usage());
            }
        }
        return root;
    }

    private static void usageRow(ObjectNode node, UsageRow row) {
        node.put("group", row.group());
        node.put("requests", row.requests());
        node.put("errors", row.errors());
        node.put("promptTokens", row.promptTokens());
        node.put("completionTokens", row.completionTokens());
        node.put("totalTokens", row.totalTokens());
        node.put("cachedTokens", row.cachedTokens());
        node.put("reasoningTokens", row.reasoningTokens());
        node.put("estimatedRequests", row.estimatedRequests());
    }

    static ObjectNode requests(List<RequestEntry> entries) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("requests");
        for (RequestEntry entry : entries) {
            ObjectNode node = list.addObject();
            node.put("id", entry.id());
            node.put("time", entry.time().toString());
            node.put("route", entry.route());
            put(node, "provider", entry.provider());
            put(node, "model", entry.model());
            put(node, "key", entry.key());
            node.put("status", entry.status());
            node.put("stream", entry.stream());
            node.put("attempts", entry.attempts().size());
            node.put("latencyMs", entry.latencyMs());
            node.put("promptTokens", entry.promptTokens());
            node.put("completionTokens", entry.completionTokens());
            node.put("totalTokens", entry.totalTokens());
            node.put("estimated", entry.estimated());
            put(node, "error", entry.error());
            // "attempts" is the contract's count; the attempts themselves get their own name.
            ArrayNode attempts = node.putArray("attemptDetails");
            entry.attempts().forEach(attempt -> attempt(attempts.addObject(), attempt));
        }
        return root;
    }

    private static void attempt(ObjectNode node, Attempt attempt) {
        node.put("attempt", attempt.attempt());
        node.put("provider", attempt.provider());
        node.put("model", attempt.model());
        node.put("outcome", attempt.outcome());
        if (attempt.status().isPresent()) {
            node.put("status", attempt.status().get());
        } else {
            node.putNull("status");
        }
        node.put("latencyMs", attempt.latencyMs());
        node.put("committed", attempt.committed());
        put(node, "error", attempt.error());
    }

    static ObjectNode discovery(Discovery discovery) {
        ObjectNode root = JSON.createObjectNode();
        root.put("provider", discovery.provider());
        strings(root.putArray("models"), discovery.models());
        strings(root.putArray("added"), discovery.added());
        strings(root.putArray("removed"), discovery.removed());
        ArrayNode missing = root.putArray("missingTargets");
        for (MissingTarget target : discovery.missingTargets()) {
            missing.addObject()
                    .put("route", target.route())
                    .put("list", target.fallback() ? "fallbacks" : "targets")
                    .put("index", target.index())
                    .put("model", target.model());
        }
        root.put("discoveredAt", discovery.discoveredAt().toString());
        putInstant(root, "previousDiscovery", discovery.previousDiscovery());
        return root;
    }

    static ObjectNode health(HealthReport report) {
        ObjectNode root = JSON.createObjectNode();
        // Answering at all means the proxy and the store behind it are up.
        root.put("status", "ok");
        root.put("version", report.version());
        ArrayNode targets = root.putArray("targets");
        for (TargetHealth health : report.targets()) {
            ObjectNode node = targets.addObject();
            node.put("provider", health.target().provider());
            node.put("model", health.target().model());
            node.put("state", ApiQuery.lowerCase(health.state()));
            putInstant(node, "until", health.until());
            put(node, "reason", health.reason());
            // Added by issue 9 for limited models only; old clients ignore unknown fields.
            TpmUse use = report.tpm().get(health.target());
            if (use != null) {
                node.put("tpmLimit", use.limit());
                node.put("tpmUsed", use.used());
            }
        }
        // Added by issue 9; old clients read only the fields above.
        ArrayNode routes = root.putArray("routes");
        for (RouteHealth route : report.routes()) {
            routes.addObject()
                    .put("name", route.route())
                    .put("enabled", route.enabled())
                    .put("status", route.status().label())
                    .put("activeTargets", route.activeTargets())
                    .put("targets", route.targets());
        }
        return root;
    }

    /**
     * The error shape of the proxy's own errors ({@code OpenAiErrors}), so one client parser reads
     * both; a refused configuration adds the contract's {@code errors} list.
     */
    static ObjectNode error(ManagementException failure) {
        ObjectNode root = error(failure.status(), failure.code(), failure.getMessage());
        failure.kind().ifPresent(kind -> ((ObjectNode) root.get("error")).put("kind", kind));
        if (!failure.problems().isEmpty() || failure.code().equals("invalid_config")) {
            ArrayNode errors = root.putArray("errors");
            for (ManagementException.Problem problem : failure.problems()) {
                errors.addObject().put("path", problem.path()).put("message", problem.message());
            }
        }
        return root;
    }

    static ObjectNode error(int status, String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type(status));
        error.putNull("param");
        error.put("code", code);
        return root;
    }

    /** The OpenAI error types, by status, as the proxy's own errors use them. */
    private static String type(int status) {
        return switch (status) {
            case 403 -> "permission_error";
            case 502 -> "upstream_error";
            case 500, 503 -> "server_error";
            default -> "invalid_request_error";
        };
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void put(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }

    private static void putInstant(ObjectNode node, String field, Optional<Instant> value) {
        put(node, field, value.map(Instant::toString));
    }
}
