package io.signalbox.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Times as the key list shows them, in the clock's zone: "2026-11-22", "5 min ago". */
final class When {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;

    When(Clock clock) {
        this.clock = clock;
    }

    String date(Instant instant) {
        return DATE.format(instant.atZone(clock.getZone()));
    }

    /** "never", "just now", "12 min ago", "today 09:15", "yesterday 18:40", or the date. */
    String ago(Optional<Instant> instant) {
        if (instant.isEmpty()) {
            return "never";
        }
        Instant now = clock.instant();
        Duration since = Duration.between(instant.get(), now);
        if (since.compareTo(Duration.ofMinutes(1)) < 0) {
            return "just now";
        }
        if (since.compareTo(Duration.ofHours(1)) < 0) {
            return since.toMinutes() + " min ago";
        }
        ZonedDateTime at = instant.get().atZone(clock.getZone());
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (at.toLocalDate().equals(today)) {
            return "today " + TIME.format(at);
        }
        if (at.toLocalDate().equals(today.minusDays(1))) {
            return "yesterday " + TIME.format(at);
        }
        return DATE_TIME.format(at);
    }
}
