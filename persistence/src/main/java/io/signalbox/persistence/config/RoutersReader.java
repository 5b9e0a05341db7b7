package io.signalbox.persistence.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the optional router fields of issue 9: the top-level {@code routers} and {@code
 * accessKeys[].routers}. Types are checked here; names and references in {@link RoutersValidator}.
 */
final class RoutersReader {

    static final String FIELD = "routers";
    private static final Set<String> ROUTER_FIELDS = Set.of("slug", "active", "routes");

    private RoutersReader() {}

    static List<RouterConfig> routers(JsonNode root, JsonFieldReader fields) {
        List<RouterConfig> routers = new ArrayList<>();
        List<JsonNode> nodes = fields.objects(root, "$", FIELD);
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            if (node == null) {
                continue;
            }
            String path = "routers[" + i + "]";
            fields.rejectUnknownFields(node, path, ROUTER_FIELDS);
            routers.add(
                    new RouterConfig(
                            fields.requiredString(node, path, "slug"),
                            fields.bool(node, path, "active", true),
                            fields.strings(node, path, "routes")));
        }
        return routers;
    }

    /** An access key's routers; an empty list is refused, as it would read as "no router". */
    static List<String> keyRouters(JsonNode key, String path, JsonFieldReader fields) {
        List<String> routers = fields.strings(key, path, FIELD);
        if (key.has(FIELD) && key.get(FIELD).isArray() && routers.isEmpty()) {
            fields.problem(
                    JsonFieldReader.path(path, FIELD),
                    "must name at least one router; leave it out to allow /v1 and every router");
        }
        return routers;
    }
}
