package io.signalbox.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactingFormatterTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Authorization: Bearer abc.def-ghi           | Authorization: [redacted]
            header bearer abc123 sent                   | header bearer [redacted] sent
            using key sk-proj-AbCdEf123456 now          | using key sk-[redacted] now
            {"apiKey":"xyz-secret"}                     | {"apiKey":"[redacted]"}
            api_key=hunter2&x=1                         | api_key=[redacted]&x=1
            token: 12345                                | token: [redacted]
            nothing secret here, sk-1 is short          | nothing secret here, sk-1 is short
            """)
    void masksCredentialShapedText(String input, String expected) {
        assertThat(RedactingFormatter.redact(input)).isEqualTo(expected);
    }
}
