package io.signalbox.proxy.upstream.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsageCountsTest {

    @Test
    void ofComputesTheTotal() {
        assertThat(UsageCounts.of(10, 5)).isEqualTo(new UsageCounts(10, 5, 15, 0, 0));
        assertThat(UsageCounts.of(0, 0)).isEqualTo(UsageCounts.ZERO);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> new UsageCounts(1, -1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
