package io.signalbox.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routers and keys limited to routers (ADR 0013): read, checked with paths, written back. */
class RoutersConfigTest {

    static final String WITH_ROUTERS =
            """
            {
              "version": 1,
              "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
              "routes": [
                { "name": "chat", "targets": [ { "provider": "p", "model": "m" } ] },
                { "name": "claude-*", "targets": [ { "provider": "p", "model": "*" } ] }
              ],
              "routers": [
                { "slug": "team-a", "active": true, "routes": ["chat", "claude-*"] },
                { "slug": "lab-2", "active": false, "routes": [] }
              ],
              "accessKeys": [
                { "name": "bob", "key": "sk-sb-0123456789abcdef", "routers": ["team-a"] },
                { "name": "carol", "key": "sk-sb-fedcba9876543210", "routes": ["chat"] }
              ]
            }
            """;

    @Test
    void readsRoutersAndKeysLimitedToThem() throws Exception {
        SignalboxConfig config = ConfigReader.read(WITH_ROUTERS).config();

        assertThat(config.routers())
                .containsExactly(
                        new RouterConfig("team-a", true, List.of("chat", "claude-*")),
                        new RouterConfig("lab-2", false, List.of()));
        assertThat(config.accessKeys().get(0).routers()).containsExactly("team-a");
        assertThat(config.accessKeys().get(1).routers()).isEmpty();
        assertThat(config.accessKeys().get(1).limitedToRouters()).isFalse();
    }

    @Test
    void activeDefaultsToTrueAndRoutesToNone() throws Exception {
        SignalboxConfig config =
                ConfigReader.read(
                                """
                                {"routes": [], "routers": [ { "slug": "x" } ]}
                                """)
                        .config();

        assertThat(config.routers()).containsExactly(new RouterConfig("x", true, List.of()));
    }

    @Test
    void exportAndReadAgainKeepRoutersAndKeyRouters() throws Exception {
        SignalboxConfig config = ConfigReader.read(WITH_ROUTERS).config();

        // Access keys are never exported; a file without them reads back without them.
        String exported = ConfigWriter.write(config, true);
        SignalboxConfig again = ConfigReader.read(exported).config();

        assertThat(again.routers()).isEqualTo(config.routers());
        assertThat(again.accessKeys().get(0).routers()).containsExactly("team-a");
        assertThat(exported).doesNotContain("sk-sb-0123456789abcdef");
    }

    @Test
    void aConfigurationWithoutRoutersExportsWithoutThem() throws Exception {
        String exported =
                ConfigWriter.write(
                        ConfigReader.read(ConfigReaderTest.CONTRACT_EXAMPLE).config(), false);

        assertThat(exported).doesNotContain("routers");
    }

    private static String config(String routers, String keyFields) {
        return """
               {"providers": [{"name": "p", "baseUrl": "http://h/v1"}],
                "routes": [{"name": "chat", "targets": [{"provider": "p", "model": "m"}]},
                           {"name": "gpt-*", "targets": [{"provider": "p", "model": "*"}]}],
                "routers": [%s],
                "accessKeys": [{"name": "k", "key": "sk-sb-0123456789abcdef" %s}]}
               """
                .formatted(routers, keyFields);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            upper-case slug     | {"slug": "Team-A"}                              |                              | routers[0].slug | lower-case letters
            slug with slash     | {"slug": "a/b"}                                 |                              | routers[0].slug | /router/SLUG/v1
            empty slug          | {"slug": ""}                                    |                              | routers[0].slug | 1 to 64
            long slug           | {"slug": "%s"}                                  |                              | routers[0].slug | 1 to 64
            no slug             | {"routes": []}                                  |                              | routers[0].slug | is required
            slug twice          | {"slug": "a"}, {"slug": "a"}                    |                              | routers[1].slug | another router has the slug 'a'
            unknown route       | {"slug": "a", "routes": ["chat", "embed"]}      |                              | routers[0].routes[1] | no route is named 'embed'
            glob matched not listed | {"slug": "a", "routes": ["gpt-4o"]}         |                              | routers[0].routes[0] | exactly as in routes
            route twice         | {"slug": "a", "routes": ["chat", "chat"]}       |                              | routers[0].routes[1] | listed twice
            active not boolean  | {"slug": "a", "active": "yes"}                  |                              | routers[0].active | true or false
            unknown field       | {"slug": "a", "models": []}                     |                              | routers[0].models | unknown field
            key unknown router  | {"slug": "a"}                                   | , "routers": ["b"]           | accessKeys[0].routers[0] | no router has the slug 'b'
            key router twice    | {"slug": "a"}                                   | , "routers": ["a", "a"]      | accessKeys[0].routers[1] | listed twice
            key no routers      | {"slug": "a"}                                   | , "routers": []              | accessKeys[0].routers | at least one router
            """)
    void namesEachProblemWithItsPath(
            String label, String routers, String keyFields, String path, String message) {
        String json =
                config(routers, keyFields == null ? "" : keyFields).replace("%s", "a".repeat(65));

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
    void theValidatorChecksRoutersMadeInCodeToo() {
        SignalboxConfig config =
                new SignalboxConfig(
                        List.of(),
                        List.of(),
                        List.of(
                                new AccessKeyConfig(
                                        "k",
                                        Optional.empty(),
                                        List.of(),
                                        OptionalLong.empty(),
                                        List.of("nope"))),
                        List.of(new RouterConfig("ok-1", true, List.of("gone"))));

        assertThat(ConfigValidator.validate(config))
                .extracting(ConfigProblem::path)
                .containsExactlyInAnyOrder("routers[0].routes[0]", "accessKeys[0].routers[0]");
    }
}
