package io.signalbox.proxy.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client's view of a streamed answer, read one event at a time, each read bounded in time so
 * that a proxy holding events back fails the test instead of hanging it.
 */
final class SseStream implements AutoCloseable {

    private static final long WAIT_SECONDS = 10;

    private final HttpResponse<InputStream> response;
    private final BufferedReader reader;
    private final ExecutorService reading =
            Executors.newSingleThreadExecutor(
                    task -> {
                        Thread thread = new Thread(task, "sse-client");
                        thread.setDaemon(true);
                        return thread;
                    });

    SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /**
     * The {@code data:} payload of the next event (blank-line terminated block), or null at the end
     * of the stream. Comment-only blocks are skipped.
     */
    String next() throws Exception {
        try {
            return reading.submit(this::readEvent).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no event within " + WAIT_SECONDS + " s", e);
        }
    }

    /** The payloads of all remaining events, up to the end of the stream. */
    List<String> rest() throws Exception {
        List<String> events = new ArrayList<>();
        for (String event; (event = next()) != null; ) {
            events.add(event);
        }
        return events;
    }

    private String readEvent() throws IOException {
        StringBuilder data = null;
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
                continue;
            }
            if (line.startsWith("data:")) {
                String value =
                        line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        if (data != null) {
            throw new AssertionError("the stream ended inside an event: " + data);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        reading.shutdownNow();
        response.body().close();
    }
}
