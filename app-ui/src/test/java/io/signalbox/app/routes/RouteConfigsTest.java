package io.signalbox.app.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.ConfigProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteConfigsTest {

    @Test
    void freeNamesCountUpFromTwo() {
        assertThat(RouteConfigs.freeName("new-route", List.of())).isEqualTo("new-route");
        assertThat(RouteConfigs.freeName("new-route", List.of("new-route", "new-route-2")))
                .isEqualTo("new-route-3");
        assertThat(RouteConfigs.copyName("chat", List.of("chat", "chat-copy")))
                .isEqualTo("chat-copy-2");
    }

    @Test
    void theStoresProblemsGoToTheirFields() {
        Findings findings =
                RouteChecks.fromStore(
                        List.of(
                                new ConfigProblem("routes[1].name", "is empty"),
                                new ConfigProblem(
                                        "routes[1].targets[0].provider",
                                        "no provider is named 'x'"),
                                new ConfigProblem("routes[1].fallbacks[2]", "is listed twice"),
                                new ConfigProblem(
                                        "routes[1].timeoutSeconds", "must be from 1 to 3600"),
                                new ConfigProblem("routes[0].name", "another route is named 'a'"),
                                new ConfigProblem(
                                        "accessKeys[0].routes[0]", "no route is named 'b'")),
                        1);

        assertThat(findings.name).isEqualTo("The name is empty.");
        assertThat(findings.targetRows).containsEntry(0, "Provider no provider is named 'x'.");
        assertThat(findings.fallbackRows).containsEntry(2, "Is listed twice.");
        assertThat(findings.timeout).isEqualTo("The timeout must be from 1 to 3600.");
        assertThat(findings.general).isEqualTo("routes[0].name: another route is named 'a'");
    }
}
