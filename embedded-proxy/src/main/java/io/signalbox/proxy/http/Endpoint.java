package io.signalbox.proxy.http;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The OpenAI endpoints the proxy forwards, each to the same path under the provider's base URL. */
public enum Endpoint {
    CHAT_COMPLETIONS("/v1/chat/completions", "/chat/completions", true),
    COMPLETIONS("/v1/completions", "/completions", true),
    EMBEDDINGS("/v1/embeddings", "/embeddings", false),
    RESPONSES("/v1/responses", "/responses", true);

    private static final int MAX_REMEMBERED_URIS = 1_000;

    private final String path;
    private final String upstreamSuffix;
    private final boolean streamable;

    /**
     * This endpoint's URL at each provider base URL seen: parsing it for every attempt cost about a
     * microsecond per request (docs/performance.md, session 4).
     */
    private final Map<URI, URI> upstreamUris = new ConcurrentHashMap<>();

    Endpoint(String path, String upstreamSuffix, boolean streamable) {
        this.path = path;
        this.upstreamSuffix = upstreamSuffix;
        this.streamable = streamable;
    }

    public static Optional<Endpoint> forPath(String path) {
        for (Endpoint endpoint : values()) {
            if (endpoint.path.equals(path)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }

    /** Appended to the provider's base URL, which ends before {@code /chat/completions}. */
    public String upstreamSuffix() {
        return upstreamSuffix;
    }

    /** This endpoint under a provider's base URL, which ends before {@code /chat/completions}. */
    public URI upstreamUri(URI baseUrl) {
        if (upstreamUris.size() > MAX_REMEMBERED_URIS) {
            // Providers come and go with configuration changes; old base URLs are not kept forever.
            upstreamUris.clear();
        }
        return upstreamUris.computeIfAbsent(baseUrl, base -> URI.create(base + upstreamSuffix));
    }

    public boolean streamable() {
        return streamable;
    }

    /**
     * Whether {@code stream_options.include_usage} exists here. The Responses API always reports
     * usage in its {@code response.completed} event and rejects {@code stream_options}.
     */
    public boolean takesStreamOptions() {
        return this == CHAT_COMPLETIONS || this == COMPLETIONS;
    }
}
