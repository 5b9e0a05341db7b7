package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Limits per model, and how a model at its limit looks to the planner. */
class TpmLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final TargetKey A = new TargetKey("p", "a");
    private static final TargetKey B = new TargetKey("p", "b");

    private static Target limited(String model, long limit) {
        return new Target("p", model, 100, true, MatchRule.ANY, OptionalLong.of(limit));
    }

    private static Route route(List<Target> targets, List<Target> fallbacks) {
        return new Route("chat", true, targets, fallbacks, Duration.ofSeconds(5));
    }

    private static TpmLimits limits(Route... routes) {
        TpmLimits limits = new TpmLimits();
        limits.limitsFrom(RoutingTable.of(List.of(), List.of(routes)));
        return limits;
    }

    @Test
    void theSmallestLimitOfAModelHoldsAcrossRoutesAndFallbacks() {
        TpmLimits limits =
                limits(
                        route(List.of(limited("a", 1000)), List.of(limited("b", 50))),
                        route(
                                List.of(limited("b", 70), new Target("p", "c", 100, true)),
                                List.of(limited("a", 400))));

        assertThat(limits.limitOf(A)).hasValue(400);
        assertThat(limits.limitOf(B)).hasValue(50);
        assertThat(limits.limitOf(new TargetKey("p", "c"))).isEmpty();
    }

    @Test
    void aModelAtItsLimitIsSkippedUntilItsWindowFreesUp() {
        Route route = route(List.of(limited("a", 100), limited("b", 100)), List.of());
        TpmLimits limits = limits(route);
        limits.record(A, 100, NOW);
        HealthView view = limits.over(HealthView.ALL_HEALTHY);

        RoutePlan now = RoutePlanner.plan(route, view, 0.0, NOW.plusSeconds(10));
        RoutePlan later = RoutePlanner.plan(route, view, 0.0, NOW.plusSeconds(60));

        assertThat(now.attempts()).extracting(Target::key).containsExactly(B);
        assertThat(view.health(A, NOW).reason()).contains(TpmLimits.AT_LIMIT);
        assertThat(later.attempts()).extracting(Target::key).containsExactly(A, B);
    }

    @Test
    void everyModelAtItsLimitIsRateLimitedUntilTheFirstFreesUp() {
        Route route = route(List.of(limited("a", 100)), List.of(limited("b", 10)));
        TpmLimits limits = limits(route);
        limits.record(A, 150, NOW);
        limits.record(B, 10, NOW.plusSeconds(20));

        RoutePlan plan =
                RoutePlanner.plan(
                        route, limits.over(HealthView.ALL_HEALTHY), 0.5, NOW.plusSeconds(30));

        assertThat(plan.attempts()).isEmpty();
        assertThat(plan.rateLimited()).isTrue();
        assertThat(plan.retryAt()).contains(NOW.plusSeconds(60));
    }

    @Test
    void aFailingModelKeepsItsOwnHealthAndUnlimitedModelsAreNotCounted() {
        Route route = route(List.of(limited("a", 100), new Target("p", "c", 100, true)), List.of());
        TpmLimits limits = limits(route);
        TargetKey c = new TargetKey("p", "c");
        limits.record(A, 500, NOW);
        limits.record(c, 500, NOW);
        TargetHealth ejected =
                new TargetHealth(
                        A, TargetState.EJECTED, Optional.of(NOW.plusSeconds(5)), Optional.empty());
        HealthView view =
                limits.over((key, at) -> key.equals(A) ? ejected : TargetHealth.healthy(key));

        assertThat(view.health(A, NOW)).isEqualTo(ejected);
        assertThat(view.isAvailable(c, NOW)).isTrue();
        assertThat(limits.snapshot(NOW)).isEqualTo(Map.of(A, new TpmUse(100, 500)));
    }

    @Test
    void aConfigurationChangeKeepsTheCountsOfModelsStillLimited() {
        Route route = route(List.of(limited("a", 100), limited("b", 100)), List.of());
        TpmLimits limits = limits(route);
        limits.record(A, 80, NOW);
        limits.record(B, 80, NOW);

        limits.limitsFrom(
                RoutingTable.of(
                        List.of(),
                        List.of(
                                route(
                                        List.of(limited("a", 50), new Target("p", "b", 1, true)),
                                        List.of()))));

        assertThat(limits.snapshot(NOW)).isEqualTo(Map.of(A, new TpmUse(50, 80)));
        assertThat(limits.used(B, NOW)).isZero();
    }

    @Test
    void withoutLimitsThePlannerSeesTheHealthItself() {
        HealthView health = HealthView.ALL_HEALTHY;

        assertThat(new TpmLimits().over(health)).isSameAs(health);
    }
}
