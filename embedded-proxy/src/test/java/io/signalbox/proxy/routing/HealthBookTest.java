package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthBookTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final TargetKey A = new TargetKey("openai", "gpt-4o-mini");
    private static final TargetKey B = new TargetKey("groq", "llama-3.1-8b-instant");

    private final HealthBook book = new HealthBook(HealthPolicy.defaults());

    @Test
    void unknownTargetIsHealthy() {
        assertThat(book.health(A, T0)).isEqualTo(TargetHealth.healthy(A));
        assertThat(book.isAvailable(A, T0)).isTrue();
        assertThat(book.snapshot(T0)).isEmpty();
    }

    @Test
    void rateLimitCoolsForRetryAfter() {
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(2)), T0);

        TargetHealth health = book.health(A, T0.plusMillis(1999));
        assertThat(health.state()).isEqualTo(TargetState.COOLING);
        assertThat(health.until()).contains(T0.plusSeconds(2));
        assertThat(health.reason()).contains("the provider is rate limiting requests");
        assertThat(book.isAvailable(A, T0.plusSeconds(2))).isTrue();
    }

    @Test
    void rateLimitWithoutRetryAfterCoolsForDefault() {
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.empty(), T0);

        assertThat(book.health(A, T0).until()).contains(T0.plusSeconds(5));
        assertThat(book.isAvailable(A, T0.plusMillis(4999))).isFalse();
        assertThat(book.isAvailable(A, T0.plusSeconds(5))).isTrue();
    }

    @Test
    void secondRateLimitNeverShortensCooldown() {
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(30)), T0);
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.empty(), T0.plusSeconds(1));

        assertThat(book.health(A, T0.plusSeconds(1)).until()).contains(T0.plusSeconds(30));
    }

    @Test
    void secondRateLimitExtendsCooldown() {
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.empty(), T0);
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.empty(), T0.plusSeconds(3));

        assertThat(book.health(A, T0.plusSeconds(3)).until()).contains(T0.plusSeconds(8));
    }

    @Test
    void rateLimitDuringLongerEjectionKeepsEjection() {
        ejectOnce(A, T0);
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(1)), T0);

        TargetHealth health = book.health(A, T0);
        assertThat(health.state()).isEqualTo(TargetState.EJECTED);
        assertThat(health.until()).contains(T0.plusSeconds(5));
    }

    @Test
    void longerRateLimitDuringEjectionTakesOver() {
        ejectOnce(A, T0);
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(60)), T0);

        TargetHealth health = book.health(A, T0);
        assertThat(health.state()).isEqualTo(TargetState.COOLING);
        assertThat(health.until()).contains(T0.plusSeconds(60));
    }

    @Test
    void rejectedKeyHoldsTargetOutUntilConfigChanges() {
        book.recordFailure(A, FailureKind.AUTH_REJECTED, Optional.empty(), T0);

        TargetHealth health = book.health(A, T0.plus(Duration.ofDays(7)));
        assertThat(health.state()).isEqualTo(TargetState.HELD_OUT);
        assertThat(health.until()).isEmpty();
        assertThat(health.reason()).contains("the provider rejected the API key");

        book.clearHeldOut();
        assertThat(book.isAvailable(A, T0)).isTrue();
    }

    @Test
    void usedUpQuotaHoldsTargetOut() {
        book.recordFailure(A, FailureKind.QUOTA_EXHAUSTED, Optional.of(Duration.ofSeconds(1)), T0);

        TargetHealth health = book.health(A, T0.plusSeconds(3600));
        assertThat(health.state()).isEqualTo(TargetState.HELD_OUT);
        assertThat(health.reason()).contains("the provider says the quota is used up");
    }

    @Test
    void successDoesNotReleaseHeldOutTarget() {
        book.recordFailure(A, FailureKind.AUTH_REJECTED, Optional.empty(), T0);
        book.recordSuccess(A);

        assertThat(book.health(A, T0).state()).isEqualTo(TargetState.HELD_OUT);
    }

    @Test
    void rateLimitAndServerErrorsDoNotReleaseHeldOutTarget() {
        book.recordFailure(A, FailureKind.QUOTA_EXHAUSTED, Optional.empty(), T0);
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.empty(), T0);
        for (int i = 0; i < 3; i++) {
            book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);
        }

        assertThat(book.health(A, T0.plusSeconds(3600)).state()).isEqualTo(TargetState.HELD_OUT);
    }

    @Test
    void clearHeldOutLeavesCoolingTargetsAlone() {
        book.recordFailure(A, FailureKind.AUTH_REJECTED, Optional.empty(), T0);
        book.recordFailure(B, FailureKind.RATE_LIMITED, Optional.empty(), T0);

        book.clearHeldOut();

        assertThat(book.health(A, T0).state()).isEqualTo(TargetState.HEALTHY);
        assertThat(book.health(B, T0).state()).isEqualTo(TargetState.COOLING);
    }

    @ParameterizedTest
    @EnumSource(names = {"SERVER_ERROR", "CONNECT_FAILED", "TIMEOUT", "MODEL_NOT_FOUND"})
    void ejectsAfterThreeConsecutiveFailures(FailureKind kind) {
        book.recordFailure(A, kind, Optional.empty(), T0);
        book.recordFailure(A, kind, Optional.empty(), T0);
        assertThat(book.isAvailable(A, T0)).isTrue();

        book.recordFailure(A, kind, Optional.empty(), T0);

        TargetHealth health = book.health(A, T0);
        assertThat(health.state()).isEqualTo(TargetState.EJECTED);
        assertThat(health.until()).contains(T0.plusSeconds(5));
        assertThat(health.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("3 failures"));
    }

    @Test
    void successResetsTheFailureStreak() {
        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);
        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);
        book.recordSuccess(A);
        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);
        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);

        assertThat(book.isAvailable(A, T0)).isTrue();
    }

    @Test
    void rateLimitNeitherCountsNorResetsTheStreak() {
        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);
        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.of(Duration.ZERO), T0);
        assertThat(book.isAvailable(A, T0)).isTrue();

        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);

        assertThat(book.health(A, T0).state()).isEqualTo(TargetState.EJECTED);
    }

    @Test
    void repeatedEjectionsDoubleUpToTheCap() {
        Instant now = T0;
        List<Duration> lengths = new ArrayList<>();
        for (int ejection = 0; ejection < 8; ejection++) {
            ejectOnce(A, now);
            Instant until = book.health(A, now).until().orElseThrow();
            lengths.add(Duration.between(now, until));
            now = until;
        }

        assertThat(lengths)
                .extracting(Duration::toSeconds)
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L);
    }

    @Test
    void successResetsEjectionBackoff() {
        ejectOnce(A, T0);
        ejectOnce(A, T0.plusSeconds(5));
        book.recordSuccess(A);
        ejectOnce(A, T0.plusSeconds(100));

        assertThat(book.health(A, T0.plusSeconds(100)).until()).contains(T0.plusSeconds(105));
    }

    @Test
    void successClearsCoolingAndEjection() {
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.empty(), T0);
        ejectOnce(B, T0);

        book.recordSuccess(A);
        book.recordSuccess(B);

        assertThat(book.isAvailable(A, T0)).isTrue();
        assertThat(book.isAvailable(B, T0)).isTrue();
    }

    @Test
    void ejectionNeverShortensALongerCooldown() {
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.of(Duration.ofMinutes(30)), T0);
        ejectOnce(A, T0);

        TargetHealth health = book.health(A, T0);
        assertThat(health.state()).isEqualTo(TargetState.COOLING);
        assertThat(health.until()).contains(T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void ejectionStillCountsTowardsBackoffWhileALongerCooldownRuns() {
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.of(Duration.ofMinutes(30)), T0);
        ejectOnce(A, T0);
        Instant later = T0.plus(Duration.ofMinutes(31));

        ejectOnce(A, later);

        assertThat(book.health(A, later).until()).contains(later.plusSeconds(10));
    }

    @Test
    void callerErrorChangesNothing() {
        book.recordFailure(A, FailureKind.CALLER_ERROR, Optional.empty(), T0);
        assertThat(book.snapshot(T0)).isEmpty();

        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);
        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);
        book.recordFailure(A, FailureKind.CALLER_ERROR, Optional.empty(), T0);
        assertThat(book.isAvailable(A, T0)).isTrue();
        book.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0);
        assertThat(book.isAvailable(A, T0)).isFalse();
    }

    @Test
    void snapshotShowsExpiredCooldownsAsHealthy() {
        book.recordFailure(A, FailureKind.RATE_LIMITED, Optional.of(Duration.ofSeconds(2)), T0);
        book.recordFailure(B, FailureKind.AUTH_REJECTED, Optional.empty(), T0);

        assertThat(book.snapshot(T0.plusSeconds(10)))
                .containsExactly(
                        new TargetHealth(
                                B,
                                TargetState.HELD_OUT,
                                Optional.empty(),
                                Optional.of("the provider rejected the API key")),
                        TargetHealth.healthy(A));
    }

    @Test
    void forgetClearsEverything() {
        book.recordFailure(A, FailureKind.AUTH_REJECTED, Optional.empty(), T0);
        book.recordFailure(B, FailureKind.RATE_LIMITED, Optional.empty(), T0);

        book.forget();

        assertThat(book.snapshot(T0)).isEmpty();
        assertThat(book.isAvailable(A, T0)).isTrue();
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        // The ejection threshold equals the number of failures recorded, so the target is
        // ejected only if no thread's update was lost.
        int threads = 8;
        int perThread = 1_000;
        HealthBook shared =
                new HealthBook(
                        new HealthPolicy(
                                Duration.ofSeconds(5),
                                threads * perThread,
                                Duration.ofSeconds(5),
                                Duration.ofMinutes(5)));

        runConcurrently(
                threads,
                perThread,
                (thread, i) ->
                        shared.recordFailure(A, FailureKind.SERVER_ERROR, Optional.empty(), T0));

        assertThat(shared.health(A, T0).state()).isEqualTo(TargetState.EJECTED);
    }

    @Test
    void concurrentRateLimitsKeepTheLatestDeadline() throws Exception {
        int threads = 8;
        int perThread = 500;

        runConcurrently(
                threads,
                perThread,
                (thread, i) ->
                        book.recordFailure(
                                A,
                                FailureKind.RATE_LIMITED,
                                Optional.of(Duration.ofMillis(thread * perThread + i)),
                                T0));

        assertThat(book.health(A, T0).until()).contains(T0.plusMillis(threads * perThread - 1L));
    }

    private interface Step {
        void run(int thread, int index);
    }

    private static void runConcurrently(int threads, int perThread, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    for (int i = 0; i < perThread; i++) {
                                        step.run(thread, i);
                                    }
                                    return null;
                                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void ejectOnce(TargetKey target, Instant now) {
        for (int i = 0; i < 3; i++) {
            book.recordFailure(target, FailureKind.SERVER_ERROR, Optional.empty(), now);
        }
    }
}
