package io.signalbox.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second-launch handshake over a real loopback socket and a real data dir. */
class FocusChannelTest {

    @TempDir Path temp;

    @Test
    void aSecondLaunchReachesTheRunningAppWhichShowsItsWindow() throws Exception {
        DataDirectory dataDir = DataDirectory.open(temp.resolve("data"));
        CountDownLatch focused = new CountDownLatch(1);
        try (FocusChannel channel = FocusChannel.listen(dataDir, focused::countDown)) {
            assertThat(dataDir.resolve(FocusChannel.FILE)).isRegularFile();

            assertThat(FocusChannel.askToFocus(dataDir.root())).isTrue();

            assertThat(focused.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dataDir.resolve(FocusChannel.FILE)).doesNotExist();
        assertThat(FocusChannel.askToFocus(dataDir.root())).isFalse();
    }

    @Test
    void aWrongTokenIsRefusedAndShowsNothing() throws Exception {
        DataDirectory dataDir = DataDirectory.open(temp.resolve("data"));
        AtomicInteger focused = new AtomicInteger();
        try (FocusChannel channel = FocusChannel.listen(dataDir, focused::incrementAndGet)) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), channel.port())) {
                OutputStream out = socket.getOutputStream();
                out.write("focus 0000\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                // The channel closes the connection without an answer.
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
            // A right one afterwards still works, and is the only one counted.
            assertThat(FocusChannel.askToFocus(dataDir.root())).isTrue();
        }
        assertThat(focused.get()).isEqualTo(1);
    }

    @Test
    void aFileLeftByAKilledAppOrNoFileMeansNoneRuns() throws Exception {
        DataDirectory dataDir = DataDirectory.open(temp.resolve("data"));
        assertThat(FocusChannel.askToFocus(dataDir.root())).isFalse();
        assertThat(FocusChannel.askToFocus(temp.resolve("never-created"))).isFalse();

        int closedPort;
        try (java.net.ServerSocket gone = new java.net.ServerSocket(0)) {
            closedPort = gone.getLocalPort();
        }
        write(dataDir, closedPort + " 0123456789abcdef0123456789abcdef\n");
        assertThat(FocusChannel.askToFocus(dataDir.root())).isFalse();
        write(dataDir, "not a port\n");
        assertThat(FocusChannel.askToFocus(dataDir.root())).isFalse();
    }

    private static void write(DataDirectory dataDir, String text) throws IOException {
        Files.writeString(dataDir.resolve(FocusChannel.FILE), text, StandardCharsets.UTF_8);
    }
}
