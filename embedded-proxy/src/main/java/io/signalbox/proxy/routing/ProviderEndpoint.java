package io.signalbox.proxy.routing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how to reach an upstream OpenAI-compatible server.
 *
 * @param baseUrl ends before {@code /chat/completions}
 * @param apiKey sent as {@code Authorization: Bearer}; never logged
 */
public record ProviderEndpoint(
        String name,
        URI baseUrl,
        Optional<String> apiKey,
        Map<String, String> headers,
        boolean enabled) {

    public ProviderEndpoint {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "ProviderEndpoint[" + name + " " + baseUrl + "]";
    }
}
