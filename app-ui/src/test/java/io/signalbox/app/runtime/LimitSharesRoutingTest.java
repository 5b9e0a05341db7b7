package io.signalbox.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signalbox.persistence.config.ConfigReader;
import io.signalbox.proxy.routing.HealthView;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutePlanner;
import io.signalbox.proxy.routing.Target;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * From the configuration file to the planner's first picks: targets with limits and no weights
 * share traffic by their limits; any weight in the route makes the weights decide (ADR 0014). The
 * picks use 30,000 evenly spaced samples, so the shares are exact up to rounding, not luck.
 */
class LimitSharesRoutingTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final int PICKS = 30_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            limits only: 60k and 30k              | "tpmLimit": 60000             | "tpmLimit": 30000             | 66.7 | 33.3
            limits only: 10k, 10k                 | "tpmLimit": 10000             | "tpmLimit": 10000             | 50.0 | 50.0
            weights given: weights decide         | "tpmLimit": 60000, "weight": 100 | "tpmLimit": 30000, "weight": 300 | 25.0 | 75.0
            one weight given: weights decide      | "tpmLimit": 60000             | "tpmLimit": 30000, "weight": 300 | 25.0 | 75.0
            one unlimited: default weights decide | "tpmLimit": 90000             | "enabled": true               | 50.0 | 50.0
            """)
    void firstPicksFollowLimitsOnlyWhenNoWeightIsGiven(
            String label, String first, String second, double firstShare, double secondShare)
            throws Exception {
        String json =
                """
                { "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
                  "routes": [ { "name": "chat", "targets": [
                      { "provider": "p", "model": "a", %s },
                      { "provider": "p", "model": "b", %s } ] } ] }
                """
                        .formatted(first, second);
        Route route = RoutingTables.from(ConfigReader.read(json).config()).routes().get(0);

        Map<String, Integer> picks = new LinkedHashMap<>(Map.of("a", 0, "b", 0));
        for (int i = 0; i < PICKS; i++) {
            double sample = (i + 0.5) / PICKS;
            Target pick =
                    RoutePlanner.plan(route, HealthView.ALL_HEALTHY, sample, NOW).attempts().get(0);
            picks.merge(pick.model(), 1, Integer::sum);
        }

        assertThat(100.0 * picks.get("a") / PICKS).isCloseTo(firstShare, within(0.1));
        assertThat(100.0 * picks.get("b") / PICKS).isCloseTo(secondShare, within(0.1));
    }
}
