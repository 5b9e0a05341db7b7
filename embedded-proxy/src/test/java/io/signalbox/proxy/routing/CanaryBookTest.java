package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.usage.AttemptOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Counting the canary's attempts over its window, demoting it once, and keeping it demoted. */
class CanaryBookTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Canary CANARY = new Canary(new TargetKey("p", "next"), 10, 95, 5, 20);

    private final List<CanaryDecision> decisions = new ArrayList<>();
    private final CanaryBook book = new CanaryBook();

    {
        book.decisionsTo(decisions::add);
    }

    private static Route route(Canary canary) {
        return new Route(
                "chat",
                true,
                List.of(new Target("p", "stable", 100, true), new Target("p", "next", 100, true)),
                List.of(),
                Duration.ofSeconds(60),
                OptionalInt.empty(),
                Selection.WEIGHTED,
                Optional.of(canary));
    }

    private static AttemptOutcome attempt(String model, String outcome) {
        return new AttemptOutcome(
                1, "p", model, outcome, OptionalInt.empty(), 5, false, Optional.empty());
    }

    private void calls(Route route, String outcome, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            book.record(route, List.of(attempt("next", outcome)), at);
        }
    }

    @Test
    void isNotJudgedBeforeTheMinimumNumberOfAttempts() {
        Route route = route(CANARY);

        calls(route, "server_error", 19, T0);

        assertThat(book.isActive(route)).isTrue();
        assertThat(decisions).isEmpty();
    }

    @Test
    void isDemotedOnceTheWindowFallsBelowTheThresholdWithTheFiguresOfThatMoment() {
        Route route = route(CANARY);

        calls(route, "ok", 19, T0);
        calls(route, "server_error", 1, T0.plusSeconds(10));
        assertThat(book.isActive(route)).as("19 of 20 is exactly 95%").isTrue();
        calls(route, "rate_limited", 1, T0.plusSeconds(20));

        assertThat(book.isActive(route)).isFalse();
        assertThat(decisions)
                .containsExactly(
                        new CanaryDecision(
                                T0.plusSeconds(20),
                                "chat",
                                CANARY,
                                CanaryDecision.Action.DEMOTED,
                                19,
                                21));
        assertThat(decisions.get(0).successPercent()).isEqualTo(90);
    }

    @Test
    void staysDemotedWhenLaterAttemptsSucceedAndDecidesOnlyOnce() {
        Route route = route(CANARY);
        calls(route, "server_error", 20, T0);

        calls(route, "ok", 500, T0.plusSeconds(600));

        assertThat(book.isActive(route)).isFalse();
        assertThat(decisions).hasSize(1);
    }

    @Test
    void oldAttemptsLeaveTheWindow() {
        Route route = route(CANARY);
        calls(route, "server_error", 5, T0);
        calls(route, "ok", 15, T0.plus(Duration.ofMinutes(6)));

        CanaryStatus status = book.status(route, T0.plus(Duration.ofMinutes(6))).orElseThrow();

        assertThat(status.attempts()).isEqualTo(15);
        assertThat(status.successes()).isEqualTo(15);
        calls(route, "ok", 5, T0.plus(Duration.ofMinutes(6)));
        assertThat(book.isActive(route)).isTrue();
    }

    @Test
    void callerMistakesAndCancelledCallsCountNeitherWayAndOtherTargetsNotAtAll() {
        Route route = route(CANARY);

        calls(route, "caller_error", 50, T0);
        calls(route, "client_cancelled", 50, T0);
        for (int i = 0; i < 50; i++) {
            book.record(route, List.of(attempt("stable", "server_error")), T0);
        }

        assertThat(book.status(route, T0).orElseThrow().attempts()).isZero();
        assertThat(book.isActive(route)).isTrue();
    }

    @Test
    void otherCanarySettingsStartAfreshWhileTheOldOnesStayDemoted() {
        Route route = route(CANARY);
        calls(route, "server_error", 20, T0);
        Route changed = route(new Canary(CANARY.target(), 20, 95, 5, 20));

        assertThat(book.isActive(changed)).isTrue();
        assertThat(book.isActive(route)).isFalse();
    }

    @Test
    void aRestoredDemotionKeepsTheCanaryDemotedAndForgetsWhatTheTableDropped() {
        Route route = route(CANARY);
        book.restore(new CanaryDecision(T0, "chat", CANARY, CanaryDecision.Action.DEMOTED, 10, 20));

        assertThat(book.isActive(route)).isFalse();
        book.retain(RoutingTable.of(List.of(), List.of()));
        assertThat(book.isActive(route)).isTrue();
    }

    @Test
    void manyThreadsCountEveryAttemptAndDemoteOnce() throws Exception {
        Canary lenient = new Canary(CANARY.target(), 10, 50, 5, 4000);
        Route route = route(lenient);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> calls(route, "server_error", 500, T0)));
        }
        for (Future<?> future : done) {
            future.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(book.status(route, T0).orElseThrow().attempts()).isEqualTo(4000);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).attempts()).isEqualTo(4000);
    }
}
