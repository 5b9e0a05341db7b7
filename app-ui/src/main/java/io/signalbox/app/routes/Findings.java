package io.signalbox.app.routes;

import java.util.HashMap;
import java.util.Map;

/**
 * What is wrong with a route draft, by the field it belongs to, so the editor can show each message
 * next to its field. A null field has nothing wrong. Rows are keyed by their index in the list.
 */
final class Findings {

    String name;
    String targets;
    String fallbacks;
    String timeout;
    String retries;

    /** Whatever belongs to no field of the editor, e.g. a problem elsewhere in the config. */
    String general;

    final Map<Integer, String> targetRows = new HashMap<>();
    final Map<Integer, String> fallbackRows = new HashMap<>();

    boolean isEmpty() {
        return name == null
                && targets == null
                && fallbacks == null
                && timeout == null
                && retries == null
                && general == null
                && targetRows.isEmpty()
                && fallbackRows.isEmpty();
    }

    /** Keeps the first message of a field: the first problem found is usually the cause. */
    static String first(String existing, String next) {
        return existing != null ? existing : next;
    }
}
