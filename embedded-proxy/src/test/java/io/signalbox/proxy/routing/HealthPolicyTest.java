package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthPolicyTest {

    @Test
    void defaultsAreFiveSecondsThreeFailuresFiveSecondsToFiveMinutes() {
        assertThat(HealthPolicy.defaults())
                .isEqualTo(
                        new HealthPolicy(
                                Duration.ofSeconds(5),
                                3,
                                Duration.ofSeconds(5),
                                Duration.ofMinutes(5)));
    }

    @ParameterizedTest(name = "after {0} ejections the next lasts {1} s")
    @CsvSource({"0, 5", "1, 10", "2, 20", "3, 40", "5, 160", "6, 300", "7, 300", "1000, 300"})
    void ejectionDoublesUpToTheCap(int previousEjections, long expectedSeconds) {
        assertThat(HealthPolicy.defaults().ejectionLength(previousEjections))
                .isEqualTo(Duration.ofSeconds(expectedSeconds));
    }

    @Test
    void rejectsNonsense() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new HealthPolicy(second, 0, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthPolicy(Duration.ZERO, 1, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthPolicy(second, 1, second.multipliedBy(2), second))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
