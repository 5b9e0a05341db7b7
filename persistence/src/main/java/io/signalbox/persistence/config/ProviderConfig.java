package io.signalbox.persistence.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenAI-compatible upstream server.
 *
 * @param baseUrl ends before {@code /chat/completions}, e.g. {@code http://localhost:11434/v1}
 * @param apiKey the provider's key, absent for local servers or when an export left it out
 * @param headers extra headers sent with every upstream request (may hold secrets too)
 * @param models the models the user selected from discovery
 * @param trustedCertificate PEM certificates trusted for this provider's TLS besides the default
 *     store (a self-signed server); public, so stored in plain text and exported
 */
public record ProviderConfig(
        String name,
        String type,
        String baseUrl,
        Optional<String> apiKey,
        Map<String, String> headers,
        List<String> models,
        boolean enabled,
        Optional<String> trustedCertificate) {

    public static final String TYPE_OPENAI = "openai";

    public ProviderConfig {
        apiKey = apiKey == null ? Optional.empty() : apiKey;
        trustedCertificate = trustedCertificate == null ? Optional.empty() : trustedCertificate;
        // Insertion order is kept so exports list headers as the user wrote them.
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        models = List.copyOf(models);
    }

    /** A provider that trusts only the default certificate store. */
    public ProviderConfig(
            String name,
            String type,
            String baseUrl,
            Optional<String> apiKey,
            Map<String, String> headers,
            List<String> models,
            boolean enabled) {
        this(name, type, baseUrl, apiKey, headers, models, enabled, Optional.empty());
    }

    public ProviderConfig withTrustedCertificate(Optional<String> pem) {
        return new ProviderConfig(name, type, baseUrl, apiKey, headers, models, enabled, pem);
    }

    /** Leaves the provider's key out of {@link #toString()} so it cannot end up in a log. */
    @Override
    public String toString() {
        String format =
                "ProviderConfig[name=%s, baseUrl=%s, apiKey=%s, headers=%s, models=%s, enabled=%s,"
                        + " trustedCertificate=%s]";
        return format.formatted(
                name,
                baseUrl,
                apiKey.isPresent() ? "(set)" : "(none)",
                headers.keySet(),
                models,
                enabled,
                trustedCertificate.isPresent() ? "(set)" : "(none)");
    }
}
