package io.signalbox.proxy.http;

import java.util.Optional;

/**
 * A request path under a router, {@code /router/{slug}/v1/...} (ADR 0013), split into the slug and
 * the OpenAI path it stands for ({@code /v1/...}), which is served as on the default endpoint.
 */
record RouterPath(String slug, String servicePath) {

    static final String PREFIX = "/router/";

    /** The router path, or empty for a path outside {@code /router/}. */
    static Optional<RouterPath> parse(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.of(new RouterPath(rest, ""));
        }
        return Optional.of(new RouterPath(rest.substring(0, slash), rest.substring(slash)));
    }
}
