package io.signalbox.persistence.usage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests of the log to list, newest first. Start from {@link #newest(int)} and narrow it;
 * every filter given must match.
 *
 * <pre>{@code
 * RequestFilter.newest(50).withRoute("chat").withStatusClass(StatusClass.SERVER_ERROR)
 * }</pre>
 *
 * @param route only requests for this route name (exactly as the client sent it)
 * @param accessKeyName only requests made with this access key
 * @param status only requests answered with exactly this status
 * @param statusClass only requests answered with a status of this class; not with {@code status}
 * @param since only requests started at or after this instant
 * @param until only requests started before this instant
 * @param limit at most this many requests, 1 to {@value #MAX_LIMIT}
 */
public record RequestFilter(
        Optional<String> route,
        Optional<String> accessKeyName,
        Optional<Integer> status,
        Optional<StatusClass> statusClass,
        Optional<Instant> since,
        Optional<Instant> until,
        int limit) {

    /** Each listed request is read with its attempts: a page, not an export. */
    public static final int MAX_LIMIT = 1000;

    public RequestFilter {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(accessKeyName, "accessKeyName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusClass, "statusClass");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        status.ifPresent(
                code -> {
                    if (code < 100 || code > 599) {
                        throw new IllegalArgumentException(
                                "status must be an HTTP status (100 to 599), not " + code);
                    }
                });
        if (status.isPresent() && statusClass.isPresent()) {
            // Both at once is either redundant or matches nothing: most likely a mistake.
            throw new IllegalArgumentException("give a status or a status class, not both");
        }
        since.ifPresent(instant -> TimeRange.millis(instant, "since"));
        until.ifPresent(instant -> TimeRange.millis(instant, "until"));
        if (since.isPresent() && until.isPresent()) {
            TimeRange.of(since.get(), until.get());
        }
    }

    /** The newest {@code limit} requests, unfiltered. */
    public static RequestFilter newest(int limit) {
        return new RequestFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                limit);
    }

    public RequestFilter withRoute(String route) {
        return new RequestFilter(
                Optional.of(route), accessKeyName, status, statusClass, since, until, limit);
    }

    public RequestFilter withAccessKey(String accessKeyName) {
        return new RequestFilter(
                route, Optional.of(accessKeyName), status, statusClass, since, until, limit);
    }

    public RequestFilter withStatus(int status) {
        return new RequestFilter(
                route, accessKeyName, Optional.of(status), statusClass, since, until, limit);
    }

    public RequestFilter withStatusClass(StatusClass statusClass) {
        return new RequestFilter(
                route, accessKeyName, status, Optional.of(statusClass), since, until, limit);
    }

    public RequestFilter withSince(Instant since) {
        return new RequestFilter(
                route, accessKeyName, status, statusClass, Optional.of(since), until, limit);
    }

    public RequestFilter withUntil(Instant until) {
        return new RequestFilter(
                route, accessKeyName, status, statusClass, since, Optional.of(until), limit);
    }
}
