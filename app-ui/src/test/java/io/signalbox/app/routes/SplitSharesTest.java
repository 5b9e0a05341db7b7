package io.signalbox.app.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitSharesTest {

    /** Weights as "100 200", a leading "-" marks a disabled target; shares as percent text. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "'100 200', '33.3% 66.7%'",
        "'100 100', '50% 50%'",
        "'100', '100%'",
        "'100 0', '100% 0%'",
        "'0 0', '0% 0%'",
        "'-100 300', '0% 100%'",
        "'-100 -100', '0% 0%'",
        "'1 1000', '0.1% 99.9%'",
        "'1 1 1', '33.3% 33.3% 33.3%'",
        "'250 250 500', '25% 25% 50%'",
        "'0 -500 100', '0% 0% 100%'"
    })
    void sharesAreWeightOverTheSumOfEnabledNonZeroWeights(String weights, String expected) {
        List<SplitShares.Weighted> targets =
                Arrays.stream(weights.split(" "))
                        .map(
                                w ->
                                        new SplitShares.Weighted(
                                                Math.abs(Integer.parseInt(w)), !w.startsWith("-")))
                        .toList();

        List<String> shares = SplitShares.of(targets).stream().map(SplitShares::percent).toList();

        assertThat(String.join(" ", shares)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"'100 200'", "'1 2 3 4'", "'999 1 0 7'", "'1000 1000 1000'"})
    void sharesOfTargetsTakingTrafficAddUpToOne(String weights) {
        List<SplitShares.Weighted> targets =
                Arrays.stream(weights.split(" "))
                        .map(w -> new SplitShares.Weighted(Integer.parseInt(w), true))
                        .toList();

        assertThat(SplitShares.of(targets).stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
