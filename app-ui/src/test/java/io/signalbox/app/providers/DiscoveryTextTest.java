package io.signalbox.app.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.discovery.DiscoveryException.Kind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryTextTest {

    @ParameterizedTest
    @CsvSource({
        "WRONG_KEY, Wrong or missing API key",
        "NOT_FOUND, Wrong base URL",
        "UNREACHABLE, Server unreachable",
        "TIMEOUT, No answer in time",
        "NOT_JSON, No model list at this address",
    })
    void failuresHaveAPlainHeadline(Kind kind, String headline) {
        assertThat(DiscoveryText.headline(kind)).isEqualTo(headline);
    }

    @Test
    void everyKindHasAHeadline() {
        assertThat(Arrays.stream(Kind.values()).map(DiscoveryText::headline)).doesNotContainNull();
    }

    @Test
    void theSummarySaysWhatChangedSinceWhen() {
        Optional<Instant> before = Optional.of(Instant.parse("2026-11-03T14:02:00Z"));

        assertThat(DiscoveryText.summary(14, 2, 1, before, ZoneOffset.UTC))
                .isEqualTo("14 models · 2 new, 1 removed since 3 Nov 14:02");
        assertThat(DiscoveryText.summary(1, 0, 0, before, ZoneOffset.UTC))
                .isEqualTo("1 model · no change since 3 Nov 14:02");
        assertThat(DiscoveryText.summary(5, 0, 0, Optional.empty(), ZoneOffset.UTC))
                .isEqualTo("5 models found");
    }
}
