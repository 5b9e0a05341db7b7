package io.signalbox.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code targets[].canary}: read with its defaults, checked with JSON paths, written back. */
class CanaryConfigTest {

    static String route(String canary) {
        return """
            {
              "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
              "routes": [
                { "name": "chat",
                  "targets": [
                    { "provider": "p", "model": "stable" },
                    { "provider": "p", "model": "next", "canary": %s }
                  ],
                  "fallbacks": [ { "provider": "p", "model": "backup" } ] }
              ]
            }
            """
                .formatted(canary);
    }

    @Test
    void readsTheShareAndFillsInTheDefaults() throws Exception {
        RouteConfig chat = ConfigReader.read(route("{\"share\": 10}")).config().routes().get(0);

        assertThat(chat.targets().get(0).canary()).isEmpty();
        assertThat(chat.targets().get(1).canary())
                .contains(new CanaryConfig(10, 95, 5, CanaryConfig.DEFAULT_MIN_REQUESTS));
    }

    @Test
    void exportAndReadAgainKeepEverySetting() throws Exception {
        SignalboxConfig config =
                ConfigReader.read(
                                route(
                                        "{\"share\": 25, \"minSuccessPercent\": 90,"
                                                + " \"windowMinutes\": 10, \"minRequests\": 50}"))
                        .config();

        String exported = ConfigWriter.write(config, false);

        assertThat(ConfigReader.read(exported).config()).isEqualTo(config);
        assertThat(exported).contains("\"minRequests\" : 50");
    }

    @Test
    void aConfigurationWithoutCanariesExportsNoCanaryField() throws Exception {
        String exported =
                ConfigWriter.write(
                        ConfigReader.read(ConfigReaderTest.CONTRACT_EXAMPLE).config(), false);

        assertThat(exported).doesNotContain("canary");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"share\": 0}                          | routes[0].targets[1].canary.share",
                "{\"share\": 100}                        | routes[0].targets[1].canary.share",
                "{}                                      | routes[0].targets[1].canary.share",
                "{\"share\": 5, \"minSuccessPercent\": 0} | routes[0].targets[1].canary.minSuccessPercent",
                "{\"share\": 5, \"windowMinutes\": 61}    | routes[0].targets[1].canary.windowMinutes",
                "{\"share\": 5, \"minRequests\": 0}       | routes[0].targets[1].canary.minRequests",
                "{\"share\": 5, \"ratio\": 1}             | routes[0].targets[1].canary.ratio",
                "true                                    | routes[0].targets[1].canary",
            })
    void refusesABadCanaryWithItsPath(String canary, String path) {
        assertThatThrownBy(() -> ConfigReader.read(route(canary)))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(ConfigProblem::path)
                                        .contains(path));
    }

    @Test
    void refusesASecondCanaryOnTheSameRoute() {
        String json =
                """
                {
                  "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
                  "routes": [ { "name": "chat", "targets": [
                    { "provider": "p", "model": "stable" },
                    { "provider": "p", "model": "a", "canary": { "share": 5 } },
                    { "provider": "p", "model": "b", "canary": { "share": 5 } } ] } ]
                }
                """;

        assertThatThrownBy(() -> ConfigReader.read(json))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .containsExactly(
                                                new ConfigProblem(
                                                        "routes[0].targets[2].canary",
                                                        "a route has at most one canary"
                                                                + " (targets[1] is one already)")));
    }

    @Test
    void refusesACanaryThatIsTheOnlyTarget() {
        String json =
                """
                { "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
                  "routes": [ { "name": "chat", "targets": [
                    { "provider": "p", "model": "a", "canary": { "share": 5 } } ] } ] }
                """;

        assertThatThrownBy(() -> ConfigReader.read(json))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(ConfigProblem::path)
                                        .containsExactly("routes[0].targets[0].canary"));
    }

    @Test
    void refusesACanaryOnAFallback() {
        String json =
                """
                { "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
                  "routes": [ { "name": "chat", "targets": [ { "provider": "p", "model": "a" } ],
                    "fallbacks": [ { "provider": "p", "model": "b", "canary": { "share": 5 } } ] } ] }
                """;

        assertThatThrownBy(() -> ConfigReader.read(json))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(ConfigProblem::path)
                                        .containsExactly("routes[0].fallbacks[0].canary"));
    }

    @Test
    void theValidatorChecksRangesOfConfigurationsBuiltInCode() {
        RouteConfig route =
                new RouteConfig(
                        "chat",
                        true,
                        java.util.List.of(
                                new TargetConfig("p", "a", 100, true),
                                new TargetConfig("p", "b", 100, true, TargetMatch.NONE)
                                        .withCanary(Optional.of(new CanaryConfig(0, 95, 5, 20)))),
                        java.util.List.of(),
                        60);
        SignalboxConfig config =
                new SignalboxConfig(
                        java.util.List.of(
                                new ProviderConfig(
                                        "p",
                                        ProviderConfig.TYPE_OPENAI,
                                        "http://h/v1",
                                        Optional.empty(),
                                        java.util.Map.of(),
                                        java.util.List.of(),
                                        true,
                                        Optional.empty())),
                        java.util.List.of(route),
                        java.util.List.of());

        assertThat(ConfigValidator.validate(config))
                .extracting(ConfigProblem::path)
                .containsExactly("routes[0].targets[1].canary.share");
    }
}
