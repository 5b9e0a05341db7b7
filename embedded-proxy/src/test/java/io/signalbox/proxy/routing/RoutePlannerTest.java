package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutePlannerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** Targets m0, m1, ... at provider p, with the weights given. */
    private static List<Target> targets(String weights) {
        int[] parsed =
                Arrays.stream(weights.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        return IntStream.range(0, parsed.length)
                .mapToObj(i -> new Target("p", "m" + i, parsed[i], true))
                .toList();
    }

    private static Route route(List<Target> targets, List<Target> fallbacks) {
        return new Route("chat", true, targets, fallbacks, Duration.ofSeconds(60));
    }

    private static String models(RoutePlan plan) {
        return String.join(" ", plan.attempts().stream().map(Target::model).toList());
    }

    @ParameterizedTest(name = "weights {0}, sample {1} -> {2}")
    @CsvSource({
        "100 200,     0.0,     m0 m1",
        "100 200,     0.333,   m0 m1",
        "100 200,     0.334,   m1 m0",
        "100 200,     0.99999, m1 m0",
        "300 100,     0.5,     m0 m1",
        "300 100,     0.7499,  m0 m1",
        "300 100,     0.75,    m1 m0",
        "100 100 100, 0.0,     m0 m1 m2",
        "100 100 100, 0.5,     m1 m0 m2",
        "100 100 100, 0.9,     m2 m0 m1",
        "100 300 200, 0.0,     m0 m1 m2",
        "100 300 200, 0.2,     m1 m2 m0",
        "100 300 200, 0.9,     m2 m1 m0",
        "50 100 100 200, 0.0,  m0 m3 m1 m2",
        "0 100,       0.0,     m1",
        "100 0 50,    0.0,     m0 m2",
        "100 0 50,    0.99,    m2 m0",
        "0 0,         0.5,     ''",
        "1000,        0.5,     m0",
        "1 1000,      0.0009,  m0 m1",
        "1 1000,      0.001,   m1 m0"
    })
    void ordersWeightedPickThenByWeight(String weights, double sample, String expected) {
        RoutePlan plan =
                RoutePlanner.plan(
                        route(targets(weights), List.of()), HealthView.ALL_HEALTHY, sample, NOW);

        assertThat(models(plan)).isEqualTo(expected);
    }

    @Test
    void skipsDisabledAndUnavailableTargets() {
        List<Target> targets =
                List.of(
                        new Target("p", "off", 500, false),
                        new Target("p", "cool", 500, true),
                        new Target("p", "ok", 100, true),
                        new Target("p", "zero", 0, true));
        HealthView health = coolingUntil(NOW.plusSeconds(5), new TargetKey("p", "cool"));

        RoutePlan plan = RoutePlanner.plan(route(targets, List.of()), health, 0.0, NOW);

        assertThat(models(plan)).isEqualTo("ok");
    }

    @Test
    void fallbacksFollowTargetsInTheirOrder() {
        List<Target> fallbacks =
                List.of(
                        new Target("f", "second-choice", 0, true),
                        new Target("f", "switched-off", 0, false),
                        new Target("f", "cooling", 0, true),
                        new Target("f", "last-resort", 0, true));
        HealthView health = coolingUntil(NOW.plusSeconds(5), new TargetKey("f", "cooling"));

        RoutePlan plan = RoutePlanner.plan(route(targets("100 200"), fallbacks), health, 0.9, NOW);

        assertThat(models(plan)).isEqualTo("m1 m0 second-choice last-resort");
        assertThat(plan.retryAt()).isEmpty();
        assertThat(plan.rateLimited()).isFalse();
    }

    @Test
    void fallbacksServeWhenEveryTargetIsOut() {
        HealthView health =
                coolingUntil(
                        NOW.plusSeconds(5), new TargetKey("p", "m0"), new TargetKey("p", "m1"));

        RoutePlan plan =
                RoutePlanner.plan(
                        route(targets("100 200"), List.of(new Target("f", "backup", 0, true))),
                        health,
                        0.5,
                        NOW);

        assertThat(models(plan)).isEqualTo("backup");
    }

    @Test
    void neverPlansTheSameTargetTwice() {
        RoutePlan plan =
                RoutePlanner.plan(
                        route(
                                targets("100 200"),
                                List.of(
                                        new Target("p", "m0", 0, true),
                                        new Target("f", "backup", 0, true),
                                        new Target("f", "backup", 0, true))),
                        HealthView.ALL_HEALTHY,
                        0.9,
                        NOW);

        assertThat(models(plan)).isEqualTo("m1 m0 backup");
    }

    @Test
    void everythingCoolingGivesEarliestRetryAndRateLimited() {
        Map<TargetKey, TargetHealth> states = new HashMap<>();
        cooling(states, new TargetKey("p", "m0"), NOW.plusSeconds(7));
        cooling(states, new TargetKey("p", "m1"), NOW.plusSeconds(3));
        cooling(states, new TargetKey("f", "backup"), NOW.plusSeconds(9));

        RoutePlan plan =
                RoutePlanner.plan(
                        route(targets("100 200"), List.of(new Target("f", "backup", 0, true))),
                        view(states),
                        0.5,
                        NOW);

        assertThat(plan.attempts()).isEmpty();
        assertThat(plan.retryAt()).contains(NOW.plusSeconds(3));
        assertThat(plan.rateLimited()).isTrue();
    }

    @Test
    void anEjectedCandidateMeansUnavailableRatherThanRateLimited() {
        Map<TargetKey, TargetHealth> states = new HashMap<>();
        cooling(states, new TargetKey("p", "m0"), NOW.plusSeconds(7));
        states.put(
                new TargetKey("p", "m1"),
                new TargetHealth(
                        new TargetKey("p", "m1"),
                        TargetState.EJECTED,
                        Optional.of(NOW.plusSeconds(2)),
                        Optional.of("3 failures in a row")));

        RoutePlan plan =
                RoutePlanner.plan(route(targets("100 200"), List.of()), view(states), 0.5, NOW);

        assertThat(plan.attempts()).isEmpty();
        assertThat(plan.retryAt()).contains(NOW.plusSeconds(2));
        assertThat(plan.rateLimited()).isFalse();
    }

    @Test
    void heldOutCandidatesDoNotCountTowardsRetryAt() {
        Map<TargetKey, TargetHealth> states = new HashMap<>();
        heldOut(states, new TargetKey("p", "m0"));
        cooling(states, new TargetKey("p", "m1"), NOW.plusSeconds(4));

        RoutePlan plan =
                RoutePlanner.plan(route(targets("100 200"), List.of()), view(states), 0.5, NOW);

        assertThat(plan.retryAt()).contains(NOW.plusSeconds(4));
        assertThat(plan.rateLimited()).isFalse();
    }

    @Test
    void allHeldOutGivesNoRetryAt() {
        Map<TargetKey, TargetHealth> states = new HashMap<>();
        heldOut(states, new TargetKey("p", "m0"));
        heldOut(states, new TargetKey("p", "m1"));
        heldOut(states, new TargetKey("f", "backup"));

        RoutePlan plan =
                RoutePlanner.plan(
                        route(targets("100 200"), List.of(new Target("f", "backup", 0, true))),
                        view(states),
                        0.5,
                        NOW);

        assertThat(plan.attempts()).isEmpty();
        assertThat(plan.retryAt()).isEmpty();
        assertThat(plan.rateLimited()).isFalse();
    }

    @Test
    void disabledAndZeroWeightTargetsDoNotCountTowardsRetryAt() {
        Map<TargetKey, TargetHealth> states = new HashMap<>();
        heldOut(states, new TargetKey("p", "live"));
        List<Target> targets =
                List.of(
                        new Target("p", "live", 100, true),
                        new Target("p", "off", 100, false),
                        new Target("p", "zero", 0, true));

        RoutePlan plan = RoutePlanner.plan(route(targets, List.of()), view(states), 0.5, NOW);

        assertThat(plan.attempts()).isEmpty();
        assertThat(plan.retryAt()).isEmpty();
        assertThat(plan.rateLimited()).isFalse();
    }

    @Test
    void routeWithoutTargetsPlansNothing() {
        RoutePlan plan =
                RoutePlanner.plan(route(List.of(), List.of()), HealthView.ALL_HEALTHY, 0.5, NOW);

        assertThat(plan).isEqualTo(new RoutePlan(List.of(), Optional.empty(), false));
    }

    @Test
    void readsHealthFromAHealthBook() {
        HealthBook book = new HealthBook(HealthPolicy.defaults());
        book.recordFailure(
                new TargetKey("p", "m1"),
                FailureKind.RATE_LIMITED,
                Optional.of(Duration.ofSeconds(2)),
                NOW);
        Route route = route(targets("100 200"), List.of());

        assertThat(models(RoutePlanner.plan(route, book, 0.9, NOW))).isEqualTo("m0");
        assertThat(models(RoutePlanner.plan(route, book, 0.9, NOW.plusSeconds(2))))
                .isEqualTo("m1 m0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
    void rejectsSampleOutsideUnitInterval(double sample) {
        Route route = route(targets("100"), List.of());

        assertThatThrownBy(() -> RoutePlanner.plan(route, HealthView.ALL_HEALTHY, sample, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneToTwoWeightsSplitAThirdAndTwoThirds() {
        double[] shares = firstPickShares(targets("100 200"), HealthView.ALL_HEALTHY);

        assertThat(shares[0]).isCloseTo(33.3, within(2.0));
        assertThat(shares[1]).isCloseTo(66.7, within(2.0));
    }

    @Test
    void threeToOneWeightsSplitThreeQuartersAndOneQuarter() {
        double[] shares = firstPickShares(targets("300 100"), HealthView.ALL_HEALTHY);

        assertThat(shares[0]).isCloseTo(75.0, within(2.0));
        assertThat(shares[1]).isCloseTo(25.0, within(2.0));
    }

    @Test
    void zeroWeightDisabledAndCoolingTargetsGetNoPicks() {
        List<Target> targets =
                List.of(
                        new Target("p", "m0", 300, true),
                        new Target("p", "m1", 0, true),
                        new Target("p", "m2", 500, false),
                        new Target("p", "m3", 500, true),
                        new Target("p", "m4", 100, true));
        HealthView health = coolingUntil(NOW.plusSeconds(60), new TargetKey("p", "m3"));

        double[] shares = firstPickShares(targets, health);

        assertThat(shares[1]).isZero();
        assertThat(shares[2]).isZero();
        assertThat(shares[3]).isZero();
        assertThat(shares[0]).isCloseTo(75.0, within(2.0));
        assertThat(shares[4]).isCloseTo(25.0, within(2.0));
    }

    /** Percent of 10,000 seeded plans whose first attempt is each target, by config index. */
    private static double[] firstPickShares(List<Target> targets, HealthView health) {
        Random random = new Random(20260101L);
        Route route = route(targets, List.of());
        int picks = 10_000;
        int[] counts = new int[targets.size()];
        for (int i = 0; i < picks; i++) {
            Target first =
                    RoutePlanner.plan(route, health, random.nextDouble(), NOW).attempts().get(0);
            counts[targets.indexOf(first)]++;
        }
        return Arrays.stream(counts).mapToDouble(count -> 100.0 * count / picks).toArray();
    }

    private static HealthView coolingUntil(Instant until, TargetKey... keys) {
        Map<TargetKey, TargetHealth> states = new HashMap<>();
        for (TargetKey key : keys) {
            cooling(states, key, until);
        }
        return view(states);
    }

    private static void cooling(Map<TargetKey, TargetHealth> states, TargetKey key, Instant until) {
        states.put(
                key,
                new TargetHealth(
                        key,
                        TargetState.COOLING,
                        Optional.of(until),
                        Optional.of("the provider is rate limiting requests")));
    }

    private static void heldOut(Map<TargetKey, TargetHealth> states, TargetKey key) {
        states.put(
                key,
                new TargetHealth(
                        key,
                        TargetState.HELD_OUT,
                        Optional.empty(),
                        Optional.of("the provider rejected the API key")));
    }

    private static HealthView view(Map<TargetKey, TargetHealth> states) {
        return (target, now) -> states.getOrDefault(target, TargetHealth.healthy(target));
    }
}
