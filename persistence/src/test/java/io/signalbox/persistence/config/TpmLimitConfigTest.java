package io.signalbox.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tpmLimit} on targets and fallbacks: read, checked with paths, written back the same. */
class TpmLimitConfigTest {

    static final String WITH_LIMITS =
            """
            {
              "providers": [ { "name": "p", "baseUrl": "http://h/v1" } ],
              "routes": [
                { "name": "by-limits",
                  "targets": [ { "provider": "p", "model": "a", "tpmLimit": 60000 },
                               { "provider": "p", "model": "b", "tpmLimit": 30000 } ],
                  "fallbacks": [ { "provider": "p", "model": "c", "tpmLimit": 1000 } ] },
                { "name": "by-weights",
                  "targets": [ { "provider": "p", "model": "a", "weight": 100, "tpmLimit": 60000 },
                               { "provider": "p", "model": "b", "weight": 300 } ] }
              ]
            }
            """;

    @Test
    void readsLimitsAndWhetherWeightsWereGiven() throws Exception {
        List<RouteConfig> routes = ConfigReader.read(WITH_LIMITS).config().routes();

        TargetConfig a = routes.get(0).targets().get(0);
        assertThat(a.tpmLimit()).isEqualTo(OptionalLong.of(60000));
        assertThat(a.weightGiven()).isFalse();
        assertThat(routes.get(0).fallbacks().get(0).tpmLimit()).isEqualTo(OptionalLong.of(1000));
        assertThat(routes.get(1).targets().get(0).weightGiven()).isTrue();
        assertThat(routes.get(1).targets().get(1).tpmLimit()).isEmpty();
    }

    @Test
    void targetsWithLimitsAndNoWeightsShareByLimits() throws Exception {
        List<RouteConfig> routes = ConfigReader.read(WITH_LIMITS).config().routes();

        List<TargetConfig> byLimits = routes.get(0).targets();
        assertThat(LimitShares.sharesByLimits(byLimits)).isTrue();
        assertThat(byLimits.stream().map(t -> LimitShares.weightOf(t, byLimits)))
                .containsExactly(60000, 30000);
        List<TargetConfig> byWeights = routes.get(1).targets();
        assertThat(LimitShares.sharesByLimits(byWeights)).isFalse();
        assertThat(byWeights.stream().map(t -> LimitShares.weightOf(t, byWeights)))
                .containsExactly(100, 300);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            all limited, no weights            | 60000:-, 30000:-  | true
            one weight given                   | 60000:-, 30000:50 | false
            one without limit                  | 60000:-, -:-      | false
            one without limit but weight 0     | 60000:-, -:0      | true
            no limits at all                   | -:-, -:-          | false
            limited target given weight 0      | 60000:-, 30000:0  | true
            """)
    void mixedRoutesShareByWeights(String label, String targets, boolean byLimits) {
        List<TargetConfig> configs =
                java.util.Arrays.stream(targets.split(","))
                        .map(String::strip)
                        .map(TpmLimitConfigTest::target)
                        .toList();

        assertThat(LimitShares.sharesByLimits(configs)).isEqualTo(byLimits);
    }

    @Test
    void aTargetGivenWeightZeroStaysOffInARouteSharingByLimits() {
        List<TargetConfig> targets = List.of(target("60000:-"), target("30000:0"));

        assertThat(LimitShares.sharesByLimits(targets)).isTrue();
        assertThat(targets.stream().map(t -> LimitShares.weightOf(t, targets)))
                .containsExactly(60000, 0);
    }

    /** "limit:weight", each "-" when absent. */
    private static TargetConfig target(String spec) {
        String[] parts = spec.split(":");
        boolean weightGiven = !parts[1].equals("-");
        return new TargetConfig(
                "p",
                "m" + spec,
                weightGiven ? Integer.parseInt(parts[1]) : TargetConfig.DEFAULT_WEIGHT,
                true,
                TargetMatch.NONE,
                parts[0].equals("-")
                        ? OptionalLong.empty()
                        : OptionalLong.of(Long.parseLong(parts[0])),
                weightGiven);
    }

    @Test
    void exportAndReadAgainKeepLimitsAndMissingWeights() throws Exception {
        SignalboxConfig config = ConfigReader.read(WITH_LIMITS).config();

        String exported = ConfigWriter.write(config, false);

        assertThat(ConfigReader.read(exported).config()).isEqualTo(config);
        assertThat(exported).contains("\"tpmLimit\" : 60000", "\"tpmLimit\" : 1000");
    }

    @Test
    void aConfigurationWithoutLimitsExportsWithoutThem() throws Exception {
        String exported =
                ConfigWriter.write(
                        ConfigReader.read(ConfigReaderTest.CONTRACT_EXAMPLE).config(), false);

        assertThat(exported).doesNotContain("tpmLimit");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            zero                 | "tpmLimit": 0                | routes[0].targets[0].tpmLimit   | from 1 to 1000000000
            negative             | "tpmLimit": -5               | routes[0].targets[0].tpmLimit   | from 1 to 1000000000
            too large            | "tpmLimit": 1000000001       | routes[0].targets[0].tpmLimit   | from 1 to 1000000000
            text                 | "tpmLimit": "60000"          | routes[0].targets[0].tpmLimit   | whole number
            fraction             | "tpmLimit": 1.5              | routes[0].targets[0].tpmLimit   | whole number
            """)
    void namesEachProblemWithItsPath(String label, String field, String path, String message) {
        String json =
                """
                {"providers": [{"name": "p", "baseUrl": "http://h/v1"}],
                 "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m", %s}]}]}
                """
                        .formatted(field);

        assertProblem(json, path, message);
    }

    @Test
    void aFallbackLimitIsCheckedToo() {
        String json =
                """
                {"providers": [{"name": "p", "baseUrl": "http://h/v1"}],
                 "routes": [{"name": "r", "targets": [{"provider": "p", "model": "m"}],
                             "fallbacks": [{"provider": "p", "model": "n", "tpmLimit": 0}]}]}
                """;

        assertProblem(json, "routes[0].fallbacks[0].tpmLimit", "from 1 to");
    }

    private static void assertProblem(String json, String path, String message) {
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
}
