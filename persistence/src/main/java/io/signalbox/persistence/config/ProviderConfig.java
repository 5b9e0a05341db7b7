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
 */
public record ProviderConfig(
        String name,
        String type,
        String baseUrl,
        Optional<String> apiKey,
        Map<String, String> headers,
        List<String> models,
        boolean enabled) {

    public static final String TYPE_OPENAI = "openai";

    public ProviderConfig {
        apiKey = apiKey == null ? Optional.empty() : apiKey;
        // Insertion order is kept so exports list headers as the user wrote them.
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        models = List.copyOf(models);
    }

    /** Leaves the provider's key out of {@link #toString()} so it cannot end up in a log. */
    @Override
    public String toString() {
        return "ProviderConfig[name=%s, baseUrl=%s, apiKey=%s, headers=%s, models=%s, enabled=%s]"
                .formatted(
                        name,
                        baseUrl,
                        apiKey.isPresent() ? "(set)" : "(none)",
                        headers.keySet(),
                        models,
                        enabled);
    }
}
