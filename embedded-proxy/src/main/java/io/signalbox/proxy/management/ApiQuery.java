package io.signalbox.proxy.management;

import io.signalbox.proxy.management.ManagementApi.Bucket;
import io.signalbox.proxy.management.ManagementApi.Grouping;
import io.signalbox.proxy.management.ManagementApi.RequestSelection;
import io.signalbox.proxy.management.ManagementApi.UsageSelection;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the query parameters of the management calls into selections, strictly: an unknown or
 * repeated parameter, or a value that does not parse, is a 400 that names it (like the
 * configuration import, which refuses unknown fields rather than guess).
 */
final class ApiQuery {

    /** The window {@code /api/usage} reports when the caller gives none. */
    static final Duration DEFAULT_USAGE_WINDOW = Duration.ofHours(24);

    static final int DEFAULT_REQUEST_LIMIT = 50;

    static final Set<String> CONFIG_PARAMETERS = Set.of("secrets");
    static final Set<String> USAGE_PARAMETERS = Set.of("since", "until", "groupBy", "bucket");
    static final Set<String> REQUEST_PARAMETERS =
            Set.of("limit", "route", "key", "status", "since", "until");
    private static final Set<String> STATUS_CLASSES = Set.of("2xx", "4xx", "5xx");

    private final Map<String, List<String>> parameters;

    private ApiQuery(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    /** The parameters, checked against the ones the call knows. */
    static ApiQuery of(Map<String, List<String>> parameters, Set<String> known)
            throws ManagementException {
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw ManagementException.badRequest(
                        "Unknown parameter '"
                                + name
                                + "'; this call takes "
                                + (known.isEmpty()
                                        ? "no parameters"
                                        : String.join(", ", new TreeSet<>(known))));
            }
        }
        return new ApiQuery(parameters);
    }

    /** {@code ?secrets=true}: whether the exported configuration includes secrets. */
    static boolean secrets(Map<String, List<String>> parameters) throws ManagementException {
        Optional<String> value = of(parameters, CONFIG_PARAMETERS).text("secrets");
        if (value.isEmpty() || value.get().equals("false")) {
            return false;
        }
        if (value.get().equals("true")) {
            return true;
        }
        throw ManagementException.badRequest("secrets must be true or false");
    }

    /**
     * The usage selection; by default the last 24 hours up to {@code now}, grouped by route, with
     * no series.
     */
    static UsageSelection usage(Map<String, List<String>> parameters, Instant now)
            throws ManagementException {
        ApiQuery query = of(parameters, USAGE_PARAMETERS);
        Optional<Instant> since = query.instant("since");
        // The store counts whole milliseconds; a default bound shown with nanoseconds would not.
        Instant until = query.instant("until").orElse(now.truncatedTo(ChronoUnit.MILLIS));
        Instant from = since.orElse(until.minus(DEFAULT_USAGE_WINDOW));
        requireOrder(from, until);
        return new UsageSelection(
                from,
                until,
                query.word("groupBy", Grouping.class).orElse(Grouping.ROUTE),
                query.word("bucket", Bucket.class));
    }

    /** The request selection; by default the newest {@value #DEFAULT_REQUEST_LIMIT}, unfiltered. */
    static RequestSelection requests(Map<String, List<String>> parameters)
            throws ManagementException {
        ApiQuery query = of(parameters, REQUEST_PARAMETERS);
        int limit = query.integer("limit", 1, ManagementApi.MAX_REQUESTS, DEFAULT_REQUEST_LIMIT);
        Optional<String> status = query.text("status");
        Optional<Integer> exact = Optional.empty();
        Optional<String> statusClass = Optional.empty();
        if (status.isPresent()) {
            String value = status.get().toLowerCase(Locale.ROOT);
            if (STATUS_CLASSES.contains(value)) {
                statusClass = Optional.of(value);
            } else {
                exact = Optional.of(query.integer("status", 100, 599, 0));
            }
        }
        Optional<Instant> since = query.instant("since");
        Optional<Instant> until = query.instant("until");
        if (since.isPresent() && until.isPresent()) {
            requireOrder(since.get(), until.get());
        }
        return new RequestSelection(
                limit, query.text("route"), query.text("key"), exact, statusClass, since, until);
    }

    private static void requireOrder(Instant since, Instant until) throws ManagementException {
        if (!since.isBefore(until)) {
            throw ManagementException.badRequest(
                    "since (" + since + ") must be before until (" + until + ")");
        }
    }

    /** The one value of {@code name}; a parameter given twice or empty is refused. */
    Optional<String> text(String name) throws ManagementException {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ManagementException.badRequest("The parameter '" + name + "' is given twice");
        }
        String value = values.get(0);
        if (value == null || value.isBlank()) {
            throw ManagementException.badRequest("The parameter '" + name + "' is empty");
        }
        return Optional.of(value.strip());
    }

    /**
     * An ISO-8601 instant with an offset: {@code 2026-01-31T12:00:00Z} or {@code
     * 2026-01-31T13:00:00+01:00}.
     */
    Optional<Instant> instant(String name) throws ManagementException {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        // An unencoded '+' of an offset arrives as a space: take it back rather than refuse.
        String text = value.get().replace(' ', '+');
        try {
            return Optional.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
        } catch (DateTimeParseException e) {
            throw ManagementException.badRequest(
                    name
                            + " must be an ISO-8601 time with an offset, e.g."
                            + " 2026-01-31T12:00:00Z, not '"
                            + value.get()
                            + "'");
        }
    }

    int integer(String name, int min, int max, int absent) throws ManagementException {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a number out of range.
        }
        throw ManagementException.badRequest(
                name + " must be a whole number from " + min + " to " + max);
    }

    /** One of the enum's constants, written in lower case. */
    <E extends Enum<E>> Optional<E> word(String name, Class<E> type) throws ManagementException {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.get())) {
                return Optional.of(constant);
            }
        }
        throw ManagementException.badRequest(
                name
                        + " must be one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(ApiQuery::lowerCase)
                                .collect(Collectors.joining(", "))
                        + ", not '"
                        + value.get()
                        + "'");
    }

    static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
