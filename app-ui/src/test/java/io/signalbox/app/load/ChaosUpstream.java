package io.signalbox.app.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A streaming OpenAI-compatible provider for load: a real Jetty server on 127.0.0.1, port 0. Every
 * chat call gets a stream of chunks {@link #EVENT_GAP} apart (role, 2 to 6 words, finish, the usage
 * chunk when {@code stream_options.include_usage} asks for it, {@code [DONE]}), except that a
 * quarter of the calls, drawn from a seeded {@link Random}, fail in one of the {@link Fault} ways
 * (chosen evenly). The seed fixes the sequence of draws; which call gets which draw depends on the
 * order the concurrent calls arrive in, so runs are alike, not identical. Nothing blocks a thread:
 * the body is read asynchronously and each event is a scheduled write.
 *
 * <p>It counts what it did, so the request log can be compared with it exactly: the calls, each
 * fault sent, the streams it completed and the total tokens it reported in them.
 */
final class ChaosUpstream implements AutoCloseable {

    /** How a failing call fails. */
    enum Fault {
        /** HTTP 500 with an OpenAI error body. */
        HTTP_500("server_error"),
        /** HTTP 429 with a short wait ({@code retry-after-ms: 50}, {@code Retry-After: 1}). */
        HTTP_429("rate_limited"),
        /** The connection is closed before any byte of an answer. */
        CLOSED_BEFORE_HEADERS("connect_failed"),
        /** A 200 event stream whose first event is an error. */
        ERROR_FIRST_EVENT("error_event"),
        /** The stream breaks after 1 or more events, without {@code [DONE]}. */
        CUT_AFTER_EVENTS("failed_after_commit");

        /** The request log's outcome for an attempt that met this fault. */
        final String loggedOutcome;

        Fault(String loggedOutcome) {
            this.loggedOutcome = loggedOutcome;
        }
    }

    static final Duration EVENT_GAP = Duration.ofMillis(3);

    /** One call in this many fails. */
    private static final int FAILING_ONE_IN = 4;

    private static final JsonMapper JSON = new JsonMapper();

    private final Server server;
    private final ServerConnector connector;
    private final Random random;
    private final LongAdder calls = new LongAdder();
    private final Map<Fault, LongAdder> faults = new EnumMap<>(Fault.class);
    private final LongAdder completedStreams = new LongAdder();
    private final LongAdder completedTokens = new LongAdder();
    private final LongAdder usageNotAskedFor = new LongAdder();

    /** What one call will get: no fault, or which, and the stream's size. */
    private record Plan(Fault fault, int words, int promptTokens, int cutAfterEvents) {}

    private ChaosUpstream(String name, long seed) {
        this.random = new Random(seed);
        for (Fault fault : Fault.values()) {
            faults.put(fault, new LongAdder());
        }
        // A fixed number of threads (the server never blocks one), so that the upstreams' own pool
        // does not grow from run to run and blur the leak check of Signalbox's threads.
        QueuedThreadPool threads = new QueuedThreadPool(16, 16);
        threads.setName("upstream-" + name);
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(
                new Handler.Abstract.NonBlocking() {
                    @Override
                    public boolean handle(Request request, Response response, Callback callback) {
                        Content.Source.asString(
                                request,
                                StandardCharsets.UTF_8,
                                Promise.from(
                                        body -> serve(body, request, response, callback),
                                        callback::failed));
                        return true;
                    }
                });
    }

    static ChaosUpstream start(String name, long seed) throws Exception {
        ChaosUpstream upstream = new ChaosUpstream(name, seed);
        upstream.server.start();
        return upstream;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/v1");
    }

    long calls() {
        return calls.sum();
    }

    long faults(Fault fault) {
        return faults.get(fault).sum();
    }

    /** Streams that went out whole, up to their {@code [DONE]}. */
    long completedStreams() {
        return completedStreams.sum();
    }

    /** The total tokens reported in the usage chunks of the completed streams. */
    long completedTokens() {
        return completedTokens.sum();
    }

    /** Calls whose body did not ask for the usage chunk (the proxy always should). */
    long usageNotAskedFor() {
        return usageNotAskedFor.sum();
    }

    private Plan draw() {
        // One Random for every thread of this upstream: the sequence of plans is the seed's, in
        // the order the calls arrive.
        synchronized (random) {
            Fault fault =
                    random.nextInt(FAILING_ONE_IN) == 0
                            ? Fault.values()[random.nextInt(Fault.values().length)]
                            : null;
            int words = 2 + random.nextInt(5);
            int prompt = 5 + random.nextInt(60);
            // Events: role, the words, finish; a cut comes after 1 to all of them.
            int cutAfter = 1 + random.nextInt(words + 2);
            return new Plan(fault, words, prompt, cutAfter);
        }
    }

    private void serve(String body, Request request, Response response, Callback callback) {
        calls.increment();
        boolean includeUsage;
        String model;
        try {
            JsonNode json = JSON.readTree(body);
            includeUsage = json.path("stream_options").path("include_usage").asBoolean(false);
            model = json.path("model").asText("?");
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        if (!includeUsage) {
            usageNotAskedFor.increment();
        }
        Plan plan = draw();
        Fault fault = plan.fault();
        if (fault != null) {
            faults.get(fault).increment();
        }
        if (fault == Fault.HTTP_500) {
            json(response, callback, 500, error("The server had an error", "server_error"));
        } else if (fault == Fault.HTTP_429) {
            // As OpenAI sends them; Signalbox prefers the precise one.
            response.getHeaders().put("retry-after-ms", "50");
            response.getHeaders().put("Retry-After", "1");
            json(response, callback, 429, error("Rate limit reached", "requests"));
        } else if (fault == Fault.CLOSED_BEFORE_HEADERS) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            // An EofException is one Jetty does not log as a warning with its stack trace.
            callback.failed(new EofException("closed before headers by the load test"));
        } else {
            List<String> events = events(model, plan, includeUsage);
            response.setStatus(200);
            response.getHeaders().put("Content-Type", "text/event-stream");
            response.getHeaders().put("Cache-Control", "no-cache");
            if (fault == Fault.ERROR_FIRST_EVENT) {
                response.write(
                        true, event(error("The model is overloaded", "server_error")), callback);
            } else {
                int cutAfter = fault == Fault.CUT_AFTER_EVENTS ? plan.cutAfterEvents() : -1;
                long total = plan.promptTokens() + plan.words();
                send(response, callback, events, 0, cutAfter, includeUsage ? total : 0);
            }
        }
    }

    /** Writes event {@code index} after one gap, then the next, until [DONE] or the cut. */
    private void send(
            Response response,
            Callback callback,
            List<String> events,
            int index,
            int cutAfter,
            long reportedTokens) {
        if (index == cutAfter) {
            // Failing the callback of a committed answer makes Jetty abort the connection: no
            // terminating chunk, so the reader sees a broken stream.
            callback.failed(new IOException("stream cut by the load test"));
            return;
        }
        Scheduler scheduler = server.getScheduler();
        boolean last = index == events.size() - 1;
        scheduler.schedule(
                () ->
                        response.write(
                                last,
                                event(events.get(index)),
                                Callback.from(
                                        () -> {
                                            if (!last) {
                                                send(
                                                        response,
                                                        callback,
                                                        events,
                                                        index + 1,
                                                        cutAfter,
                                                        reportedTokens);
                                                return;
                                            }
                                            completedStreams.increment();
                                            completedTokens.add(reportedTokens);
                                            callback.succeeded();
                                        },
                                        callback::failed)),
                EVENT_GAP.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static List<String> events(String model, Plan plan, boolean includeUsage) {
        String chunk =
                "{\"id\":\"chatcmpl-load\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\""
                        + model
                        + "\",\"choices\":[%s]%s}";
        List<String> events = new ArrayList<>();
        events.add(
                chunk.formatted(
                        "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                                + "\"finish_reason\":null}",
                        ""));
        for (int i = 0; i < plan.words(); i++) {
            events.add(
                    chunk.formatted(
                            "{\"index\":0,\"delta\":{\"content\":\" w"
                                    + i
                                    + "\"},\"finish_reason\":null}",
                            ""));
        }
        events.add(chunk.formatted("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}", ""));
        if (includeUsage) {
            int prompt = plan.promptTokens();
            int completion = plan.words();
            events.add(
                    chunk.formatted(
                            "",
                            ",\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d}"
                                    .formatted(prompt, completion, prompt + completion)));
        }
        events.add("[DONE]");
        return events;
    }

    /** An OpenAI error body; never with {@code insufficient_quota}, which holds a target out. */
    private static String error(String message, String type) {
        return "{\"error\":{\"message\":\""
                + message
                + "\",\"type\":\""
                + type
                + "\",\"param\":null,\"code\":null}}";
    }

    private static ByteBuffer event(String data) {
        return ByteBuffer.wrap(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // A test server that does not stop cleanly cannot affect the next test: new port.
        }
    }
}
