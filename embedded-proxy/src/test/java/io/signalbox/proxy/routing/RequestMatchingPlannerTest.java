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

/** Match conditions and retries in the planner: which targets a request may go to, and how many. */
class RequestMatchingPlannerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final Target PREMIUM =
            new Target(
                    "p",
                    "premium",
                    100,
                    true,
                    new MatchRule(Map.of("User-Type", "premium"), Map.of(), Optional.empty()));
    private static final Target BETA =
            new Target(
                    "p",
                    "beta",
                    100,
                    true,
                    new MatchRule(Map.of(), Map.of("beta", "true"), Optional.empty()));
    private static final Target EMBED =
            new Target(
                    "p",
                    "embed",
                    100,
                    true,
                    new MatchRule(Map.of(), Map.of(), Optional.of("/v1/embed*")));
    private static final Target STANDARD = new Target("p", "standard", 100, true);

    private static Route route(List<Target> targets, List<Target> fallbacks) {
        return new Route("chat", true, targets, fallbacks, Duration.ofSeconds(60));
    }

    /** A request at {@code path} with one header and one query parameter, either may be "-". */
    private static RequestView request(String header, String query, String path) {
        Map<String, List<String>> headers =
                header.equals("-")
                        ? Map.of()
                        : Map.of(header.split(":")[0], List.of(header.split(":")[1]));
        Map<String, List<String>> parameters =
                query.equals("-")
                        ? Map.of()
                        : Map.of(query.split("=")[0], List.of(query.split("=")[1]));
        return new RequestView(headers, parameters, path);
    }

    private static String models(RoutePlan plan) {
        return String.join(" ", plan.attempts().stream().map(Target::model).toList());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // Header names ignore case, values are exact.
        "user-type:premium, -,         /v1/chat/completions, premium",
        "USER-TYPE:premium, -,         /v1/chat/completions, premium",
        "user-type:Premium, -,         /v1/chat/completions, standard",
        "user-type:premium-x, -,       /v1/chat/completions, standard",
        "-,                 -,         /v1/chat/completions, standard",
        // Query parameters: exact name and value.
        "-,                 beta=true, /v1/chat/completions, beta",
        "-,                 beta=TRUE, /v1/chat/completions, standard",
        "-,                 Beta=true, /v1/chat/completions, standard",
        // Path globs.
        "-,                 -,         /v1/embeddings,       embed",
        "-,                 -,         /v1/completions,      standard",
        // Several conditional targets match: the request goes among them (weighted, sample 0).
        "user-type:premium, beta=true, /v1/chat/completions, premium beta",
    })
    void sendsEachRequestToTheTargetsWhoseConditionsHold(
            String header, String query, String path, String expected) {
        Route route = route(List.of(PREMIUM, BETA, EMBED, STANDARD), List.of());

        RoutePlan plan =
                RoutePlanner.plan(
                        route, request(header, query, path), HealthView.ALL_HEALTHY, 0.0, 0, NOW);

        assertThat(models(plan)).isEqualTo(expected);
    }

    @Test
    void everyConditionOfOneTargetMustHold() {
        Target both =
                new Target(
                        "p",
                        "both",
                        100,
                        true,
                        new MatchRule(
                                Map.of("x-team", "ml"),
                                Map.of("beta", "true"),
                                Optional.of("/v1/chat/*")));
        Route route = route(List.of(both, STANDARD), List.of());

        assertThat(plan(route, request("x-team:ml", "beta=true", "/v1/chat/completions")))
                .isEqualTo("both");
        assertThat(plan(route, request("x-team:ml", "beta=true", "/v1/embeddings")))
                .isEqualTo("standard");
        assertThat(plan(route, request("x-team:ml", "-", "/v1/chat/completions")))
                .isEqualTo("standard");
    }

    @Test
    void aRequestNoTargetTakesGoesToTheFallbacks() {
        Route route = route(List.of(PREMIUM), List.of(new Target("f", "backup", 0, true)));

        RoutePlan plan =
                RoutePlanner.plan(
                        route,
                        request("-", "-", "/v1/chat/completions"),
                        HealthView.ALL_HEALTHY,
                        0.0,
                        0,
                        NOW);

        assertThat(models(plan)).isEqualTo("backup");
        assertThat(plan.noTargetMatches()).isFalse();
    }

    @Test
    void aRequestNothingTakesIsToldSoInsteadOfWaiting() {
        RoutePlan plan =
                RoutePlanner.plan(
                        route(List.of(PREMIUM), List.of()),
                        request("-", "-", "/v1/chat/completions"),
                        HealthView.ALL_HEALTHY,
                        0.0,
                        0,
                        NOW);

        assertThat(plan.attempts()).isEmpty();
        assertThat(plan.noTargetMatches()).isTrue();
        assertThat(plan.retryAt()).isEmpty();
    }

    @Test
    void aMatchingTargetThatIsOutDoesNotHandTheRequestToTheDefaultTarget() {
        HealthView premiumOut =
                (target, now) ->
                        target.model().equals("premium")
                                ? new TargetHealth(
                                        target,
                                        TargetState.EJECTED,
                                        Optional.of(NOW.plusSeconds(30)),
                                        Optional.empty())
                                : TargetHealth.healthy(target);
        RoutePlan plan =
                RoutePlanner.plan(
                        route(List.of(PREMIUM, STANDARD), List.of()),
                        request("user-type:premium", "-", "/v1/chat/completions"),
                        premiumOut,
                        0.0,
                        0,
                        NOW);

        assertThat(plan.attempts()).isEmpty();
        assertThat(plan.noTargetMatches()).isFalse();
        assertThat(plan.retryAt()).contains(NOW.plusSeconds(30));
    }

    @ParameterizedTest(name = "retries {0} -> {1}")
    @CsvSource({"0, m0 backup", "1, m0 m1 backup", "2, m0 m1 m2 backup", "9, m0 m1 m2 backup"})
    void retriesCapTheOtherTargetsTriedBeforeTheFallbacks(int retries, String expected) {
        List<Target> targets =
                List.of(
                        new Target("p", "m0", 300, true),
                        new Target("p", "m1", 200, true),
                        new Target("p", "m2", 100, true));
        Route route =
                new Route(
                        "chat",
                        true,
                        targets,
                        List.of(new Target("f", "backup", 0, true)),
                        Duration.ofSeconds(60),
                        OptionalInt.of(retries),
                        Selection.WEIGHTED);

        assertThat(models(RoutePlanner.plan(route, HealthView.ALL_HEALTHY, 0.0, NOW)))
                .isEqualTo(expected);
    }

    private static String plan(Route route, RequestView request) {
        return models(RoutePlanner.plan(route, request, HealthView.ALL_HEALTHY, 0.0, 0, NOW));
    }
}
