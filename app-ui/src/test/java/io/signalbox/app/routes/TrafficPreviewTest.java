package io.signalbox.app.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.RouteSelection;
import io.signalbox.persistence.config.TargetMatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrafficPreviewTest {

    private static final TargetMatch PREMIUM =
            new TargetMatch(Map.of("user-type", "premium"), Map.of(), Optional.empty());

    private static TrafficPreview.Input on(int weight) {
        return new TrafficPreview.Input(weight, true, TargetMatch.NONE);
    }

    private static List<String> texts(RouteSelection selection, List<TrafficPreview.Input> in) {
        return TrafficPreview.of(selection, in).stream().map(TrafficPreview.Part::text).toList();
    }

    @Test
    void weightedSharesFollowTheWeights() {
        List<TrafficPreview.Input> targets =
                List.of(on(100), on(200), new TrafficPreview.Input(500, false, TargetMatch.NONE));

        assertThat(texts(RouteSelection.WEIGHTED, targets)).containsExactly("33.3%", "66.7%", "0%");
    }

    @Test
    void roundRobinGivesEqualTurnsToTheTargetsThatAreOnWhateverTheirWeight() {
        List<TrafficPreview.Input> targets =
                List.of(
                        on(100),
                        on(900),
                        on(0),
                        new TrafficPreview.Input(300, false, TargetMatch.NONE),
                        on(1));

        List<TrafficPreview.Part> parts = TrafficPreview.of(RouteSelection.ROUND_ROBIN, targets);

        assertThat(parts)
                .extracting(TrafficPreview.Part::text)
                .containsExactly("1 in 3", "1 in 3", "no turn", "no turn", "1 in 3");
        assertThat(parts)
                .extracting(TrafficPreview.Part::barShare)
                .containsExactly(1.0 / 3, 1.0 / 3, 0.0, 0.0, 1.0 / 3);
        assertThat(texts(RouteSelection.ROUND_ROBIN, List.of(on(5)))).containsExactly("every call");
    }

    @Test
    void targetsWithConditionsShareTheirOwnCallsAndTheBarShowsTheRest() {
        List<TrafficPreview.Input> targets =
                List.of(
                        new TrafficPreview.Input(100, true, PREMIUM),
                        new TrafficPreview.Input(300, true, PREMIUM),
                        on(100));

        List<TrafficPreview.Part> parts = TrafficPreview.of(RouteSelection.WEIGHTED, targets);

        assertThat(parts)
                .extracting(TrafficPreview.Part::text)
                .containsExactly("25%", "75%", "100%");
        assertThat(parts).extracting(TrafficPreview.Part::barShare).containsExactly(0.0, 0.0, 1.0);
        assertThat(TrafficPreview.explanation(RouteSelection.WEIGHTED, true))
                .contains("takes only the calls that meet them");
    }
}
