package io.signalbox.app.providers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Extra headers as the editor shows them: one {@code Name: value} a line, in the order written.
 * Whether a name or value is allowed is left to the configuration check, which names the header.
 */
final class HeaderLines {

    private HeaderLines() {}

    static String format(Map<String, String> headers) {
        return headers.entrySet().stream()
                .map(header -> header.getKey() + ": " + header.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** The headers of {@code text}; blank lines are skipped. */
    static Map<String, String> parse(String text) throws BadLine {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadLine("Line " + (i + 1) + ": write it as Name: value");
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            Optional<String> same =
                    headers.keySet().stream()
                            .filter(
                                    other ->
                                            other.toLowerCase(Locale.ROOT)
                                                    .equals(name.toLowerCase(Locale.ROOT)))
                            .findFirst();
            if (same.isPresent()) {
                throw new BadLine("Line " + (i + 1) + ": " + name + " is set twice");
            }
            headers.put(name, value);
        }
        return headers;
    }

    /** A line that is not a header; the message names the line, never its value. */
    static final class BadLine extends Exception {

        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }
}
