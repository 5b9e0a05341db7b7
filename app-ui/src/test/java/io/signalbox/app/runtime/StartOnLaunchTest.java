package io.signalbox.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.launch.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proxy.startOnLaunch=false} holds back the windowed app's proxy, never a headless one. */
class StartOnLaunchTest {

    @TempDir Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private SignalboxRuntime start(boolean headless) throws StartupException {
        out.reset();
        return SignalboxRuntime.start(
                new CommandLine(
                        headless,
                        false,
                        false,
                        Optional.of(dataDir),
                        OptionalInt.of(0),
                        Optional.empty(),
                        Optional.empty()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void windowedAppLeavesTheProxyStoppedUntilStarted() throws Exception {
        try (SignalboxRuntime first = start(false)) {
            assertThat(first.proxy().isRunning()).isTrue();
            first.database()
                    .settingsRepository()
                    .put(SignalboxRuntime.START_ON_LAUNCH_SETTING, "false");
        }
        try (SignalboxRuntime windowed = start(false)) {
            assertThat(windowed.proxy().isRunning()).isFalse();
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("listening on");
            windowed.proxyControl().start();
            assertThat(windowed.proxy().isRunning()).isTrue();
        }
        try (SignalboxRuntime headless = start(true)) {
            assertThat(headless.proxy().isRunning()).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .startsWith("Signalbox proxy listening on http://127.0.0.1:");
        }
    }
}
