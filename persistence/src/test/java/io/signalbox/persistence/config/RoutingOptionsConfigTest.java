package io.signalbox.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 9's optional route fields: read, checked with JSON paths, and written back the same. */
class RoutingOptionsConfigTest {

    static final String WITH_OPTIONS =
            """
            {
              "version": 1,
              "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
              "routes": [
                { "name": "chat", "selection": "round_robin", "retries": 1,
                  "targets": [
                    { "provider": "p", "model": "premium",
                      "match": { "headers": { "user-type": "premium" }, "query": { "beta": "true" },
                                 "path": "/v1/chat/*" } },
                    { "provider": "p", "model": "standard" }
                  ],
                  "fallbacks": [ { "provider": "p", "model": "backup" } ] }
              ]
            }
            """;

    @Test
    void readsMatchRetriesAndSelection() throws Exception {
        RouteConfig chat = ConfigReader.read(WITH_OPTIONS).config().routes().get(0);

        assertThat(chat.selection()).isEqualTo(RouteSelection.ROUND_ROBIN);
        assertThat(chat.retries()).isEqualTo(OptionalInt.of(1));
        assertThat(chat.targets().get(0).match())
                .isEqualTo(
                        new TargetMatch(
                                Map.of("user-type", "premium"),
                                Map.of("beta", "true"),
                                Optional.of("/v1/chat/*")));
        assertThat(chat.targets().get(1).match()).isEqualTo(TargetMatch.NONE);
    }

    @Test
    void absentFieldsMeanTodaysBehaviour() throws Exception {
        RouteConfig route =
                ConfigReader.read(ConfigReaderTest.CONTRACT_EXAMPLE).config().routes().get(0);

        assertThat(route.selection()).isEqualTo(RouteSelection.WEIGHTED);
        assertThat(route.retries()).isEmpty();
        assertThat(route.targets()).allMatch(target -> target.match().isNone());
    }

    @Test
    void exportAndReadAgainKeepEveryOption() throws Exception {
        SignalboxConfig config = ConfigReader.read(WITH_OPTIONS).config();

        String exported = ConfigWriter.write(config, true);

        assertThat(ConfigReader.read(exported).config()).isEqualTo(config);
        assertThat(exported).contains("\"selection\" : \"round_robin\"", "\"retries\" : 1");
    }

    @Test
    void aConfigurationWithoutOptionsExportsWithoutThem() throws Exception {
        String exported =
                ConfigWriter.write(
                        ConfigReader.read(ConfigReaderTest.CONTRACT_EXAMPLE).config(), false);

        assertThat(exported).doesNotContain("selection", "retries", "match");
    }

    private static String route(String fields, String target) {
        return """
               {"providers": [{"name": "p", "baseUrl": "http://h/v1"}],
                "routes": [{"name": "r", %s "targets": [{"provider": "p", "model": "m" %s}]}]}
               """
                .formatted(fields, target);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            unknown selection   | "selection": "random",                    |                                                     | routes[0].selection | (the default) or
            selection not text  | "selection": 1,                           |                                                     | routes[0].selection | must be a string
            negative retries    | "retries": -1,                            |                                                     | routes[0].retries | from 0 to 20
            too many retries    | "retries": 21,                            |                                                     | routes[0].retries | from 0 to 20
            huge retries        | "retries": 99999999999,                   |                                                     | routes[0].retries | from 0 to 20
            retries as text     | "retries": "2",                           |                                                     | routes[0].retries | whole number
            match not object    |                                           | , "match": "premium"                                | routes[0].targets[0].match | must be an object
            unknown match field |                                           | , "match": {"body": {}}                             | routes[0].targets[0].match.body | unknown field
            bad header name     |                                           | , "match": {"headers": {"user type": "x"}}          | routes[0].targets[0].match.headers.user type | not a valid HTTP header name
            header twice        |                                           | , "match": {"headers": {"X-A": "1", "x-a": "2"}}    | routes[0].targets[0].match.headers.x-a | same header as routes[0].targets[0].match.headers.X-A
            header value number |                                           | , "match": {"headers": {"x-a": 1}}                  | routes[0].targets[0].match.headers.x-a | must be a string
            header line break   |                                           | , "match": {"headers": {"x-a": "a\\nb"}}            | routes[0].targets[0].match.headers.x-a | line breaks
            empty query name    |                                           | , "match": {"query": {"": "1"}}                     | routes[0].targets[0].match.query | parameter name is empty
            long query name     |                                           | , "match": {"query": {"%s": "1"}}                   | routes[0].targets[0].match.query | longer than 256
            relative path       |                                           | , "match": {"path": "v1/chat/*"}                    | routes[0].targets[0].match.path | must start with /
            path with space     |                                           | , "match": {"path": "/v1/chat /*"}                  | routes[0].targets[0].match.path | spaces
            match on fallback   | "fallbacks": [{"provider": "p", "model": "n", "match": {}}], |                                  | routes[0].fallbacks[0].match | unknown field
            """)
    void namesEachProblemWithItsPath(
            String label, String routeFields, String targetFields, String path, String message) {
        String json =
                route(
                                routeFields == null ? "" : routeFields,
                                targetFields == null ? "" : targetFields)
                        .replace("%s", "q".repeat(257));

        assertThatThrownBy(() -> ConfigReader.read(json))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(
                        e ->
                                assertThat(((InvalidConfigException) e).problems())
                                        .anySatisfy(
                                                problem -> {
                                                    assertThat(problem.path()).isEqualTo(path);
                                                    assertThat(problem.message()).contains(message);
                                                }));
    }

    @Test
    void theValidatorChecksConfigurationsMadeInCodeToo() {
        RouteConfig route =
                new RouteConfig(
                        "r",
                        true,
                        java.util.List.of(
                                new TargetConfig(
                                        "p",
                                        "m",
                                        100,
                                        true,
                                        new TargetMatch(Map.of(), Map.of(), Optional.of("chat")))),
                        java.util.List.of(),
                        60,
                        OptionalInt.of(50),
                        RouteSelection.WEIGHTED);
        SignalboxConfig config =
                new SignalboxConfig(
                        java.util.List.of(
                                new ProviderConfig(
                                        "p",
                                        "openai",
                                        "http://h/v1",
                                        Optional.empty(),
                                        Map.of(),
                                        java.util.List.of(),
                                        true)),
                        java.util.List.of(route),
                        java.util.List.of());

        assertThat(ConfigValidator.validate(config))
                .extracting(ConfigProblem::path)
                .containsExactlyInAnyOrder("routes[0].retries", "routes[0].targets[0].match.path");
    }
}
