package io.signalbox.proxy.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream that writes exactly the bytes a test gives, to produce what a well-behaved server
 * such as Jetty never sends (a broken chunk). Each connection gets the same bytes, then is closed.
 */
final class RawUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] answer;
    private final AtomicInteger hits = new AtomicInteger();
    private final Thread thread;

    private RawUpstream(String answer) throws IOException {
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.answer = answer.getBytes(StandardCharsets.UTF_8);
        this.thread = new Thread(this::serve, "raw-upstream");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    static RawUpstream answering(String answer) throws IOException {
        return new RawUpstream(answer);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1");
    }

    int hits() {
        return hits.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                readRequest(socket.getInputStream());
                hits.incrementAndGet();
                socket.getOutputStream().write(answer);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // Closed by the test, or the proxy hung up: either way, next connection.
            }
        }
    }

    /** Reads the head and the Content-Length body, so the answer never races the request. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.write(b);
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        in.readNBytes((int) length);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
