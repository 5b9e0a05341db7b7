package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Strict rotation: the planner given turns 0, 1, 2... and the counters that hand them out. */
class RoundRobinPlannerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Route roundRobin(List<Target> targets, OptionalInt retries) {
        return new Route(
                "chat",
                true,
                targets,
                List.of(),
                Duration.ofSeconds(60),
                retries,
                Selection.ROUND_ROBIN);
    }

    private static List<Target> targets(int... weights) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            targets.add(new Target("p", "m" + i, weights[i], true));
        }
        return targets;
    }

    /** The first pick of each of {@code requests} calls, turns taken from {@code rotations}. */
    private static List<String> picks(
            Route route, Rotations rotations, HealthView health, int requests) {
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long turn =
                    rotations.next(
                            route.name(),
                            RoutePlanner.rotationGroup(route, RequestView.NONE, health, NOW));
            RoutePlan plan = RoutePlanner.plan(route, RequestView.NONE, health, 0.99, turn, NOW);
            picks.add(plan.attempts().get(0).model());
        }
        return picks;
    }

    @Test
    void takesStrictTurnsIgnoringWeights() {
        Route route = roundRobin(targets(1000, 1, 500), OptionalInt.empty());

        assertThat(picks(route, new Rotations(), HealthView.ALL_HEALTHY, 7))
                .containsExactly("m0", "m1", "m2", "m0", "m1", "m2", "m0");
    }

    @Test
    void triesTheNextTargetsInTurnOrderAfterThePick() {
        Route route = roundRobin(targets(100, 100, 100), OptionalInt.empty());

        RoutePlan plan =
                RoutePlanner.plan(route, RequestView.NONE, HealthView.ALL_HEALTHY, 0.0, 4, NOW);

        assertThat(plan.attempts()).extracting(Target::model).containsExactly("m1", "m2", "m0");
    }

    @Test
    void retriesCountInTurnOrderToo() {
        Route route = roundRobin(targets(100, 100, 100), OptionalInt.of(1));

        RoutePlan plan =
                RoutePlanner.plan(route, RequestView.NONE, HealthView.ALL_HEALTHY, 0.0, 2, NOW);

        assertThat(plan.attempts()).extracting(Target::model).containsExactly("m2", "m0");
    }

    @Test
    void skipsDisabledZeroWeightAndUnavailableTargetsWithoutBreakingTheTurns() {
        List<Target> targets = new ArrayList<>(targets(100, 0, 100, 100, 100));
        targets.set(3, new Target("p", "m3", 100, false));
        HealthView m4Out =
                (target, now) ->
                        target.model().equals("m4")
                                ? new TargetHealth(
                                        target,
                                        TargetState.HELD_OUT,
                                        Optional.empty(),
                                        Optional.empty())
                                : TargetHealth.healthy(target);

        assertThat(picks(roundRobin(targets, OptionalInt.empty()), new Rotations(), m4Out, 4))
                .containsExactly("m0", "m2", "m0", "m2");
    }

    @Test
    void eachRequestGroupRotatesOnItsOwn() {
        Target premium =
                new Target(
                        "p",
                        "premium",
                        100,
                        true,
                        new MatchRule(Map.of("user-type", "premium"), Map.of(), Optional.empty()));
        Route route =
                roundRobin(
                        List.of(premium, targets(100).get(0), new Target("p", "m1", 100, true)),
                        OptionalInt.empty());
        RequestView premiumRequest =
                new RequestView(Map.of("user-type", List.of("premium")), Map.of(), "/v1/chat");
        Rotations rotations = new Rotations();
        List<String> standard = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // A premium request between each standard one must not skip a standard target.
            long premiumTurn =
                    rotations.next(
                            "chat",
                            RoutePlanner.rotationGroup(
                                    route, premiumRequest, HealthView.ALL_HEALTHY, NOW));
            assertThat(
                            RoutePlanner.plan(
                                            route,
                                            premiumRequest,
                                            HealthView.ALL_HEALTHY,
                                            0.0,
                                            premiumTurn,
                                            NOW)
                                    .attempts()
                                    .get(0)
                                    .model())
                    .isEqualTo("premium");
            standard.addAll(picks(route, rotations, HealthView.ALL_HEALTHY, 1));
        }

        assertThat(standard).containsExactly("m0", "m1", "m0", "m1");
    }

    @Test
    void anUnchangedRouteKeepsItsTurnAcrossAConfigurationChange() {
        Rotations rotations = new Rotations();
        Route before = roundRobin(targets(100, 100, 100), OptionalInt.empty());
        assertThat(picks(before, rotations, HealthView.ALL_HEALTHY, 2)).containsExactly("m0", "m1");
        // The table is rebuilt (another timeout): same name, same targets, same rotation.
        Route rebuilt =
                new Route(
                        "chat",
                        true,
                        targets(100, 100, 100),
                        List.of(),
                        Duration.ofSeconds(5),
                        OptionalInt.empty(),
                        Selection.ROUND_ROBIN);

        assertThat(picks(rebuilt, rotations, HealthView.ALL_HEALTHY, 2))
                .containsExactly("m2", "m0");
        // Other targets: a new rotation, from the first.
        Route changed = roundRobin(targets(100, 100), OptionalInt.empty());
        assertThat(picks(changed, rotations, HealthView.ALL_HEALTHY, 1)).containsExactly("m0");
    }

    @Test
    void concurrentRequestsNeverShareATurn() throws Exception {
        Rotations rotations = new Rotations();
        List<TargetKey> group = List.of(new TargetKey("p", "m0"), new TargetKey("p", "m1"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(
                        pool.submit(
                                () ->
                                        LongStream.range(0, 1000)
                                                .map(i -> rotations.next("chat", group))
                                                .toArray()));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> result : results) {
                for (long turn : result.get(10, TimeUnit.SECONDS)) {
                    all.add(turn);
                }
            }
            assertThat(all).hasSize(8000).doesNotHaveDuplicates();
            assertThat(all).allMatch(turn -> turn >= 0 && turn < 8000);
        } finally {
            pool.shutdownNow();
        }
    }
}
