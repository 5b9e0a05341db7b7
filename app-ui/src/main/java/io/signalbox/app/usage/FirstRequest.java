package io.signalbox.app.usage;

import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.util.Optional;

/**
 * The first request a new user can paste into a terminal: a curl line with the proxy's real base
 * URL and a real route name, and the access key header when the proxy wants one.
 */
public final class FirstRequest {

    /** The model name used when no route could be called by name yet. */
    static final String NO_ROUTE = "YOUR-ROUTE";

    private FirstRequest() {}

    /**
     * @param baseUrl the proxy's base URL, e.g. {@code http://127.0.0.1:8337/v1}
     */
    public static String curl(String baseUrl, SignalboxConfig config) {
        String route = callableRoute(config).orElse(NO_ROUTE);
        String body =
                "{\"model\":\""
                        + json(route)
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        StringBuilder curl =
                new StringBuilder("curl ")
                        .append(baseUrl)
                        .append("/chat/completions -H 'Content-Type: application/json'");
        if (!config.accessKeys().isEmpty()) {
            // Once any access key exists the proxy asks every caller for one.
            curl.append(" -H 'Authorization: Bearer YOUR-ACCESS-KEY'");
        }
        return curl.append(" -d '").append(shell(body)).append('\'').toString();
    }

    /** What to say above the curl line. */
    public static String advice(SignalboxConfig config) {
        if (callableRoute(config).isEmpty()) {
            return "No requests yet. Add a route on the Routes screen, then call it from any"
                    + " OpenAI client, or paste this into a terminal with your route's name:";
        }
        String advice =
                "No requests yet. Point any OpenAI client at Signalbox with a route name as the"
                        + " model, or paste this into a terminal:";
        if (!config.accessKeys().isEmpty()) {
            advice += " (put one of your access keys in place of YOUR-ACCESS-KEY)";
        }
        return advice;
    }

    /**
     * The first enabled route a client can name as is: a glob such as {@code gpt-*} is not itself a
     * model name anyone would send.
     */
    static Optional<String> callableRoute(SignalboxConfig config) {
        return config.routes().stream()
                .filter(RouteConfig::enabled)
                .map(RouteConfig::name)
                .filter(name -> name.indexOf('*') < 0 && name.indexOf('?') < 0)
                .findFirst();
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Inside single quotes a shell takes everything literally except the single quote itself. */
    private static String shell(String text) {
        return text.replace("'", "'\\''");
    }
}
