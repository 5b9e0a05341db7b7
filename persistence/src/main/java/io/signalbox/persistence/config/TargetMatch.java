package io.signalbox.persistence.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The conditions a request must meet for a target to take it ({@code targets[].match}); all must
 * hold. {@link #NONE} (the field left out) matches every request.
 *
 * @param headers header name (any case) to its exact value
 * @param query query parameter name to its exact value
 * @param path a glob over the request path, such as {@code /v1/chat/*}
 */
public record TargetMatch(
        Map<String, String> headers, Map<String, String> query, Optional<String> path) {

    public static final TargetMatch NONE = new TargetMatch(Map.of(), Map.of(), Optional.empty());

    public TargetMatch {
        // Insertion order is kept so exports list conditions as the user wrote them.
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        Objects.requireNonNull(path, "path");
    }

    public boolean isNone() {
        return headers.isEmpty() && query.isEmpty() && path.isEmpty();
    }
}
