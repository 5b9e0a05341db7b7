package io.signalbox.app.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.TargetMatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetConditionsTest {

    private static TargetDraft target() {
        return new TargetDraft(new ModelRef("lab", "big"), 100, true, 0);
    }

    @Test
    void chipsReadAsTheIssueWritesThem() {
        TargetDraft target = target();

        assertThat(TargetConditions.add(target, MatchCondition.header("user-type", "premium")))
                .isNull();
        assertThat(TargetConditions.add(target, MatchCondition.query("beta", "true"))).isNull();
        assertThat(TargetConditions.add(target, MatchCondition.path("/v1/chat/*"))).isNull();

        assertThat(target.conditions())
                .extracting(MatchCondition::chipText)
                .containsExactly("user-type = premium", "?beta = true", "path /v1/chat/*");
        assertThat(target.matchProperty().get())
                .isEqualTo(
                        new TargetMatch(
                                Map.of("user-type", "premium"),
                                Map.of("beta", "true"),
                                Optional.of("/v1/chat/*")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "HEADER | user type | premium | 'user type' is not a valid header name",
                "HEADER | x-tier:   | premium | 'x-tier:' is not a valid header name",
                "HEADER | ''        | premium | Enter the header's name",
                "HEADER | user-type | ''      | Enter the value the request must have",
                "QUERY  | ''        | true    | Enter the query parameter's name",
                "QUERY  | beta      | ''      | Enter the value the request must have",
                "PATH   | ''        | v1/chat | The path must start with /",
                "PATH   | ''        | ''      | Enter a path such as /v1/chat/*",
                "PATH   | ''        | /v1/a b | The path must not contain spaces",
            })
    void aWrongConditionIsRefusedWithItsReasonAndChangesNothing(
            MatchCondition.Kind kind, String name, String value, String reason) {
        TargetDraft target = target();

        String problem = TargetConditions.add(target, new MatchCondition(kind, name, value));

        assertThat(problem).startsWith(reason);
        assertThat(target.matchProperty().get()).isEqualTo(TargetMatch.NONE);
    }

    @Test
    void aHeaderNameIsNotGivenTwiceInAnyCaseNorASecondPath() {
        TargetDraft target = target();
        TargetConditions.add(target, MatchCondition.header("User-Type", "premium"));
        TargetConditions.add(target, MatchCondition.path("/v1/*"));

        assertThat(TargetConditions.add(target, MatchCondition.header("user-type", "free")))
                .contains("already has a condition on the header User-Type");
        assertThat(TargetConditions.add(target, MatchCondition.path("/v2/*")))
                .contains("one path condition");
        assertThat(target.conditions()).hasSize(2);
    }

    @Test
    void editingReplacesTheConditionInPlaceAndRemovingTakesItOut() {
        TargetDraft target = target();
        TargetConditions.add(target, MatchCondition.header("user-type", "premium"));
        TargetConditions.add(target, MatchCondition.header("x-team", "red"));

        // The same name may be kept when the condition itself is the one edited.
        assertThat(
                        TargetConditions.replace(
                                target, 0, MatchCondition.header(" user-type ", " gold ")))
                .isNull();
        assertThat(target.conditions())
                .containsExactly(
                        MatchCondition.header("user-type", "gold"),
                        MatchCondition.header("x-team", "red"));

        TargetConditions.remove(target, 0);

        assertThat(target.conditions()).containsExactly(MatchCondition.header("x-team", "red"));
        TargetConditions.remove(target, 0);
        assertThat(target.matchProperty().get().isNone()).isTrue();
        assertThat(target.toConfig().match()).isEqualTo(TargetMatch.NONE);
    }

    @Test
    void conditionsRoundTripThroughTheConfigurationsMatch() {
        List<MatchCondition> conditions =
                List.of(
                        MatchCondition.header("b", "2"),
                        MatchCondition.header("a", "1"),
                        MatchCondition.query("q", "x"),
                        MatchCondition.path("/v1/*"));

        assertThat(MatchCondition.listOf(MatchCondition.matchOf(conditions)))
                .as("the order the user wrote is kept")
                .isEqualTo(conditions);
    }
}
