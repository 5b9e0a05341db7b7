package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetHealthTest {

    private static final TargetKey KEY = new TargetKey("p", "m");

    @Test
    void targetKeyComesFromProviderAndModel() {
        assertThat(new Target("p", "m", 100, true).key()).isEqualTo(KEY);
        assertThat(new Target("p", "m", 0, false).key()).isEqualTo(KEY);
    }

    @Test
    void timedStatesNeedADeadlineAndOthersRefuseOne() {
        Optional<Instant> until = Optional.of(Instant.EPOCH);

        assertThatThrownBy(
                        () ->
                                new TargetHealth(
                                        KEY,
                                        TargetState.COOLING,
                                        Optional.empty(),
                                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new TargetHealth(KEY, TargetState.HELD_OUT, until, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new TargetHealth(KEY, TargetState.HEALTHY, until, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allHealthyViewReportsEveryTargetAvailable() {
        assertThat(HealthView.ALL_HEALTHY.health(KEY, Instant.EPOCH))
                .isEqualTo(TargetHealth.healthy(KEY));
        assertThat(HealthView.ALL_HEALTHY.isAvailable(KEY, Instant.EPOCH)).isTrue();
    }
}
