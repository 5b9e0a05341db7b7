package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the Retry-After reading: whatever a provider (or a proxy in front of it) puts in the two
 * headers, the answer is a wait between zero and the cap, or none, never an exception; and every
 * well-formed value means exactly what it says. Seeded, so a failure reproduces and names its
 * input.
 */
class RetryAfterFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private static final String[] PIECES = {
        "0",
        "1",
        "9",
        ".",
        "-",
        "+",
        "e",
        "E",
        " ",
        "\t",
        "NaN",
        "Infinity",
        "٣",
        "１",
        "0x1f",
        "Sun, ",
        "22 Nov 2026 ",
        "10:15:31 GMT",
        "GMT",
        ",",
        ":",
        "\u0000",
        "ß",
        "9999999999999999999"
    };

    @Test
    void anythingInTheHeadersGivesABoundedWaitOrNone() {
        Random random = new Random(20261122L);
        for (int run = 0; run < 20_000; run++) {
            String millis = random.nextInt(3) == 0 ? null : randomHeader(random);
            String seconds = random.nextInt(3) == 0 ? null : randomHeader(random);

            Optional<Duration> wait = RetryAfter.parse(millis, seconds, NOW);

            String input = "case " + run + ": [" + millis + "] [" + seconds + "]";
            wait.ifPresent(
                    duration ->
                            assertThat(duration)
                                    .as(input)
                                    .isBetween(Duration.ZERO, RetryAfter.CAP));
        }
    }

    @Test
    void wellFormedValuesMeanWhatTheySay() {
        Random random = new Random(20261123L);
        DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        for (int run = 0; run < 5_000; run++) {
            long seconds = random.nextInt(3_600);
            int fraction = random.nextInt(1_000);
            String decimal = seconds + "." + String.format("%03d", fraction);
            Duration exact = Duration.ofSeconds(seconds).plusMillis(fraction);
            String input = "case " + run + ": " + decimal;

            assertThat(RetryAfter.parse(null, String.valueOf(seconds), NOW))
                    .as(input)
                    .contains(Duration.ofSeconds(seconds));
            assertThat(RetryAfter.parse(null, " " + decimal + " ", NOW)).as(input).contains(exact);
            // retry-after-ms is in milliseconds and wins over Retry-After when it reads.
            BigDecimal millis = new BigDecimal(decimal).movePointRight(3);
            assertThat(RetryAfter.parse(millis.toPlainString(), "7", NOW))
                    .as(input)
                    .contains(exact);
            assertThat(RetryAfter.parse("soon", String.valueOf(seconds), NOW))
                    .as(input)
                    .contains(Duration.ofSeconds(seconds));
            assertThat(RetryAfter.parse(null, http.format(NOW.plusSeconds(seconds)), NOW))
                    .as(input)
                    .contains(Duration.ofSeconds(seconds));
            assertThat(RetryAfter.parse(null, http.format(NOW.minusSeconds(seconds)), NOW))
                    .as(input)
                    .contains(Duration.ZERO);
        }
    }

    @Test
    void waitsLongerThanTheCapAreCapped() {
        assertThat(RetryAfter.parse(null, "3601", NOW)).contains(RetryAfter.CAP);
        assertThat(RetryAfter.parse("9".repeat(5_000), null, NOW)).contains(RetryAfter.CAP);
        assertThat(RetryAfter.parse(null, "Sun, 22 Nov 2099 10:15:30 GMT", NOW))
                .contains(RetryAfter.CAP);
    }

    private static String randomHeader(Random random) {
        StringBuilder value = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            if (random.nextInt(8) == 0) {
                value.append((char) random.nextInt(0x3000));
            } else {
                value.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return value.toString();
    }
}
