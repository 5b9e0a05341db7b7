package io.signalbox.persistence.config;

import java.util.Arrays;
import java.util.Optional;

/** {@code routes[].selection}: how a route makes the first pick of a request. */
public enum RouteSelection {
    /** In proportion to the targets' weights, at random: the default. */
    WEIGHTED("weighted"),
    /** Strict turns over the targets that may take the request, weights ignored. */
    ROUND_ROBIN("round_robin");

    private final String json;

    RouteSelection(String json) {
        this.json = json;
    }

    /** The word in the configuration document. */
    public String json() {
        return json;
    }

    static Optional<RouteSelection> fromJson(String text) {
        return Arrays.stream(values()).filter(value -> value.json.equals(text)).findFirst();
    }
}
