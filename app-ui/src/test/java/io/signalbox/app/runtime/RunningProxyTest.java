package io.signalbox.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.proxy.ProxyServer;
import io.signalbox.proxy.ProxyUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving the running proxy between real addresses (port 0 and free ports only). */
class RunningProxyTest {

    @TempDir Path temp;

    private SignalboxRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        runtime = RunningApp.runtime(temp);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String lockInfo() throws IOException {
        return Files.readString(runtime.dataDir().root().resolve("instance.info"));
    }

    @Test
    void movesToAFreePortAndTheLockInfoFollows() throws Exception {
        ProxyServer old = runtime.proxy();
        int port = freePort();
        runtime.proxyControl().moveTo("127.0.0.1", port);
        assertThat(runtime.proxy()).isNotSameAs(old);
        assertThat(old.isRunning()).isFalse();
        assertThat(runtime.proxy().port()).isEqualTo(port);
        assertThat(lockInfo()).contains("proxy at http://127.0.0.1:" + port + "/v1");
    }

    @Test
    void aTakenPortLeavesTheOldProxyServing() throws Exception {
        ProxyServer old = runtime.proxy();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(
                            () -> runtime.proxyControl().moveTo("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(ProxyUnavailableException.class)
                    .hasMessageContaining("in use");
        }
        assertThat(runtime.proxy()).isSameAs(old);
        assertThat(old.isRunning()).isTrue();
    }

    @Test
    void refusesTheNetworkWithoutAnAccessKey() {
        assertThatThrownBy(() -> runtime.proxyControl().moveTo("0.0.0.0", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without an access key");
        assertThat(runtime.proxy().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void movesOntoTheNetworkOnTheSamePortOnceAKeyExists() throws Exception {
        runtime.config()
                .replace(
                        new SignalboxConfig(
                                List.of(),
                                List.of(),
                                List.of(
                                        new AccessKeyConfig(
                                                "alice",
                                                Optional.of("sk-sb-alice-0123456789"),
                                                List.of()))));
        int port = runtime.proxy().port();
        // Same port: 0.0.0.0 clashes with the old 127.0.0.1 listener, which must go first.
        runtime.proxyControl().moveTo("0.0.0.0", port);
        assertThat(runtime.proxy().host()).isEqualTo("0.0.0.0");
        assertThat(runtime.proxy().port()).isEqualTo(port);
        assertThat(runtime.proxy().isRunning()).isTrue();
    }
}
