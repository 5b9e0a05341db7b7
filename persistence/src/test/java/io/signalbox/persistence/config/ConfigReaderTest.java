package io.signalbox.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

    static final String CONTRACT_EXAMPLE =
            """
            {
              "version": 1,
              "providers": [
                { "name": "lab-vllm", "type": "openai", "baseUrl": "http://10.0.0.5:8000/v1",
                  "apiKey": "sk-lab-0123456789", "headers": { "X-Team": "ml" },
                  "models": ["qwen2.5-7b-instruct"], "enabled": true },
                { "name": "openrouter", "baseUrl": "https://openrouter.ai/api/v1/" },
                { "name": "groq", "baseUrl": "https://api.groq.com/openai/v1" }
              ],
              "routes": [
                { "name": "chat", "enabled": true,
                  "targets": [
                    { "provider": "lab-vllm", "model": "qwen2.5-7b-instruct", "weight": 100, "enabled": true },
                    { "provider": "openrouter", "model": "openai/gpt-4o-mini", "weight": 200, "enabled": true }
                  ],
                  "fallbacks": [ { "provider": "groq", "model": "llama-3.1-8b-instant" } ],
                  "timeoutSeconds": 60 },
                { "name": "claude-*", "targets": [ { "provider": "openrouter", "model": "*" } ] }
              ],
              "accessKeys": [ { "name": "alice", "key": "sk-sb-alice-0123456789", "routes": ["chat"] } ]
            }
            """;

    @Test
    void readsTheContractExample() throws Exception {
        ParsedConfig parsed = ConfigReader.read(CONTRACT_EXAMPLE);
        SignalboxConfig config = parsed.config();

        assertThat(config.providers())
                .extracting(ProviderConfig::name)
                .containsExactly("lab-vllm", "openrouter", "groq");
        ProviderConfig lab = config.providers().get(0);
        assertThat(lab.apiKey()).contains("sk-lab-0123456789");
        assertThat(lab.headers()).containsEntry("X-Team", "ml");
        assertThat(lab.models()).containsExactly("qwen2.5-7b-instruct");
        assertThat(config.providers().get(1).baseUrl())
                .as("trailing slash removed")
                .isEqualTo("https://openrouter.ai/api/v1");
        assertThat(config.providers().get(1).type()).isEqualTo("openai");
        assertThat(config.providers().get(1).enabled()).isTrue();

        RouteConfig chat = config.routes().get(0);
        assertThat(chat.targets())
                .containsExactly(
                        new TargetConfig("lab-vllm", "qwen2.5-7b-instruct", 100, true),
                        new TargetConfig("openrouter", "openai/gpt-4o-mini", 200, true));
        assertThat(chat.fallbacks())
                .containsExactly(new FallbackConfig("groq", "llama-3.1-8b-instant"));
        RouteConfig glob = config.routes().get(1);
        assertThat(glob.targets().get(0).weight()).isEqualTo(100);
        assertThat(glob.timeoutSeconds()).isEqualTo(60);

        assertThat(config.accessKeys().get(0).key()).contains("sk-sb-alice-0123456789");
        assertThat(config.accessKeys().get(0).routes()).containsExactly("chat");
        assertThat(parsed.providersKeepingSecrets())
                .containsExactlyInAnyOrder("openrouter", "groq");
    }

    @Test
    void anEmptyObjectIsAnEmptyConfiguration() throws Exception {
        assertThat(ConfigReader.read("{}").config()).isEqualTo(SignalboxConfig.empty());
    }

    @Test
    void exportAndReadAgainGiveTheSameConfiguration() throws Exception {
        SignalboxConfig config = ConfigReader.read(CONTRACT_EXAMPLE).config();
        SignalboxConfig again = ConfigReader.read(ConfigWriter.write(config, true)).config();

        assertThat(again.providers()).isEqualTo(config.providers());
        assertThat(again.routes()).isEqualTo(config.routes());
        assertThat(again.accessKeys())
                .as("access keys are never exported")
                .extracting(AccessKeyConfig::key)
                .containsOnly(Optional.empty());
    }

    @Test
    void aDailyTokenLimitIsReadAndWrittenAndAbsentMeansNone() throws Exception {
        SignalboxConfig config =
                ConfigReader.read(
                                """
                                { "accessKeys": [
                                    { "name": "alice", "key": "sk-sb-alice-0123456789", "dailyTokenLimit": 200000 },
                                    { "name": "bob", "key": "sk-sb-bob-000123456789" } ] }
                                """)
                        .config();

        assertThat(config.accessKeys().get(0).dailyTokenLimit()).hasValue(200_000);
        assertThat(config.accessKeys().get(1).dailyTokenLimit()).isEmpty();
        String export = ConfigWriter.write(config, false);
        assertThat(export)
                .contains("\"dailyTokenLimit\" : 200000")
                .containsOnlyOnce("dailyTokenLimit");
        assertThat(ConfigReader.read(export).config().accessKeys())
                .extracting(AccessKeyConfig::dailyTokenLimit)
                .containsExactly(OptionalLong.of(200_000), OptionalLong.empty());
    }

    @Test
    void exportWithoutSecretsLeavesKeysAndSecretHeadersOut() throws Exception {
        String json =
                """
                { "providers": [ { "name": "azure", "baseUrl": "https://x.example/v1",
                    "apiKey": "sk-canary-export-1234", "headers": { "api-key": "canary-header-5678", "X-Team": "ml" } } ],
                  "routes": [], "accessKeys": [ { "name": "a", "key": "sk-sb-canary-key-0000" } ] }
                """;
        SignalboxConfig config = ConfigReader.read(json).config();

        String export = ConfigWriter.write(config, false);

        assertThat(export)
                .doesNotContain(
                        "sk-canary-export-1234", "canary-header-5678", "sk-sb-canary-key-0000")
                .contains("X-Team");
        assertThat(ConfigWriter.write(config, true))
                .contains("sk-canary-export-1234", "canary-header-5678")
                .doesNotContain("sk-sb-canary-key-0000");
    }

    @Test
    void reimportingAnExportWithoutSecretsKeepsTheStoredSecrets() throws Exception {
        String json =
                """
                { "providers": [ { "name": "azure", "baseUrl": "https://x.example/v1",
                    "apiKey": "sk-stored-1234567", "headers": { "api-key": "stored-header", "X-Team": "ml" } },
                    { "name": "cleared", "baseUrl": "https://y.example/v1", "apiKey": "sk-old-key-123456" } ] }
                """;
        SignalboxConfig stored = ConfigReader.read(json).config();
        String reimport =
                ConfigWriter.write(stored, false)
                        .replace(
                                "\"name\" : \"cleared\",",
                                "\"name\" : \"cleared\", \"apiKey\" : null,");

        SignalboxConfig merged = ConfigMerge.keepStoredSecrets(ConfigReader.read(reimport), stored);

        assertThat(merged.providers().get(0)).isEqualTo(stored.providers().get(0));
        assertThat(merged.providers().get(1).apiKey())
                .as("an explicit null deletes the key")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            not JSON                 | {"providers": [                                                   | $                        | not valid JSON at line
            not an object            | []                                                                | $                        | must be a JSON object
            duplicate field          | {"routes": [], "routes": []}                                      | $                        | appears twice
            unknown root field       | {"provider": []}                                                  | provider                 | unknown field
            wrong version            | {"version": 2}                                                    | version                  | reads version 1
            providers not a list     | {"providers": {}}                                                 | providers                | must be a list
            provider not an object   | {"providers": [1]}                                                | providers[0]             | must be an object
            missing provider name    | {"providers": [{"baseUrl": "http://h/v1"}]}                       | providers[0].name        | is required
            bad provider name        | {"providers": [{"name": "a b", "baseUrl": "http://h/v1"}]}        | providers[0].name        | letters, digits
            duplicate provider       | {"providers": [{"name": "a", "baseUrl": "http://h/v1"}, {"name": "a", "baseUrl": "http://h/v1"}]} | providers[1].name | another provider
            unknown provider type    | {"providers": [{"name": "a", "type": "anthropic", "baseUrl": "http://h/v1"}]} | providers[0].type | only type
            bad URL scheme           | {"providers": [{"name": "a", "baseUrl": "ftp://h/v1"}]}           | providers[0].baseUrl     | http:// or https://
            URL without host         | {"providers": [{"name": "a", "baseUrl": "http:///v1"}]}           | providers[0].baseUrl     | no host
            URL not a URL            | {"providers": [{"name": "a", "baseUrl": "http://a b/v1"}]}        | providers[0].baseUrl     | not a valid URL
            URL with endpoint        | {"providers": [{"name": "a", "baseUrl": "http://h/v1/chat/completions"}]} | providers[0].baseUrl | end before /chat/completions
            URL with password        | {"providers": [{"name": "a", "baseUrl": "http://u:pw@h/v1"}]}     | providers[0].baseUrl     | user name or password
            reserved header          | {"providers": [{"name": "a", "baseUrl": "http://h/v1", "headers": {"Host": "x"}}]} | providers[0].headers.Host | set by the proxy
            header not a string      | {"providers": [{"name": "a", "baseUrl": "http://h/v1", "headers": {"X": 1}}]} | providers[0].headers.X | must be a string
            enabled not boolean      | {"providers": [{"name": "a", "baseUrl": "http://h/v1", "enabled": "yes"}]} | providers[0].enabled | true or false
            route without targets    | {"routes": [{"name": "r"}]}                                       | routes[0].targets        | at least one target
            unknown provider         | {"routes": [{"name": "r", "targets": [{"provider": "nope", "model": "m"}]}]} | routes[0].targets[0].provider | no provider is named 'nope'
            weight too high          | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m", "weight": 1001}]}]} | routes[0].targets[0].weight | from 0 to 1000
            negative weight          | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m", "weight": -1}]}]} | routes[0].targets[0].weight | from 0 to 1000
            fractional weight        | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m", "weight": 1.5}]}]} | routes[0].targets[0].weight | whole number
            zero timeout             | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "timeoutSeconds": 0, "targets": [{"provider": "p", "model": "m"}]}]} | routes[0].timeoutSeconds | from 1 to 3600
            duplicate route          | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m"}]}, {"name": "r", "targets": [{"provider": "p", "model": "m"}]}]} | routes[1].name | another route
            bad glob bracket         | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "gpt-[45]", "targets": [{"provider": "p", "model": "m"}]}]} | routes[0].name | only use * and ?
            bad glob double star     | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "a**", "targets": [{"provider": "p", "model": "m"}]}]} | routes[0].name | single '*'
            route name with space    | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "a b", "targets": [{"provider": "p", "model": "m"}]}]} | routes[0].name | glob characters
            duplicate target         | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m"}, {"provider": "p", "model": "m"}]}]} | routes[0].targets[1] | the same model as routes[0].targets[0]
            fallback equals target   | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m"}], "fallbacks": [{"provider": "p", "model": "m"}]}]} | routes[0].fallbacks[0] | already a target
            fallback weight          | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m"}], "fallbacks": [{"provider": "p", "model": "n", "weight": 5}]}]} | routes[0].fallbacks[0].weight | unknown field
            unknown fallback provider | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m"}], "fallbacks": [{"provider": "q", "model": "n"}]}]} | routes[0].fallbacks[0].provider | no provider is named 'q'
            empty model              | {"providers": [{"name": "p", "baseUrl": "http://h/v1"}], "routes": [{"name": "r", "targets": [{"provider": "p", "model": " "}]}]} | routes[0].targets[0].model | is empty
            short access key         | {"accessKeys": [{"name": "a", "key": "short"}]}                   | accessKeys[0].key        | at least 16 characters
            duplicate access key     | {"accessKeys": [{"name": "a", "key": "sk-sb-0123456789abc"}, {"name": "b", "key": "sk-sb-0123456789abc"}]} | accessKeys[1].key | same key as accessKeys[0]
            duplicate key name       | {"accessKeys": [{"name": "a", "key": "sk-sb-0123456789abc"}, {"name": "a", "key": "sk-sb-0123456789xyz"}]} | accessKeys[1].name | another access key
            key for unknown route    | {"accessKeys": [{"name": "a", "key": "sk-sb-0123456789abc", "routes": ["nope"]}]} | accessKeys[0].routes[0] | no route is named 'nope'
            key with empty routes    | {"accessKeys": [{"name": "a", "key": "sk-sb-0123456789abc", "routes": []}]} | accessKeys[0].routes | at least one route
            zero token limit         | {"accessKeys": [{"name": "a", "key": "sk-sb-0123456789abc", "dailyTokenLimit": 0}]} | accessKeys[0].dailyTokenLimit | above 0
            negative token limit     | {"accessKeys": [{"name": "a", "key": "sk-sb-0123456789abc", "dailyTokenLimit": -5}]} | accessKeys[0].dailyTokenLimit | above 0
            fractional token limit   | {"accessKeys": [{"name": "a", "key": "sk-sb-0123456789abc", "dailyTokenLimit": 1.5}]} | accessKeys[0].dailyTokenLimit | whole number
            token limit as text      | {"accessKeys": [{"name": "a", "key": "sk-sb-0123456789abc", "dailyTokenLimit": "200000"}]} | accessKeys[0].dailyTokenLimit | whole number
            token limit too large    | {"accessKeys": [{"name": "a", "key": "sk-sb-0123456789abc", "dailyTokenLimit": 99999999999999999999}]} | accessKeys[0].dailyTokenLimit | whole number
            """)
    void namesEachProblemWithItsPath(String label, String json, String path, String message) {
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
    void reportsEveryProblemAtOnce() {
        String json =
                """
                { "providers": [ { "name": "bad name", "baseUrl": "ftp://x" } ],
                  "routes": [ { "name": "r", "targets": [ { "provider": "ghost", "model": "m", "weight": 5000 } ] } ] }
                """;

        assertThatThrownBy(() -> ConfigReader.read(json))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(ConfigProblem::path)
                                        .containsExactlyInAnyOrder(
                                                "providers[0].name",
                                                "providers[0].baseUrl",
                                                "routes[0].targets[0].weight",
                                                "routes[0].targets[0].provider"));
    }

    @Test
    void problemsNeverQuoteASecret() {
        String json =
                """
                { "providers": [ { "name": "p", "baseUrl": "http://user:sk-canary-url-999@h/v1",
                    "apiKey": "sk canary with spaces 42" } ],
                  "accessKeys": [ { "name": "a", "key": "sk-sb-canary-dup-0001" }, { "name": "b", "key": "sk-sb-canary-dup-0001" } ] }
                """;

        assertThatThrownBy(() -> ConfigReader.read(json))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> {
                            assertThat(e.problems()).hasSize(3);
                            assertThat(e.getMessage())
                                    .doesNotContain(
                                            "sk-canary-url-999",
                                            "canary with spaces",
                                            "sk-sb-canary-dup-0001");
                        });
    }

    @Test
    void aSyntaxErrorDoesNotQuoteTheBrokenToken() {
        String json = "{\"providers\": [{\"apiKey\": sk-canary-unquoted-77}]}";

        assertThatThrownBy(() -> ConfigReader.read(json))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageNotContaining("sk-canary-unquoted-77")
                .hasMessageContaining("line 1");
    }

    @Test
    void problemCountIsInTheMessage() {
        assertThatThrownBy(() -> ConfigReader.read("{\"version\": 2, \"x\": 1}"))
                .hasMessageStartingWith("2 problems in the configuration")
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .isEqualTo(
                                                List.of(
                                                        new ConfigProblem(
                                                                "x",
                                                                "unknown field; allowed here: accessKeys, providers, routers, routes, version"),
                                                        new ConfigProblem(
                                                                "version",
                                                                "this Signalbox reads version 1"))));
    }
}
