package io.signalbox.proxy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyTokensTodayTest {

    /** Berlin: a day that is not a UTC day, and a daylight saving change on 2026-03-29. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** 2026-03-10 22:30 in Berlin, 21:30 UTC. */
    private static final Instant EVENING = Instant.parse("2026-03-10T21:30:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(EVENING);
    private final KeyTokensToday tokens = new KeyTokensToday(clock());

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return BERLIN;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private static Caller alice(long limit) {
        return new Caller(Optional.of("alice"), Set.of(), OptionalLong.of(limit));
    }

    @ParameterizedTest(name = "limit {0}: warned from {1}")
    @CsvSource({
        "10, 8",
        "7, 6",
        "1000, 800",
        "1, 1",
        "5, 4",
        "9223372036854775807, 7378697629483820646"
    })
    void warnsFromEightyPercentRoundedUp(long limit, long threshold) {
        assertThat(KeyTokensToday.warningThreshold(limit)).isEqualTo(threshold);
    }

    @Test
    void aKeyMovesFromWithinToWarningToExhaustedAsItsTokensAddUp() {
        assertThat(tokens.allowance(alice(1000), now.get()).state())
                .isEqualTo(TokenAllowance.State.WITHIN);

        tokens.add("alice", now.get(), 799);
        assertThat(tokens.allowance(alice(1000), now.get()).state())
                .isEqualTo(TokenAllowance.State.WITHIN);

        tokens.add("alice", now.get(), 1);
        TokenAllowance warning = tokens.allowance(alice(1000), now.get());
        assertThat(warning.state()).isEqualTo(TokenAllowance.State.WARNING);
        assertThat(warning.remaining()).isEqualTo(200);

        tokens.add("alice", now.get(), 250);
        TokenAllowance exhausted = tokens.allowance(alice(1000), now.get());
        assertThat(exhausted.state()).isEqualTo(TokenAllowance.State.EXHAUSTED);
        assertThat(exhausted.used()).isEqualTo(1050);
        assertThat(exhausted.remaining()).isZero();
        assertThat(exhausted.resetsAt())
                .as("local midnight in Berlin")
                .isEqualTo(Instant.parse("2026-03-10T23:00:00Z"));
    }

    @Test
    void keysWithoutALimitAndCallsWithoutAKeyAreUnlimited() {
        tokens.add("bob", now.get(), 1_000_000);

        assertThat(tokens.allowance(new Caller(Optional.of("bob"), Set.of()), now.get()).state())
                .isEqualTo(TokenAllowance.State.UNLIMITED);
        assertThat(tokens.allowance(Caller.ANONYMOUS, now.get()).state())
                .isEqualTo(TokenAllowance.State.UNLIMITED);
        assertThat(tokens.usedToday("bob")).isEqualTo(1_000_000);
    }

    @Test
    void theCountStartsAgainAtLocalMidnight() {
        tokens.add("alice", now.get(), 5000);
        assertThat(tokens.allowance(alice(1000), now.get()).state())
                .isEqualTo(TokenAllowance.State.EXHAUSTED);

        now.set(Instant.parse("2026-03-10T23:00:00Z")); // 00:00 in Berlin

        assertThat(tokens.allowance(alice(1000), now.get()).state())
                .isEqualTo(TokenAllowance.State.WITHIN);
        assertThat(tokens.usedToday("alice")).isZero();
    }

    @Test
    void aRequestCountsTowardTheDayItStartedIn() {
        Instant beforeMidnight = Instant.parse("2026-03-10T22:59:59Z");
        now.set(Instant.parse("2026-03-10T23:00:05Z"));

        // Started yesterday, finished today: it belongs to yesterday, as in the request log.
        tokens.add("alice", beforeMidnight, 500);

        assertThat(tokens.usedToday("alice")).isZero();
        assertThat(tokens.snapshot()).isEmpty();
    }

    @Test
    void aSeedKeepsTheLargerOfTheCountHereAndTheStoredOne() {
        tokens.add("alice", now.get(), 300);
        tokens.add("bob", now.get(), 50);

        tokens.seed(Map.of("alice", 100L, "bob", 70L, "carol", 9L), now.get());

        assertThat(tokens.snapshot()).isEqualTo(Map.of("alice", 300L, "bob", 70L, "carol", 9L));
    }

    @Test
    void aSeedReadBeforeMidnightIsIgnoredAfterIt() {
        now.set(Instant.parse("2026-03-10T23:00:01Z"));
        tokens.add("alice", now.get(), 10);

        tokens.seed(Map.of("alice", 900L), EVENING);

        assertThat(tokens.usedToday("alice")).isEqualTo(10);
    }

    @Test
    void dayBoundsFollowDaylightSavingTime() {
        // 2026-03-29 in Berlin has 23 hours.
        Instant noon = Instant.parse("2026-03-29T10:00:00Z");

        assertThat(Duration.between(tokens.startOfDay(noon), tokens.endOfDay(noon)))
                .isEqualTo(Duration.ofHours(23));
        assertThat(tokens.startOfDay(noon)).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    }
}
