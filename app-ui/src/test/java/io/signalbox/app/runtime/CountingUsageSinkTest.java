package io.signalbox.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.usage.UsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountingUsageSinkTest {

    @Test
    void countsEveryFinishedRequestAndHandsItOn() {
        List<UsageEvent> written = new ArrayList<>();
        CountingUsageSink sink = new CountingUsageSink(written::add);

        sink.record(event("r1"));
        sink.record(event("r2"));

        assertThat(sink.completed()).isEqualTo(2);
        assertThat(written).extracting(UsageEvent::requestId).containsExactly("r1", "r2");
    }

    private static UsageEvent event(String id) {
        return new UsageEvent(
                id,
                Instant.EPOCH,
                "chat",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                200,
                false,
                1,
                List.of(),
                UsageCounts.ZERO,
                false,
                Optional.empty());
    }
}
