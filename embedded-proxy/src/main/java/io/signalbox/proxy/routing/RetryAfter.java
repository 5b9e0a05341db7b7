package io.signalbox.proxy.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider asked us to wait, from the headers OpenAI's own SDKs honour.
 *
 * <p>{@code retry-after-ms} (OpenAI, Azure) is more precise, so it wins when it parses. {@code
 * Retry-After} is delta-seconds or an HTTP-date (RFC 9110 section 10.2.3); providers also send
 * decimal seconds ("2.5"), which the OpenAI SDKs accept, so we do too. Anything unreadable is
 * ignored rather than guessed at: the caller then uses its default cooldown.
 */
public final class RetryAfter {

    /**
     * A provider that says "come back tomorrow" would otherwise take a target out for a day on one
     * header; an hour bounds the damage of a misconfigured upstream.
     */
    static final Duration CAP = Duration.ofHours(1);

    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal CAP_NANOS = BigDecimal.valueOf(CAP.toNanos());

    private RetryAfter() {}

    /**
     * @param retryAfterMs the {@code retry-after-ms} header value, or null
     * @param retryAfter the {@code Retry-After} header value, or null
     * @param now the instant the response arrived, for the HTTP-date form
     * @return the wait, between zero and one hour, or empty when neither header is usable
     */
    public static Optional<Duration> parse(String retryAfterMs, String retryAfter, Instant now) {
        Optional<Duration> millis = decimal(retryAfterMs, NANOS_PER_MILLI);
        if (millis.isPresent()) {
            return millis;
        }
        Optional<Duration> seconds = decimal(retryAfter, NANOS_PER_SECOND);
        if (seconds.isPresent()) {
            return seconds;
        }
        return httpDate(retryAfter, now);
    }

    /**
     * Plain digits with at most one decimal point. Signs, exponents, "NaN" and "Infinity" are
     * refused, which is why this is not {@code Double.parseDouble}.
     */
    private static Optional<Duration> decimal(String value, BigDecimal nanosPerUnit) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (!isPlainDecimal(text)) {
            return Optional.empty();
        }
        BigDecimal nanos = new BigDecimal(text).multiply(nanosPerUnit);
        if (nanos.compareTo(CAP_NANOS) >= 0) {
            return Optional.of(CAP);
        }
        return Optional.of(Duration.ofNanos(nanos.longValue()));
    }

    private static boolean isPlainDecimal(String text) {
        int digits = 0;
        int points = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.') {
                points++;
            } else {
                return false;
            }
        }
        return digits > 0 && points <= 1;
    }

    private static Optional<Duration> httpDate(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Instant until;
        try {
            until =
                    ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (!until.isAfter(now)) {
            // A date in the past (or a skewed clock) means "now", not "ignore the header".
            return Optional.of(Duration.ZERO);
        }
        Duration wait = Duration.between(now, until);
        return Optional.of(wait.compareTo(CAP) > 0 ? CAP : wait);
    }
}
