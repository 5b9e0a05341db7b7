package io.signalbox.app.routes;

import io.signalbox.persistence.config.TargetMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One condition of a target's {@code match}, as a chip shows it: a header, a query parameter or the
 * request path. A target's {@link TargetMatch} is the list of these, all of which must hold.
 *
 * @param name the header or parameter name; empty for a path
 * @param value the exact value, or the path's glob
 */
public record MatchCondition(Kind kind, String name, String value) {

    /** What part of the request the condition looks at. */
    public enum Kind {
        HEADER("Header"),
        QUERY("Query"),
        PATH("Path");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The word the condition form's choice shows. */
        public String label() {
            return label;
        }
    }

    public static MatchCondition header(String name, String value) {
        return new MatchCondition(Kind.HEADER, name, value);
    }

    public static MatchCondition query(String name, String value) {
        return new MatchCondition(Kind.QUERY, name, value);
    }

    public static MatchCondition path(String glob) {
        return new MatchCondition(Kind.PATH, "", glob);
    }

    /** {@code user-type = premium}, {@code ?beta = true}, {@code path /v1/chat/*}. */
    public String chipText() {
        return switch (kind) {
            case HEADER -> name + " = " + value;
            case QUERY -> "?" + name + " = " + value;
            case PATH -> "path " + value;
        };
    }

    /** A sentence for the chip's tooltip and for screen readers. */
    public String description() {
        return switch (kind) {
            case HEADER -> "Only requests whose header " + name + " is exactly '" + value + "'";
            case QUERY ->
                    "Only requests whose query parameter " + name + " is exactly '" + value + "'";
            case PATH -> "Only requests to a path matching " + value;
        };
    }

    /** The conditions of {@code match} in the order the configuration lists them. */
    public static List<MatchCondition> listOf(TargetMatch match) {
        List<MatchCondition> conditions = new ArrayList<>();
        match.headers().forEach((name, value) -> conditions.add(header(name, value)));
        match.query().forEach((name, value) -> conditions.add(query(name, value)));
        match.path().ifPresent(glob -> conditions.add(path(glob)));
        return List.copyOf(conditions);
    }

    /** The match that holds exactly these conditions; an empty list takes every request. */
    public static TargetMatch matchOf(List<MatchCondition> conditions) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Optional<String> path = Optional.empty();
        for (MatchCondition condition : conditions) {
            switch (condition.kind) {
                case HEADER -> headers.put(condition.name, condition.value);
                case QUERY -> query.put(condition.name, condition.value);
                case PATH -> path = Optional.of(condition.value);
            }
        }
        return new TargetMatch(headers, query, path);
    }
}
