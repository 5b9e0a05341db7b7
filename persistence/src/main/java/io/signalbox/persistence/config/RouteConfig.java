package io.signalbox.persistence.config;

import java.util.List;

/**
 * A public model name (possibly a glob such as {@code claude-*}) that clients call.
 *
 * @param targets weighted targets, tried first
 * @param fallbacks ordered, tried only after every target failed
 * @param timeoutSeconds the longest wait for an attempt's first response byte
 */
public record RouteConfig(
        String name,
        boolean enabled,
        List<TargetConfig> targets,
        List<FallbackConfig> fallbacks,
        int timeoutSeconds) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    public RouteConfig {
        targets = List.copyOf(targets);
        fallbacks = List.copyOf(fallbacks);
    }
}
