package io.signalbox.app.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstRequestTest {

    private static RouteConfig route(String name, boolean enabled) {
        return new RouteConfig(
                name, enabled, List.of(new TargetConfig("local", "m", 100, true)), List.of(), 60);
    }

    private static SignalboxConfig config(List<RouteConfig> routes, List<AccessKeyConfig> keys) {
        return new SignalboxConfig(List.of(), routes, keys);
    }

    @Test
    void theCurlLineNamesTheRealUrlAndTheFirstCallableRoute() {
        SignalboxConfig config =
                config(
                        List.of(route("gpt-*", true), route("off", false), route("chat", true)),
                        List.of());

        assertThat(FirstRequest.curl("http://127.0.0.1:8337/v1", config))
                .isEqualTo(
                        "curl http://127.0.0.1:8337/v1/chat/completions -H 'Content-Type:"
                                + " application/json' -d '{\"model\":\"chat\",\"messages\":"
                                + "[{\"role\":\"user\",\"content\":\"Hello\"}]}'");
    }

    @Test
    void withAccessKeysTheLineAsksForOne() {
        SignalboxConfig config =
                config(
                        List.of(route("chat", true)),
                        List.of(new AccessKeyConfig("alice", Optional.empty(), List.of())));

        assertThat(FirstRequest.curl("http://h/v1", config))
                .contains("-H 'Authorization: Bearer YOUR-ACCESS-KEY'");
        assertThat(FirstRequest.advice(config)).contains("YOUR-ACCESS-KEY");
    }

    @Test
    void withoutARouteTheLineHasAPlaceholderAndTheAdviceSaysWhereToAddOne() {
        SignalboxConfig config = config(List.of(route("claude-*", true)), List.of());

        assertThat(FirstRequest.curl("http://h/v1", config)).contains("\"model\":\"YOUR-ROUTE\"");
        assertThat(FirstRequest.advice(config)).contains("Add a route on the Routes screen");
    }
}
