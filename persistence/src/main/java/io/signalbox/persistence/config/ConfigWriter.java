package io.signalbox.persistence.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the configuration document of CONTRACT section 2. Without secrets, provider keys and
 * secret-looking headers are left out; access keys are never written (only their hash is stored).
 */
public final class ConfigWriter {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ConfigWriter() {}

    public static String write(SignalboxConfig config, boolean includeSecrets) {
        try {
            return MAPPER.writeValueAsString(toJson(config, includeSecrets)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toJson(SignalboxConfig config, boolean includeSecrets) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", SignalboxConfig.VERSION);
        ArrayNode providers = root.putArray("providers");
        for (ProviderConfig provider : config.providers()) {
            ObjectNode node = providers.addObject();
            node.put("name", provider.name());
            node.put("type", provider.type());
            node.put("baseUrl", provider.baseUrl());
            if (includeSecrets) {
                provider.apiKey().ifPresent(key -> node.put("apiKey", key));
            }
            ObjectNode headers = node.putObject("headers");
            for (Map.Entry<String, String> header : provider.headers().entrySet()) {
                if (includeSecrets || !isSecretHeader(header.getKey())) {
                    headers.put(header.getKey(), header.getValue());
                }
            }
            ArrayNode models = node.putArray("models");
            provider.models().forEach(models::add);
            node.put("enabled", provider.enabled());
            // A certificate is public: exported with or without secrets.
            provider.trustedCertificate().ifPresent(pem -> node.put("trustedCertificate", pem));
        }
        ArrayNode routes = root.putArray("routes");
        for (RouteConfig route : config.routes()) {
            ObjectNode node = routes.addObject();
            node.put("name", route.name());
            node.put("enabled", route.enabled());
            ArrayNode targets = node.putArray("targets");
            for (TargetConfig target : route.targets()) {
                ObjectNode targetNode =
                        targets.addObject()
                                .put("provider", target.provider())
                                .put("model", target.model());
                // A weight left out next to a limit is how a route shares by limits (ADR 0014).
                if (target.weightGiven() || target.tpmLimit().isEmpty()) {
                    targetNode.put("weight", target.weight());
                }
                targetNode.put("enabled", target.enabled());
                writeMatch(targetNode, target.match());
                target.tpmLimit().ifPresent(limit -> targetNode.put("tpmLimit", limit));
                target.canary().ifPresent(canary -> writeCanary(targetNode, canary));
            }
            ArrayNode fallbacks = node.putArray("fallbacks");
            for (FallbackConfig fallback : route.fallbacks()) {
                ObjectNode fallbackNode =
                        fallbacks
                                .addObject()
                                .put("provider", fallback.provider())
                                .put("model", fallback.model());
                fallback.tpmLimit().ifPresent(limit -> fallbackNode.put("tpmLimit", limit));
            }
            node.put("timeoutSeconds", route.timeoutSeconds());
            // Written only when set, so a configuration that never used them exports as before.
            route.retries().ifPresent(retries -> node.put("retries", retries));
            if (route.selection() != RouteSelection.WEIGHTED) {
                node.put("selection", route.selection().json());
            }
        }
        ArrayNode accessKeys = root.putArray("accessKeys");
        for (AccessKeyConfig accessKey : config.accessKeys()) {
            ObjectNode node = accessKeys.addObject();
            node.put("name", accessKey.name());
            if (!accessKey.allowsAllRoutes()) {
                ArrayNode allowed = node.putArray("routes");
                accessKey.routes().forEach(allowed::add);
            }
            accessKey.dailyTokenLimit().ifPresent(limit -> node.put("dailyTokenLimit", limit));
            if (accessKey.limitedToRouters()) {
                ArrayNode routers = node.putArray("routers");
                accessKey.routers().forEach(routers::add);
            }
        }
        // Written only when there are routers, so a configuration without them exports as before.
        if (!config.routers().isEmpty()) {
            ArrayNode routers = root.putArray("routers");
            for (RouterConfig router : config.routers()) {
                ObjectNode node = routers.addObject();
                node.put("slug", router.slug());
                node.put("active", router.active());
                ArrayNode served = node.putArray("routes");
                router.routes().forEach(served::add);
            }
        }
        return root;
    }

    private static void writeMatch(ObjectNode target, TargetMatch match) {
        if (match.isNone()) {
            return;
        }
        ObjectNode node = target.putObject("match");
        if (!match.headers().isEmpty()) {
            ObjectNode headers = node.putObject("headers");
            match.headers().forEach(headers::put);
        }
        if (!match.query().isEmpty()) {
            ObjectNode query = node.putObject("query");
            match.query().forEach(query::put);
        }
        match.path().ifPresent(path -> node.put("path", path));
    }

    /** Every canary field is written, defaults included, so an export shows the threshold used. */
    private static void writeCanary(ObjectNode target, CanaryConfig canary) {
        target.putObject("canary")
                .put("share", canary.share())
                .put("minSuccessPercent", canary.minSuccessPercent())
                .put("windowMinutes", canary.windowMinutes())
                .put("minRequests", canary.minRequests());
    }

    /**
     * Headers that carry credentials by convention (Azure's {@code api-key}, {@code Authorization},
     * {@code X-Auth-Token}...). Left out of exports without secrets, kept on re-import.
     */
    public static boolean isSecretHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("authorization")
                || lower.equals("proxy-authorization")
                || lower.equals("cookie")
                || lower.contains("key")
                || lower.contains("token")
                || lower.contains("secret")
                || lower.contains("auth")
                || lower.contains("password");
    }
}
