package io.signalbox.app.providers;

import io.signalbox.persistence.config.ConfigProblem;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The fields of the provider editor that a problem can be shown next to. */
public enum ProviderField {
    NAME,
    BASE_URL,
    API_KEY,
    HEADERS,
    /** The trusted certificate (PEM) for a provider with a self-signed or private certificate. */
    CERTIFICATE,
    MODELS,
    /** Anything else, shown above the buttons: another part of the configuration, for one. */
    GENERAL;

    /**
     * Each field's problems among {@code problems}, the ones of the provider at {@code index} by
     * their JSON path (e.g. {@code providers[2].baseUrl}), all others as {@link #GENERAL}. Several
     * problems of one field are joined into one text.
     */
    static Map<ProviderField, String> of(List<ConfigProblem> problems, int index) {
        Map<ProviderField, String> fields = new EnumMap<>(ProviderField.class);
        String prefix = "providers[" + index + "]";
        for (ConfigProblem problem : problems) {
            ProviderField field;
            String text;
            if (problem.path().startsWith(prefix + ".")) {
                String rest = problem.path().substring(prefix.length() + 1);
                field = forPath(rest);
                text =
                        field == HEADERS
                                ? headerText(rest, problem.message())
                                : capitalized(problem.message());
            } else {
                field = GENERAL;
                text = problem.path() + ": " + problem.message();
            }
            fields.merge(field, text, (first, second) -> first + "\n" + second);
        }
        return fields;
    }

    private static ProviderField forPath(String rest) {
        if (rest.equals("name")) {
            return NAME;
        }
        if (rest.equals("baseUrl")) {
            return BASE_URL;
        }
        if (rest.equals("apiKey")) {
            return API_KEY;
        }
        if (rest.startsWith("headers")) {
            return HEADERS;
        }
        if (rest.equals("trustedCertificate")) {
            return CERTIFICATE;
        }
        if (rest.startsWith("models")) {
            return MODELS;
        }
        return GENERAL;
    }

    /** "X-Team: is not a valid HTTP header name": the path names the header, the message not. */
    private static String headerText(String rest, String message) {
        String header = rest.startsWith("headers.") ? rest.substring("headers.".length()) : "";
        return header.isEmpty() ? message : header + ": " + message;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
