package io.signalbox.proxy.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a client request that match conditions look at, taken out of the HTTP request so
 * that the planner stays pure and tests build one in a line.
 *
 * @param headers header values by lower-case name: HTTP header names are case-insensitive (RFC 9110
 *     section 5.1), values are compared exactly
 * @param query query parameter values by name, decoded; names are case-sensitive like in a URL
 * @param path the request path, such as {@code /v1/chat/completions}
 */
public record RequestView(
        Map<String, List<String>> headers, Map<String, List<String>> query, String path) {

    /** No headers, no query, an empty path: only targets without conditions match it. */
    public static final RequestView NONE = new RequestView(Map.of(), Map.of(), "");

    public RequestView {
        Map<String, List<String>> lowered = new LinkedHashMap<>();
        headers.forEach(
                (name, values) ->
                        lowered.computeIfAbsent(
                                        name.toLowerCase(Locale.ROOT),
                                        k -> new java.util.ArrayList<>())
                                .addAll(values));
        headers = copy(lowered);
        query = copy(query);
        Objects.requireNonNull(path, "path");
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return Map.copyOf(copy);
    }

    /** True when the header (any case) was sent with exactly this value, once or among others. */
    public boolean hasHeader(String name, String value) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).contains(value);
    }

    public boolean hasQuery(String name, String value) {
        return query.getOrDefault(name, List.of()).contains(value);
    }
}
