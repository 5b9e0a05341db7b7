package io.signalbox.proxy.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} will not do: send any
 * {@code Host} header, and drop the connection at a chosen byte.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    static RawHttp connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(10_000);
        return new RawHttp(socket);
    }

    /** A POST of a JSON body with exactly these extra header lines (Host included). */
    static String post(String path, String host, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST "
                + path
                + " HTTP/1.1\r\n"
                + "Host: "
                + host
                + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n"
                + "Connection: close\r\n\r\n"
                + json;
    }

    RawHttp send(String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads until the text received so far contains {@code marker}; returns all of it. */
    String readUntil(String marker) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (!seen.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("connection ended before " + marker + ": " + seen);
            }
            seen.write(buffer, 0, n);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    /** Reads the whole answer up to the end of the connection. */
    String readAll() throws IOException {
        seen.write(socket.getInputStream().readAllBytes());
        return seen.toString(StandardCharsets.UTF_8);
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
