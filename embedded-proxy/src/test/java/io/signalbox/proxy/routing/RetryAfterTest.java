package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    /** Wed, 21 Oct 2015 07:28:00 GMT, the example date of RFC 9110. */
    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @ParameterizedTest(name = "retry-after-ms {0} -> {1} ns")
    @CsvSource({
        "1500, 1500000000",
        "0, 0",
        "1500.5, 1500500000",
        "' 250 ', 250000000",
        "2.25, 2250000"
    })
    void readsMillisecondHeader(String header, long expectedNanos) {
        assertThat(RetryAfter.parse(header, null, NOW)).contains(Duration.ofNanos(expectedNanos));
    }

    @ParameterizedTest(name = "Retry-After {0} -> {1} ms")
    @CsvSource({"2, 2000", "2.5, 2500", "0, 0", "' 7 ', 7000", "0.001, 1", "120, 120000"})
    void readsSecondsHeader(String header, long expectedMillis) {
        assertThat(RetryAfter.parse(null, header, NOW)).contains(Duration.ofMillis(expectedMillis));
    }

    @Test
    void millisecondHeaderWinsOverSeconds() {
        assertThat(RetryAfter.parse("1500", "30", NOW)).contains(Duration.ofMillis(1500));
    }

    @Test
    void invalidMillisecondHeaderFallsBackToRetryAfter() {
        assertThat(RetryAfter.parse("soon", "3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("-5", "3", NOW)).contains(Duration.ofSeconds(3));
    }

    @Test
    void readsHttpDateAsTimeUntilIt() {
        assertThat(RetryAfter.parse(null, "Wed, 21 Oct 2015 07:28:42 GMT", NOW))
                .contains(Duration.ofSeconds(42));
    }

    @Test
    void httpDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse(null, "Wed, 21 Oct 2015 07:00:00 GMT", NOW))
                .contains(Duration.ZERO);
    }

    @Test
    void capsAbsurdWaitsAtOneHour() {
        assertThat(RetryAfter.parse("999999999999", null, NOW)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse(null, "86400", NOW)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse(null, "1" + "0".repeat(40), NOW)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse(null, "Thu, 22 Oct 2015 07:28:00 GMT", NOW))
                .contains(Duration.ofHours(1));
    }

    @Test
    void exactlyOneHourIsKept() {
        assertThat(RetryAfter.parse(null, "3600", NOW)).contains(Duration.ofHours(1));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "-1",
                "-0.5",
                "+2",
                "abc",
                "2s",
                "1e3",
                "NaN",
                "Infinity",
                "1.2.3",
                ".",
                "0x10",
                "Wed, 21 Oct 2015",
                "2015-10-21T07:28:42Z",
                "Wed, 32 Oct 2015 07:28:42 GMT"
            })
    void ignoresGarbage(String header) {
        assertThat(RetryAfter.parse(header, header, NOW)).isEmpty();
    }

    @Test
    void noHeadersMeansNoWait() {
        assertThat(RetryAfter.parse(null, null, NOW)).isEmpty();
    }
}
