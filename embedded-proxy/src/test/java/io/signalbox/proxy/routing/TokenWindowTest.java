package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @ParameterizedTest(name = "{0} s after the first call: {1} tokens count")
    @CsvSource({"0, 100", "30, 150", "59.9, 150", "60, 50", "89.9, 50", "90, 0", "500, 0"})
    void tokensCountForAMinuteFromTheSecondTheyWereSent(double seconds, long used) {
        TokenWindow window = new TokenWindow();
        window.add(100, at(0.4));
        window.add(50, at(30.2));

        assertThat(window.used(at(seconds))).isEqualTo(used);
    }

    @ParameterizedTest(name = "limit {0}: free at {1}")
    @CsvSource({"151, ", "150, 60", "111, 60", "110, 61", "100, 61", "90, 90", "10, 90"})
    void freesUpWhenEnoughOfTheOldestTokensLeft(long limit, Integer freeAtSecond) {
        TokenWindow window = new TokenWindow();
        window.add(40, at(0));
        window.add(20, at(1));
        window.add(90, at(30));

        assertThat(window.freeAt(limit, at(45)))
                .isEqualTo(
                        freeAtSecond == null
                                ? java.util.Optional.empty()
                                : java.util.Optional.of(at(freeAtSecond)));
    }

    @Test
    void aBucketReusedAMinuteLaterStartsFromZero() {
        TokenWindow window = new TokenWindow();
        window.add(100, at(5));
        window.add(7, at(65));

        assertThat(window.used(at(65))).isEqualTo(7);
        assertThat(window.used(at(124))).isEqualTo(7);
        assertThat(window.used(at(125))).isZero();
    }

    @Test
    void tokensOlderThanTheWindowAndEmptyAmountsAreIgnored() {
        TokenWindow window = new TokenWindow();
        window.add(5, at(70));
        window.add(100, at(10)); // same bucket as second 70, a minute older: already gone
        window.add(0, at(70));
        window.add(-3, at(70));

        assertThat(window.used(at(70))).isEqualTo(5);
    }

    @Test
    void concurrentAdditionsAreAllCounted() throws Exception {
        TokenWindow window = new TokenWindow();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                pool.submit(
                        () -> {
                            go.await();
                            for (int i = 0; i < 10_000; i++) {
                                window.add(1, at((thread * 10_000 + i) % 60));
                            }
                            return null;
                        });
            }
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        assertThat(window.used(at(59))).isEqualTo(80_000);
    }
}
