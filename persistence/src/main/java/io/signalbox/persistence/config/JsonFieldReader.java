package io.signalbox.persistence.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed fields out of a JSON tree and records a {@link ConfigProblem} for each field of the
 * wrong type instead of stopping at the first. A field that cannot be read comes back as {@code
 * null} (or the default) so that the caller can go on and find the other problems.
 */
final class JsonFieldReader {

    private final List<ConfigProblem> problems = new ArrayList<>();
    private boolean skippedElements;

    List<ConfigProblem> problems() {
        return problems;
    }

    /**
     * Whether a list element was not an object and so was dropped: later indices no longer match
     * the document, so checks that name elements by index must not run.
     */
    boolean skippedElements() {
        return skippedElements;
    }

    void problem(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    static String path(String parent, String field) {
        return parent.equals("$") ? field : parent + "." + field;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** Reports every field of {@code object} that the format does not define. */
    void rejectUnknownFields(JsonNode object, String path, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!allowed.contains(name)) {
                problem(
                        path(path, name),
                        "unknown field; allowed here: "
                                + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    String requiredString(JsonNode object, String path, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            problem(path(path, field), "is required");
            return null;
        }
        return string(value, path(path, field));
    }

    /** The string, or null when absent or of the wrong type (the latter is reported). */
    String optionalString(JsonNode object, String path, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return string(value, path(path, field));
    }

    private String string(JsonNode value, String path) {
        if (!value.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        return value.textValue();
    }

    boolean bool(JsonNode object, String path, String field, boolean defaultValue) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            problem(path(path, field), "must be true or false");
            return defaultValue;
        }
        return value.booleanValue();
    }

    /**
     * An integer within [min, max], or the default when absent; out-of-range values are reported.
     */
    int integer(JsonNode object, String path, String field, int defaultValue, int min, int max) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(path(path, field), "must be a whole number from " + min + " to " + max);
            return defaultValue;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            problem(
                    path(path, field),
                    "must be from " + min + " to " + max + " (it is " + number + ")");
            return defaultValue;
        }
        return number;
    }

    /**
     * A whole number that fits a {@code long}, or empty when absent; any other type is reported.
     * The range is the validator's to check, so the UI's own configurations get the same message.
     */
    OptionalLong optionalLong(JsonNode object, String path, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(path(path, field), "must be a whole number");
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.longValue());
    }

    /** The elements of an array field; absent means empty, any other type is reported. */
    List<JsonNode> array(JsonNode object, String path, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(path(path, field), "must be a list");
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    /** Objects of an array field; elements that are not objects are reported and skipped. */
    List<JsonNode> objects(JsonNode object, String path, String field) {
        List<JsonNode> objects = new ArrayList<>();
        List<JsonNode> elements = array(object, path, field);
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).isObject()) {
                objects.add(elements.get(i));
            } else {
                problem(index(path(path, field), i), "must be an object");
                skippedElements = true;
                objects.add(null);
            }
        }
        return objects;
    }

    List<String> strings(JsonNode object, String path, String field) {
        List<String> strings = new ArrayList<>();
        List<JsonNode> elements = array(object, path, field);
        for (int i = 0; i < elements.size(); i++) {
            String value = string(elements.get(i), index(path(path, field), i));
            if (value != null) {
                strings.add(value);
            }
        }
        return strings;
    }

    Map<String, String> stringMap(JsonNode object, String path, String field) {
        JsonNode value = object.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            problem(path(path, field), "must be an object of names to string values");
            return map;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String text = string(entry.getValue(), path(path, field) + "." + entry.getKey());
            if (text != null) {
                map.put(entry.getKey(), text);
            }
        }
        return map;
    }
}
