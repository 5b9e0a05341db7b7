package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteHealthTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final Map<String, ProviderEndpoint> PROVIDERS =
            Map.of(
                    "p", endpoint("p", true),
                    "f", endpoint("f", true),
                    "off", endpoint("off", false));

    private static ProviderEndpoint endpoint(String name, boolean enabled) {
        return new ProviderEndpoint(
                name, URI.create("http://127.0.0.1:1/v1"), Optional.empty(), Map.of(), enabled);
    }

    /** Models listed in {@code out} are ejected; the others healthy. */
    private static HealthView out(String models) {
        Set<String> down = Set.of(models.split(" "));
        return (target, now) ->
                down.contains(target.model())
                        ? new TargetHealth(
                                target,
                                TargetState.EJECTED,
                                Optional.of(NOW.plusSeconds(10)),
                                Optional.empty())
                        : TargetHealth.healthy(target);
    }

    @ParameterizedTest(name = "out: [{0}] -> {1}, {2} of {3}")
    @CsvSource({
        "'',          ACTIVE,   2, 2",
        "a,           DEGRADED, 1, 2",
        "a b,         DEGRADED, 0, 2",
        "backup,      DEGRADED, 2, 2",
        "a b backup,  FAILED,   0, 2",
        // Switched-off targets are not "out": they never count.
        "off-target,  ACTIVE,   2, 2",
    })
    void judgesTheRouteByWhatCanServe(String out, RouteStatus status, int active, int total) {
        Route route =
                new Route(
                        "chat",
                        true,
                        List.of(
                                new Target("p", "a", 100, true),
                                new Target("p", "b", 100, true),
                                new Target("p", "zero", 0, true),
                                new Target("p", "disabled", 100, false),
                                new Target("off", "off-target", 100, true)),
                        List.of(new Target("f", "backup", 0, true)),
                        Duration.ofSeconds(60));

        RouteHealth health = RouteHealth.of(route, PROVIDERS, out(out), NOW);

        assertThat(health.status()).isEqualTo(status);
        assertThat(health.activeTargets()).isEqualTo(active);
        assertThat(health.targets()).isEqualTo(total);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"no target takes traffic", "all on a disabled provider"})
    void aRouteWithNothingThatTakesTrafficHasFailed(String why) {
        Target target =
                why.startsWith("no")
                        ? new Target("p", "a", 0, true)
                        : new Target("off", "a", 100, true);
        Route route = new Route("chat", true, List.of(target), List.of(), Duration.ofSeconds(60));

        RouteHealth health = RouteHealth.of(route, PROVIDERS, HealthView.ALL_HEALTHY, NOW);

        assertThat(health.status()).isEqualTo(RouteStatus.FAILED);
        assertThat(health.activeTargets()).isZero();
        assertThat(health.status().label()).isEqualTo("Failed");
    }
}
