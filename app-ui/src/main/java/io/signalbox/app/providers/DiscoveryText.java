package io.signalbox.app.providers;

import io.signalbox.app.discovery.DiscoveryException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The words the models section uses for a discovery's outcome. */
final class DiscoveryText {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private DiscoveryText() {}

    /** A short headline for a failed discovery; the exception's message says the rest. */
    static String headline(DiscoveryException.Kind kind) {
        return switch (kind) {
            case WRONG_KEY -> "Wrong or missing API key";
            case NOT_FOUND -> "Wrong base URL";
            case NOT_JSON, UNEXPECTED_SHAPE -> "No model list at this address";
            case UNREACHABLE -> "Server unreachable";
            case TIMEOUT -> "No answer in time";
            case SERVER_ERROR -> "The server had an error";
            case UNEXPECTED_STATUS -> "Unexpected answer";
            case INVALID_SETTINGS -> "Check the provider settings";
            case CANCELLED -> "Discovery cancelled";
        };
    }

    /** "14 models · 2 new, 1 removed since 3 Nov 14:02", or "14 models found" the first time. */
    static String summary(
            int models, int added, int gone, Optional<Instant> previous, ZoneId zone) {
        String count = models == 1 ? "1 model" : models + " models";
        if (previous.isEmpty()) {
            return count + " found";
        }
        String since = " since " + WHEN.format(previous.get().atZone(zone));
        if (added == 0 && gone == 0) {
            return count + " · no change" + since;
        }
        return count + " · " + added + " new, " + gone + " removed" + since;
    }
}
