package io.signalbox.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void idsAreUniqueAndSortInTheOrderTheyWereMade() {
        RequestIds ids = new RequestIds(Clock.systemUTC());
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }

        assertThat(new HashSet<>(made)).hasSize(made.size());
        assertThat(made).isSorted().allSatisfy(id -> assertThat(id).matches("[0-9a-f]{24}"));
    }

    @Test
    void theTimeComesFirst() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(0x0123456789abL), ZoneOffset.UTC);

        assertThat(new RequestIds(clock).next()).startsWith("0123456789ab");
    }
}
