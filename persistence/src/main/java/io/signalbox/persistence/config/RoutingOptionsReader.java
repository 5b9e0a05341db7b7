package io.signalbox.persistence.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the optional routing fields of issue 9 ({@code targets[].match}, {@code routes[].retries},
 * {@code routes[].selection}). Types are checked here; ranges and syntax in {@link
 * RoutingOptionsValidator}, so configurations made by the UI get the same messages.
 */
final class RoutingOptionsReader {

    private static final Set<String> MATCH_FIELDS = Set.of("headers", "query", "path");

    private RoutingOptionsReader() {}

    static TargetMatch match(JsonNode target, String targetPath, JsonFieldReader fields) {
        JsonNode node = target.get("match");
        if (node == null || node.isNull()) {
            return TargetMatch.NONE;
        }
        String path = JsonFieldReader.path(targetPath, "match");
        if (!node.isObject()) {
            fields.problem(path, "must be an object with headers, query and/or path");
            return TargetMatch.NONE;
        }
        fields.rejectUnknownFields(node, path, MATCH_FIELDS);
        return new TargetMatch(
                fields.stringMap(node, path, "headers"),
                fields.stringMap(node, path, "query"),
                Optional.ofNullable(fields.optionalString(node, path, "path")));
    }

    static OptionalInt retries(JsonNode route, String path, JsonFieldReader fields) {
        OptionalLong value = fields.optionalLong(route, path, "retries");
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        // Clamped into int so that a huge number still reaches the validator's range message.
        long clamped = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value.getAsLong()));
        return OptionalInt.of((int) clamped);
    }

    static RouteSelection selection(JsonNode route, String path, JsonFieldReader fields) {
        String text = fields.optionalString(route, path, "selection");
        if (text == null) {
            return RouteSelection.WEIGHTED;
        }
        Optional<RouteSelection> selection = RouteSelection.fromJson(text);
        if (selection.isEmpty()) {
            fields.problem(
                    JsonFieldReader.path(path, "selection"),
                    "must be 'weighted' (the default) or 'round_robin'");
            return RouteSelection.WEIGHTED;
        }
        return selection.get();
    }
}
