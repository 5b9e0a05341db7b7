package io.signalbox.app.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderLinesTest {

    @Test
    void linesBecomeHeadersInTheirOrderAndBack() throws Exception {
        Map<String, String> headers =
                HeaderLines.parse("X-Team: research\n\n  HTTP-Referer:https://a.example/x  \n");

        assertThat(headers)
                .containsExactly(
                        Map.entry("X-Team", "research"),
                        Map.entry("HTTP-Referer", "https://a.example/x"));
        assertThat(HeaderLines.format(new LinkedHashMap<>(headers)))
                .isEqualTo("X-Team: research\nHTTP-Referer: https://a.example/x");
    }

    @Test
    void aLineWithoutANameIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> HeaderLines.parse("X-A: 1\nsk-secret-value"))
                .isInstanceOf(HeaderLines.BadLine.class)
                .hasMessage("Line 2: write it as Name: value")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theSameHeaderTwiceInAnyCaseIsRefused() {
        assertThatThrownBy(() -> HeaderLines.parse("X-A: 1\nx-a: 2"))
                .hasMessage("Line 2: x-a is set twice");
    }
}
