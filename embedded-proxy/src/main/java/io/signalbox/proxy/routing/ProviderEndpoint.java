package io.signalbox.proxy.routing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how to reach an upstream OpenAI-compatible server.
 *
 * @param baseUrl ends before {@code /chat/completions}
 * @param apiKey sent as {@code Authorization: Bearer}; never logged
 * @param trustedCertificate PEM certificates trusted for this provider's TLS besides the default
 *     store (a self-signed server, a company CA); TLS is verified either way
 */
public record ProviderEndpoint(
        String name,
        URI baseUrl,
        Optional<String> apiKey,
        Map<String, String> headers,
        boolean enabled,
        Optional<String> trustedCertificate) {

    public ProviderEndpoint {
        headers = Map.copyOf(headers);
        trustedCertificate = trustedCertificate == null ? Optional.empty() : trustedCertificate;
    }

    /** A provider that trusts only the default certificate store. */
    public ProviderEndpoint(
            String name,
            URI baseUrl,
            Optional<String> apiKey,
            Map<String, String> headers,
            boolean enabled) {
        this(name, baseUrl, apiKey, headers, enabled, Optional.empty());
    }

    @Override
    public String toString() {
        return "ProviderEndpoint[" + name + " " + baseUrl + "]";
    }
}
