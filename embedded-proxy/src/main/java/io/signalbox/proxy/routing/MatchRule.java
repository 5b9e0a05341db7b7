package io.signalbox.proxy.routing;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The conditions a request must meet for a target to take it; every condition must hold. A rule
 * with no conditions ({@link #ANY}) matches every request.
 *
 * @param headers header name (any case) to the exact value it must have
 * @param query query parameter name to the exact value it must have
 * @param path a glob over the request path ({@code /v1/chat/*}): {@code *} is any run of characters
 *     including {@code /}, {@code ?} one character
 */
public record MatchRule(
        Map<String, String> headers, Map<String, String> query, Optional<String> path) {

    public static final MatchRule ANY = new MatchRule(Map.of(), Map.of(), Optional.empty());

    public MatchRule {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
        Objects.requireNonNull(path, "path");
    }

    public boolean isAny() {
        return headers.isEmpty() && query.isEmpty() && path.isEmpty();
    }

    public boolean matches(RequestView request) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!request.hasHeader(header.getKey(), header.getValue())) {
                return false;
            }
        }
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (!request.hasQuery(parameter.getKey(), parameter.getValue())) {
                return false;
            }
        }
        return path.map(glob -> Glob.matches(glob, request.path())).orElse(true);
    }
}
