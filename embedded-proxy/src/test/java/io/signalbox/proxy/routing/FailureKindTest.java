package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailureKindTest {

    @ParameterizedTest
    @EnumSource(value = FailureKind.class, names = "CALLER_ERROR", mode = EnumSource.Mode.EXCLUDE)
    void everyUpstreamFailureTriesAnotherTarget(FailureKind kind) {
        assertThat(kind.triesAnotherTarget()).isTrue();
    }

    @Test
    void callerErrorIsReturnedAsIs() {
        assertThat(FailureKind.CALLER_ERROR.triesAnotherTarget()).isFalse();
    }
}
