package io.signalbox.app.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.CanaryConfig;
import io.signalbox.proxy.routing.Canary;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.CanaryStatus;
import io.signalbox.proxy.routing.TargetKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The canary badge's words for a draft, an active and a demoted canary. */
class CanaryTextTest {

    private static final Canary CANARY = new Canary(new TargetKey("p", "next"), 10, 95, 5, 20);

    @Test
    void aMarkedTargetShowsItsShare() {
        assertThat(CanaryText.badge(CanaryConfig.withShare(10), Optional.empty()))
                .isEqualTo("Canary 10%");
        assertThat(CanaryText.badge(null, Optional.empty())).isEmpty();
    }

    @Test
    void anActiveRunningCanaryShowsTheShareOfTheDraft() {
        CanaryStatus active = new CanaryStatus("chat", CANARY, false, 3, 4, Optional.empty());

        assertThat(CanaryText.badge(CanaryConfig.withShare(25), Optional.of(active)))
                .isEqualTo("Canary 25%");
    }

    @Test
    void aDemotedCanaryShowsTheFiguresItWasDemotedOn() {
        CanaryDecision demotion =
                new CanaryDecision(
                        Instant.parse("2026-01-01T00:00:00Z"),
                        "chat",
                        CANARY,
                        CanaryDecision.Action.DEMOTED,
                        35,
                        40);
        CanaryStatus demoted =
                new CanaryStatus("chat", CANARY, true, 50, 60, Optional.of(demotion));

        assertThat(CanaryText.badge(CanaryConfig.withShare(10), Optional.of(demoted)))
                .isEqualTo("Demoted: 87% of 40 in 5 min");
    }

    @Test
    void figuresForMessages() {
        assertThat(CanaryText.figures(14, 16)).isEqualTo("87% of 16 attempts succeeded");
        assertThat(CanaryText.figures(0, 0)).isEqualTo("no attempts in its window");
    }
}
