package io.signalbox.persistence.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the configuration document of CONTRACT section 2 and checks it completely: structure here,
 * meaning in {@link ConfigValidator}. Every problem is reported with its JSON path; a document with
 * any problem is rejected whole.
 */
public final class ConfigReader {

    private static final Set<String> ROOT_FIELDS =
            Set.of("version", "providers", "routes", "accessKeys", RoutersReader.FIELD);
    private static final Set<String> PROVIDER_FIELDS =
            Set.of(
                    "name",
                    "type",
                    "baseUrl",
                    "apiKey",
                    "headers",
                    "models",
                    "enabled",
                    "trustedCertificate");
    private static final Set<String> ROUTE_FIELDS =
            Set.of(
                    "name",
                    "enabled",
                    "targets",
                    "fallbacks",
                    "timeoutSeconds",
                    "retries",
                    "selection");
    private static final Set<String> TARGET_FIELDS =
            Set.of("provider", "model", "weight", "enabled", "match", "canary", "tpmLimit");
    private static final Set<String> FALLBACK_FIELDS = Set.of("provider", "model", "tpmLimit");
    private static final Set<String> ACCESS_KEY_FIELDS =
            Set.of("name", "key", "routes", "dailyTokenLimit", RoutersReader.FIELD);
    static final int MAX_TIMEOUT_SECONDS = 3600;

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ConfigReader() {}

    public static ParsedConfig read(Path file) throws IOException, InvalidConfigException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static ParsedConfig read(String json) throws InvalidConfigException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(List.of(syntaxProblem(e)));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException(
                    List.of(new ConfigProblem("$", "must be a JSON object")));
        }
        JsonFieldReader fields = new JsonFieldReader();
        Set<String> keepingSecrets = new HashSet<>();
        SignalboxConfig config = readRoot(root, fields, keepingSecrets);
        List<ConfigProblem> problems = new ArrayList<>(fields.problems());
        if (!fields.skippedElements()) {
            problems.addAll(ConfigValidator.validate(config));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new ParsedConfig(config, keepingSecrets);
    }

    /** Jackson's own messages quote the offending token, which may be a secret: say only where. */
    private static ConfigProblem syntaxProblem(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where =
                at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what =
                e.getOriginalMessage() != null
                                && e.getOriginalMessage().startsWith("Duplicate field")
                        ? "a field appears twice in one object"
                        : "this is not valid JSON";
        return new ConfigProblem("$", what + where);
    }

    private static SignalboxConfig readRoot(
            JsonNode root, JsonFieldReader fields, Set<String> keepingSecrets) {
        fields.rejectUnknownFields(root, "$", ROOT_FIELDS);
        int version =
                fields.integer(root, "$", "version", SignalboxConfig.VERSION, 0, Integer.MAX_VALUE);
        if (version != SignalboxConfig.VERSION) {
            fields.problem("version", "this Signalbox reads version " + SignalboxConfig.VERSION);
        }
        List<ProviderConfig> providers = new ArrayList<>();
        List<JsonNode> providerNodes = fields.objects(root, "$", "providers");
        for (int i = 0; i < providerNodes.size(); i++) {
            JsonNode node = providerNodes.get(i);
            if (node != null) {
                providers.add(readProvider(node, "providers[" + i + "]", fields, keepingSecrets));
            }
        }
        List<RouteConfig> routes = new ArrayList<>();
        List<JsonNode> routeNodes = fields.objects(root, "$", "routes");
        for (int i = 0; i < routeNodes.size(); i++) {
            if (routeNodes.get(i) != null) {
                routes.add(readRoute(routeNodes.get(i), "routes[" + i + "]", fields));
            }
        }
        List<AccessKeyConfig> accessKeys = new ArrayList<>();
        List<JsonNode> keyNodes = fields.objects(root, "$", "accessKeys");
        for (int i = 0; i < keyNodes.size(); i++) {
            if (keyNodes.get(i) != null) {
                accessKeys.add(readAccessKey(keyNodes.get(i), "accessKeys[" + i + "]", fields));
            }
        }
        return new SignalboxConfig(
                providers, routes, accessKeys, RoutersReader.routers(root, fields));
    }

    private static ProviderConfig readProvider(
            JsonNode node, String path, JsonFieldReader fields, Set<String> keepingSecrets) {
        fields.rejectUnknownFields(node, path, PROVIDER_FIELDS);
        String name = fields.requiredString(node, path, "name");
        String type = fields.optionalString(node, path, "type");
        String baseUrl = fields.requiredString(node, path, "baseUrl");
        if (!node.has("apiKey") && name != null) {
            keepingSecrets.add(name);
        }
        Optional<String> apiKey = Optional.ofNullable(fields.optionalString(node, path, "apiKey"));
        return new ProviderConfig(
                name,
                type == null ? ProviderConfig.TYPE_OPENAI : type,
                baseUrl == null ? null : stripTrailingSlashes(baseUrl),
                apiKey.filter(key -> !key.isEmpty()),
                fields.stringMap(node, path, "headers"),
                fields.strings(node, path, "models"),
                fields.bool(node, path, "enabled", true),
                Optional.ofNullable(fields.optionalString(node, path, "trustedCertificate"))
                        .filter(pem -> !pem.isBlank()));
    }

    private static String stripTrailingSlashes(String url) {
        String stripped = url.strip();
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    private static RouteConfig readRoute(JsonNode node, String path, JsonFieldReader fields) {
        fields.rejectUnknownFields(node, path, ROUTE_FIELDS);
        List<TargetConfig> targets = new ArrayList<>();
        List<JsonNode> targetNodes = fields.objects(node, path, "targets");
        for (int i = 0; i < targetNodes.size(); i++) {
            JsonNode target = targetNodes.get(i);
            if (target != null) {
                String targetPath = path + ".targets[" + i + "]";
                fields.rejectUnknownFields(target, targetPath, TARGET_FIELDS);
                targets.add(
                        new TargetConfig(
                                fields.requiredString(target, targetPath, "provider"),
                                fields.requiredString(target, targetPath, "model"),
                                fields.integer(
                                        target,
                                        targetPath,
                                        "weight",
                                        TargetConfig.DEFAULT_WEIGHT,
                                        0,
                                        TargetConfig.MAX_WEIGHT),
                                fields.bool(target, targetPath, "enabled", true),
                                RoutingOptionsReader.match(target, targetPath, fields),
                                CanaryOptions.read(target, targetPath, fields),
                                fields.optionalLong(target, targetPath, "tpmLimit"),
                                // Kept so that targets with limits and no weights share by limits.
                                target.hasNonNull("weight")));
            }
        }
        List<FallbackConfig> fallbacks = new ArrayList<>();
        List<JsonNode> fallbackNodes = fields.objects(node, path, "fallbacks");
        for (int i = 0; i < fallbackNodes.size(); i++) {
            JsonNode fallback = fallbackNodes.get(i);
            if (fallback != null) {
                String fallbackPath = path + ".fallbacks[" + i + "]";
                fields.rejectUnknownFields(fallback, fallbackPath, FALLBACK_FIELDS);
                fallbacks.add(
                        new FallbackConfig(
                                fields.requiredString(fallback, fallbackPath, "provider"),
                                fields.requiredString(fallback, fallbackPath, "model"),
                                fields.optionalLong(fallback, fallbackPath, "tpmLimit")));
            }
        }
        return new RouteConfig(
                fields.requiredString(node, path, "name"),
                fields.bool(node, path, "enabled", true),
                targets,
                fallbacks,
                fields.integer(
                        node,
                        path,
                        "timeoutSeconds",
                        RouteConfig.DEFAULT_TIMEOUT_SECONDS,
                        1,
                        MAX_TIMEOUT_SECONDS),
                RoutingOptionsReader.retries(node, path, fields),
                RoutingOptionsReader.selection(node, path, fields));
    }

    private static AccessKeyConfig readAccessKey(
            JsonNode node, String path, JsonFieldReader fields) {
        fields.rejectUnknownFields(node, path, ACCESS_KEY_FIELDS);
        String name = fields.requiredString(node, path, "name");
        Optional<String> key = Optional.ofNullable(fields.optionalString(node, path, "key"));
        List<String> routes = fields.strings(node, path, "routes");
        if (node.has("routes") && node.get("routes").isArray() && routes.isEmpty()) {
            fields.problem(
                    JsonFieldReader.path(path, "routes"),
                    "must name at least one route; leave it out to allow every route");
        }
        return new AccessKeyConfig(
                name,
                key,
                routes,
                fields.optionalLong(node, path, "dailyTokenLimit"),
                RoutersReader.keyRouters(node, path, fields));
    }
}
