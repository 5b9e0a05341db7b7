package io.signalbox.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineParserTest {

    @Test
    void noArgumentsMeansTheWindowWithDefaults() throws Exception {
        CommandLine parsed = CommandLineParser.parse(List.of());

        assertThat(parsed.headless()).isFalse();
        assertThat(parsed.dataDir()).isEmpty();
        assertThat(parsed.port()).isEmpty();
        assertThat(parsed.bind()).isEmpty();
        assertThat(parsed.importFile()).isEmpty();
    }

    @Test
    void readsEveryOptionInBothSpellings() throws Exception {
        CommandLine parsed =
                CommandLineParser.parse(
                        List.of(
                                "--headless",
                                "--data-dir",
                                "/tmp/sb",
                                "--port=0",
                                "--bind",
                                "0.0.0.0",
                                "--import=conf.json"));

        assertThat(parsed.headless()).isTrue();
        assertThat(parsed.dataDir()).contains(Path.of("/tmp/sb"));
        assertThat(parsed.port()).hasValue(0);
        assertThat(parsed.bind()).contains("0.0.0.0");
        assertThat(parsed.importFile()).contains(Path.of("conf.json"));
    }

    @Test
    void versionFlag() throws Exception {
        assertThat(CommandLineParser.parse(List.of("--version")).version()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            --port 70000       | --port must be a number from 0 to 65535
            --port abc         | --port must be a number from 0 to 65535
            --port             | --port needs a value
            --data-dir         | --data-dir needs a value
            --import --headless | --import needs a value
            --headless=yes     | --headless takes no value
            --frobnicate       | Unknown option '--frobnicate'
            """)
    void rejectsBadArgumentsWithAClearMessage(String args, String message) {
        assertThatThrownBy(() -> CommandLineParser.parse(List.of(args.split(" "))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }
}
