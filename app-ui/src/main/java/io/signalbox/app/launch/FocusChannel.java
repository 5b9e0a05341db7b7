package io.signalbox.app.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * How a second desktop launch on the same data dir brings the running window to the front instead
 * of failing. The running app listens on a loopback port and writes that port and a random token to
 * {@code instance.focus} in the (owner-only) data dir; a second launch reads the file, connects,
 * sends {@code focus TOKEN} and, on {@code ok}, exits 0. The token keeps other local users and
 * stray programs that reuse a stale port from triggering it or being mistaken for Signalbox.
 */
public final class FocusChannel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FocusChannel.class.getName());

    static final String FILE = "instance.focus";
    private static final int TIMEOUT_MILLIS = 2_000;

    private final ServerSocket server;
    private final Path file;
    private final String token;
    private final Runnable onFocus;
    private final Thread acceptor;

    private FocusChannel(ServerSocket server, Path file, String token, Runnable onFocus) {
        this.server = server;
        this.file = file;
        this.token = token;
        this.onFocus = onFocus;
        this.acceptor = new Thread(this::acceptLoop, "signalbox-focus");
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts listening for second launches; {@code onFocus} runs on the channel's own thread for
     * each one, so it must hand over to the UI thread itself.
     */
    public static FocusChannel listen(DataDirectory dataDir, Runnable onFocus) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Path file = dataDir.resolve(FILE);
        FocusChannel channel = new FocusChannel(server, file, token, onFocus);
        try {
            DataDirectory.writeOwnerOnly(
                    file,
                    (server.getLocalPort() + " " + token + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        channel.acceptor.start();
        return channel;
    }

    /**
     * Asks the app running on {@code dataDirRoot} to show its window.
     *
     * @return true when a running Signalbox answered; false when none listens (no file, a file left
     *     by a killed app, or a headless instance, which has no window to show)
     */
    public static boolean askToFocus(Path dataDirRoot) {
        String[] portAndToken;
        try {
            portAndToken =
                    Files.readString(dataDirRoot.resolve(FILE), StandardCharsets.UTF_8)
                            .strip()
                            .split(" ");
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
        if (portAndToken.length != 2) {
            return false;
        }
        int port;
        try {
            port = Integer.parseInt(portAndToken[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("focus " + portAndToken[1] + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return "ok".equals(in.readLine());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(TIMEOUT_MILLIS);
                BufferedReader in =
                        new BufferedReader(
                                new InputStreamReader(
                                        client.getInputStream(), StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line != null && matches(line)) {
                    LOG.info("Signalbox was launched again: bringing the window to the front");
                    // Before the answer, so the second launch exits only once the request is in.
                    onFocus.run();
                    client.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
                    client.getOutputStream().flush();
                }
            } catch (SocketException e) {
                // Closed: the app is stopping.
            } catch (IOException | RuntimeException e) {
                LOG.fine("A focus request failed: " + e);
            }
        }
    }

    private boolean matches(String line) {
        byte[] expected = ("focus " + token).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, line.getBytes(StandardCharsets.UTF_8));
    }

    int port() {
        return server.getLocalPort();
    }

    /** Stops listening and removes the file, so the next launch starts a new app. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.fine("Closing the focus channel: " + e);
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning("Could not remove " + file + ": " + e);
        }
    }
}
