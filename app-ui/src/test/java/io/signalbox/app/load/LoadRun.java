package io.signalbox.app.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps {@code clients} streamed chat calls in flight for a while: one platform thread per client,
 * each making blocking calls one after another and reading every stream to its end, so exactly
 * {@code clients} calls are open at any time. The threads are the run's own and have ended when
 * {@link #run} returns, so the client leaves nothing behind but the shared {@link HttpClient}'s
 * connections.
 */
final class LoadRun {

    /** The most unclear answers kept, to show in a failure. */
    private static final int SAMPLES = 5;

    /** How long after the end of a run the calls still open may take to finish. */
    private static final Duration FINISH_WITHIN = Duration.ofSeconds(60);

    private final HttpClient http;
    private final HttpRequest request;

    LoadRun(HttpClient http, URI chatCompletions, String route) {
        this.http = http;
        this.request =
                HttpRequest.newBuilder(chatCompletions)
                        // Only until the headers: a stream that never ends is caught by
                        // FINISH_WITHIN, and its client counted as unfinished.
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\""
                                                + route
                                                + "\",\"stream\":true,\"messages\":[{\"role\":"
                                                + "\"user\",\"content\":\"Say a few words\"}]}"))
                        .build();
    }

    /** What the clients got in one run. */
    static final class Tally {
        private final Map<StreamVerdict.Kind, LongAdder> kinds =
                new EnumMap<>(StreamVerdict.Kind.class);
        private final Map<Integer, LongAdder> httpErrors = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> unclear = new ConcurrentLinkedQueue<>();
        private final LongAdder clientCpuNanos = new LongAdder();
        private long elapsedNanos;
        private int unfinished;

        Tally() {
            for (StreamVerdict.Kind kind : StreamVerdict.Kind.values()) {
                kinds.put(kind, new LongAdder());
            }
        }

        private void add(StreamVerdict verdict) {
            kinds.get(verdict.kind()).increment();
            if (verdict.kind() == StreamVerdict.Kind.HTTP_ERROR) {
                httpErrors.computeIfAbsent(verdict.status(), s -> new LongAdder()).increment();
            }
            if (verdict.kind() == StreamVerdict.Kind.UNCLEAR && unclear.size() < SAMPLES) {
                unclear.add(verdict.detail());
            }
        }

        long calls() {
            return kinds.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long count(StreamVerdict.Kind kind) {
            return kinds.get(kind).sum();
        }

        /** HTTP errors by status, in status order. */
        Map<Integer, Long> httpErrorsByStatus() {
            return httpErrors.entrySet().stream()
                    .collect(
                            Collectors.toMap(
                                    Map.Entry::getKey,
                                    e -> e.getValue().sum(),
                                    Long::sum,
                                    TreeMap::new));
        }

        List<String> unclearSamples() {
            return List.copyOf(unclear);
        }

        /** Clients still in a call {@link #FINISH_WITHIN} after the end of the run. */
        int unfinished() {
            return unfinished;
        }

        double seconds() {
            return elapsedNanos / 1e9;
        }

        double callsPerSecond() {
            return calls() / seconds();
        }

        /** CPU time the client threads used (not counting the HTTP client's own threads). */
        double clientCpuSeconds() {
            return clientCpuNanos.sum() / 1e9;
        }
    }

    /**
     * Runs {@code clients} threads for {@code length} (each finishes the call it is in), and
     * returns once they all ended.
     */
    Tally run(int clients, Duration length) throws InterruptedException {
        Tally tally = new Tally();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> threads = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> callUntil(end, tally), "load-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        long finishBy = end + FINISH_WITHIN.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (finishBy - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                tally.unfinished++;
            }
        }
        tally.elapsedNanos = System.nanoTime() - start;
        return tally;
    }

    private void callUntil(long end, Tally tally) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        while (System.nanoTime() - end < 0) {
            tally.add(call());
        }
        tally.clientCpuNanos.add(cpu.getCurrentThreadCpuTime());
    }

    private StreamVerdict call() {
        try {
            HttpResponse<Stream<String>> response = http.send(request, BodyHandlers.ofLines());
            List<String> lines;
            try (Stream<String> body = response.body()) {
                lines = body.toList();
            }
            StreamVerdict verdict =
                    StreamVerdict.judge(
                            response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(null),
                            lines);
            if (verdict.kind() == StreamVerdict.Kind.UNCLEAR) {
                // The headers name the request id, to look the call up in the request log.
                return new StreamVerdict(
                        verdict.kind(),
                        verdict.status(),
                        response.headers().map() + " " + verdict.detail());
            }
            return verdict;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StreamVerdict.clientFailure(e);
        } catch (Exception e) {
            return StreamVerdict.clientFailure(e);
        }
    }
}
