package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canary's share decided by the sample, and the plans around it. Pure: no clock, no seed. */
class CanarySplitTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Target STABLE = new Target("p", "stable", 300, true);
    private static final Target OTHER = new Target("p", "other", 100, true);
    private static final Target NEXT = new Target("p", "next", 100, true);
    private static final Target BACKUP = new Target("p", "backup", 0, true);

    private static Route route(int share, OptionalInt retries, List<Target> targets) {
        return new Route(
                "chat",
                true,
                targets,
                List.of(BACKUP),
                Duration.ofSeconds(60),
                retries,
                Selection.WEIGHTED,
                Optional.of(new Canary(NEXT.key(), share, 95, 5, 20)));
    }

    private static List<String> models(RoutePlan plan) {
        return plan.attempts().stream().map(Target::model).toList();
    }

    private static RoutePlan plan(Route route, double sample, boolean active) {
        return CanarySplit.plan(
                route, RequestView.NONE, HealthView.ALL_HEALTHY, sample, 0, NOW, active);
    }

    @ParameterizedTest
    @CsvSource({
        // share 10: samples below 0.10 try the canary first, the rest split 300:100 (rescaled)
        "0.00,  next,   stable, other, backup",
        "0.05,  next,   stable, other, backup",
        "0.0999, next,  other,  stable, backup",
        "0.10,  stable, other,  backup, ",
        "0.77,  stable, other,  backup, ",
        "0.80,  other,  stable, backup, ",
        "0.99,  other,  stable, backup, ",
    })
    void theSampleDecidesTheCanaryAndTheRestShareByWeight(
            double sample, String first, String second, String third, String fourth) {
        Route route = route(10, OptionalInt.empty(), List.of(STABLE, NEXT, OTHER));

        List<String> expected =
                fourth == null
                        ? List.of(first, second, third)
                        : List.of(first, second, third, fourth);
        assertThat(models(plan(route, sample, true))).isEqualTo(expected);
    }

    @Test
    void aDemotedCanaryGetsNoRequestAtAnySample() {
        Route route = route(50, OptionalInt.empty(), List.of(STABLE, NEXT));

        for (double sample = 0; sample < 1; sample += 0.01) {
            assertThat(models(plan(route, sample, false))).doesNotContain("next");
        }
    }

    @Test
    void otherRequestsNeverRetryOnTheCanary() {
        Route route = route(10, OptionalInt.empty(), List.of(STABLE, NEXT));

        assertThat(models(plan(route, 0.5, true))).containsExactly("stable", "backup");
    }

    @Test
    void retriesCountTheCanaryAsTheFirstPick() {
        Route route = route(10, OptionalInt.of(1), List.of(STABLE, NEXT, OTHER));

        assertThat(models(plan(route, 0.01, true))).containsExactly("next", "stable", "backup");
        assertThat(models(plan(route(10, OptionalInt.of(0), List.of(STABLE, NEXT)), 0.01, true)))
                .containsExactly("next", "backup");
    }

    @Test
    void anActiveCanaryServesWhenEveryOtherTargetAndFallbackIsOut() {
        Route route = route(10, OptionalInt.empty(), List.of(STABLE, NEXT));
        HealthView onlyNext =
                (target, now) ->
                        target.equals(NEXT.key())
                                ? TargetHealth.healthy(target)
                                : new TargetHealth(
                                        target,
                                        TargetState.COOLING,
                                        Optional.of(now.plusSeconds(30)),
                                        Optional.empty());

        assertThat(models(CanarySplit.plan(route, RequestView.NONE, onlyNext, 0.5, 0, NOW, true)))
                .containsExactly("next");
        assertThat(
                        CanarySplit.plan(route, RequestView.NONE, onlyNext, 0.5, 0, NOW, false)
                                .attempts())
                .as("a demoted canary does not, though")
                .isEmpty();
    }

    @Test
    void aCanaryThatIsOutOrSwitchedOffLeavesItsShareToTheOthers() {
        Route route = route(10, OptionalInt.empty(), List.of(STABLE, NEXT));
        HealthView nextCooling =
                (target, now) ->
                        target.equals(NEXT.key())
                                ? new TargetHealth(
                                        target,
                                        TargetState.COOLING,
                                        Optional.of(now.plusSeconds(30)),
                                        Optional.empty())
                                : TargetHealth.healthy(target);

        assertThat(
                        models(
                                CanarySplit.plan(
                                        route, RequestView.NONE, nextCooling, 0.01, 0, NOW, true)))
                .containsExactly("stable", "backup");
        Route off =
                route(
                        10,
                        OptionalInt.empty(),
                        List.of(STABLE, new Target("p", "next", 100, false)));
        assertThat(models(plan(off, 0.01, true))).containsExactly("stable", "backup");
    }

    @Test
    void aCanaryWithConditionsTakesOnlyTheRequestsThatMeetThem() {
        Target premiumNext =
                new Target(
                        "p",
                        "next",
                        100,
                        true,
                        new MatchRule(Map.of("user-type", "premium"), Map.of(), Optional.empty()));
        Route route = route(50, OptionalInt.empty(), List.of(STABLE, premiumNext));
        RequestView premium =
                new RequestView(Map.of("user-type", List.of("premium")), Map.of(), "/v1/chat");

        assertThat(
                        models(
                                CanarySplit.plan(
                                        route, premium, HealthView.ALL_HEALTHY, 0.1, 0, NOW, true)))
                .startsWith("next");
        assertThat(models(plan(route, 0.1, true))).containsExactly("stable", "backup");
    }

    @Test
    void aRouteWithoutCanaryIsPlannedAsBefore() {
        Route plain =
                new Route("chat", true, List.of(STABLE, OTHER), List.of(), Duration.ofSeconds(60));

        for (double sample : new double[] {0, 0.3, 0.74, 0.75, 0.99}) {
            assertThat(plan(plain, sample, true))
                    .isEqualTo(
                            RoutePlanner.plan(
                                    plain,
                                    RequestView.NONE,
                                    HealthView.ALL_HEALTHY,
                                    sample,
                                    0,
                                    NOW));
        }
    }
}
