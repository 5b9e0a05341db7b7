package io.signalbox.app.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.signalbox.app.launch.AdminToken;
import io.signalbox.app.launch.CommandLine;
import io.signalbox.app.load.ChaosUpstream.Fault;
import io.signalbox.app.load.StreamVerdict.Kind;
import io.signalbox.app.runtime.SignalboxRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load (issue 8): 200 streamed chat calls at once, for 30 seconds, through the whole app (a real
 * {@link SignalboxRuntime} with its H2 store in a temp dir, port 0) to two streaming upstreams that
 * fail a quarter of their calls in five ways ({@link ChaosUpstream}). Every client call must end in
 * a complete stream or a clear error; the request log must hold one row per call, exactly the
 * tokens the upstreams reported in the streams they completed, and every upstream attempt as what
 * it met; and three runs in a row must leave the threads and the heap where the first run left
 * them.
 *
 * <p>The route has two weighted targets, {@code a} (weight 2) and {@code b} (weight 1), and a
 * fallback on {@code b} under another model name, which the health book tracks on its own: so the
 * weighted pick, the other target and a fallback all serve, and a call fails as a whole only when
 * all three attempts fail before the stream begins (1 in 125) or every target is out for a moment
 * (three failures in a row eject a target until its next success).
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class StreamLoadIT {

    private static final JsonMapper JSON = new JsonMapper();
    private static final int CLIENTS = 200;

    /**
     * The first run is the 30 s. The two after it are half as long, to keep the test near
     * two minutes on a busy 2-core machine; each still makes some 15,000 calls, and the leak check
     * compares run 3 with run 1 over about 35,000 calls.
     */
    private static final List<Duration> RUNS =
            List.of(Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(15));

    /** How long the usage writer may take to store the last calls of a run. */
    private static final Duration STORED_WITHIN = Duration.ofSeconds(30);

    /**
     * After every run, the working threads (idle threads of Jetty's bounded pools left aside, see
     * {@link JvmFigures}) may be this many more than before the first run, and after run 3 this
     * many more than after run 1. A few are made on first use (the HTTP clients' schedulers); a
     * thread left behind per call, or per thousand calls, would add dozens to thousands.
     */
    private static final int THREAD_TOLERANCE = 10;

    /**
     * Run 3 may hold this much more heap than run 1, after full collections with H2's page cache
     * emptied. Some 35,000 calls come between the two, so this allows about 600 bytes per call: a
     * call that left anything of its own reachable (its usage event with the attempts, its exchange
     * and body, a relay with its parser, Jetty's request) leaves more than that.
     */
    private static final long HEAP_TOLERANCE_BYTES = 20L * 1024 * 1024;

    /**
     * Run 3 may hold this many more live instances of any one Signalbox class than run 1. Nothing
     * of a call should outlive it, so the counts stay put (they did, class by class); a class whose
     * instances a call leaves behind grows by one or more per call, tens of thousands.
     */
    private static final long INSTANCE_TOLERANCE = 100;

    @TempDir Path temp;

    /** One run's figures; the log and upstream figures are totals since the start. */
    private record Run(
            Duration length,
            LoadRun.Tally clients,
            long apiRows,
            RequestLogFigures log,
            long upstreamCalls,
            long upstreamCompleted,
            long upstreamTokens,
            double processCpuSeconds,
            Map<String, Double> cpuByGroup,
            JvmFigures jvm) {}

    @Test
    void everyStreamEndsCompleteOrClearlyFailedAndTheLogHoldsExactlyOneRowPerCallWithNoLeak()
            throws Exception {
        ExecutorService httpThreads =
                Executors.newFixedThreadPool(
                        4,
                        task -> {
                            Thread thread = new Thread(task, "load-http");
                            thread.setDaemon(true);
                            return thread;
                        });
        // One client for all runs, with a fixed executor: its threads and connections are there
        // from the first run on, so they do not count as growth.
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .executor(httpThreads)
                        .build();
        Path dataDir = temp.resolve("data");
        try (ChaosUpstream a = ChaosUpstream.start("a", 8);
                ChaosUpstream b = ChaosUpstream.start("b", 88);
                SignalboxRuntime app = start(dataDir);
                Connection store = RequestLogFigures.connect(app.database().dataDir())) {
            String token =
                    Files.readString(dataDir.resolve(AdminToken.FILE_NAME), StandardCharsets.UTF_8)
                            .strip();
            URI base = URI.create("http://127.0.0.1:" + app.proxy().port());
            configure(http, base, token, a, b);
            LoadRun load = new LoadRun(http, base.resolve("/v1/chat/completions"), "chat");

            JvmFigures baseline = RequestLogFigures.measureWithEmptyPageCache(store);
            List<Run> runs = new ArrayList<>();
            long calls = 0;
            long complete = 0;
            long httpErrors = 0;
            long streamErrors = 0;
            for (Duration length : RUNS) {
                Map<Long, Long> cpuBefore = JvmFigures.cpuByThread();
                double processCpuBefore = JvmFigures.processCpuSeconds();
                LoadRun.Tally tally = load.run(CLIENTS, length);
                double processCpu = JvmFigures.processCpuSeconds() - processCpuBefore;
                Map<String, Double> cpuByGroup = JvmFigures.cpuByGroup(cpuBefore);
                cpuByGroup.put("load clients", tally.clientCpuSeconds());
                calls += tally.calls();
                complete += tally.count(Kind.COMPLETE);
                httpErrors += tally.count(Kind.HTTP_ERROR);
                streamErrors += tally.count(Kind.STREAM_ERROR);

                assertThat(tally.unfinished())
                        .as("clients still in a call a minute after the end of the run")
                        .isZero();
                assertThat(tally.count(Kind.UNCLEAR))
                        .as(
                                "calls that got neither a complete stream nor a clear error, e.g."
                                        + " %s",
                                tally.unclearSamples())
                        .isZero();
                long apiRows = awaitStored(http, base, token, calls);
                RequestLogFigures log = RequestLogFigures.read(store);
                Run run =
                        new Run(
                                length,
                                tally,
                                apiRows,
                                log,
                                a.calls() + b.calls(),
                                a.completedStreams() + b.completedStreams(),
                                a.completedTokens() + b.completedTokens(),
                                processCpu,
                                cpuByGroup,
                                RequestLogFigures.measureWithEmptyPageCache(store));
                runs.add(run);
                print(runs.size(), run, a, b);

                assertLogMatches(run, calls, complete, httpErrors, streamErrors, a, b);
            }

            assertNothingLeft(baseline, runs, calls);
        } finally {
            httpThreads.shutdownNow();
        }
    }

    /** Threads, Signalbox's objects and the heap after the runs, against before and run 1. */
    private static void assertNothingLeft(JvmFigures baseline, List<Run> runs, long calls) {
        JvmFigures first = runs.get(0).jvm();
        JvmFigures last = runs.get(runs.size() - 1).jvm();
        long callsSinceFirst = calls - runs.get(0).clients().calls();
        System.out.printf(
                Locale.ROOT,
                "load: before run 1: %d threads (%d working), %.1f MB heap; run 3 against run"
                        + " 1: %+d working threads, %+.1f MB heap over %d calls (%+d bytes"
                        + " per call; the tolerance allows %d), Signalbox classes with 10 or"
                        + " more instances more: %s%n",
                baseline.threads(),
                baseline.workingThreads(),
                baseline.heapMegabytes(),
                last.workingThreads() - first.workingThreads(),
                (last.heapBytes() - first.heapBytes()) / (1024.0 * 1024.0),
                callsSinceFirst,
                (last.heapBytes() - first.heapBytes()) / Math.max(1, callsSinceFirst),
                HEAP_TOLERANCE_BYTES / Math.max(1, callsSinceFirst),
                last.instancesGrownSince(first, 10));
        for (Run run : runs) {
            assertThat(run.jvm().workingThreads())
                    .as("working threads after a run (before run 1: %d)", baseline.workingThreads())
                    .isLessThanOrEqualTo(baseline.workingThreads() + THREAD_TOLERANCE);
        }
        assertThat(last.workingThreads())
                .as("working threads after run 3 (run 1: %d)", first.workingThreads())
                .isLessThanOrEqualTo(first.workingThreads() + THREAD_TOLERANCE);
        assertThat(last.instancesGrownSince(first, INSTANCE_TOLERANCE + 1))
                .as("Signalbox classes with more live instances after run 3 than after run 1")
                .isEmpty();
        assertThat(last.heapBytes())
                .as("heap after run 3 (run 1: %d)", first.heapBytes())
                .isLessThanOrEqualTo(first.heapBytes() + HEAP_TOLERANCE_BYTES);
    }

    /** The request log against what the clients got and what the upstreams sent, so far. */
    private static void assertLogMatches(
            Run run,
            long calls,
            long complete,
            long httpErrors,
            long streamErrors,
            ChaosUpstream a,
            ChaosUpstream b) {
        RequestLogFigures log = run.log();
        assertThat(run.apiRows())
                .as("requests in /api/usage over all time = client calls")
                .isEqualTo(calls);
        assertThat(log.rows()).as("rows in the request log").isEqualTo(calls);
        assertThat(a.usageNotAskedFor() + b.usageNotAskedFor())
                .as("upstream calls that did not ask for the usage chunk")
                .isZero();
        assertThat(log.exactTokens())
                .as("exact tokens in the log = tokens the upstreams reported")
                .isEqualTo(run.upstreamTokens());
        assertThat(log.served())
                .as("served rows = complete client streams = streams upstreams finished")
                .isEqualTo(complete)
                .isEqualTo(run.upstreamCompleted());
        assertThat(log.brokenStreams())
                .as("rows of streams that broke = client streams ending in an error event")
                .isEqualTo(streamErrors)
                .isEqualTo(log.estimatedRows());
        assertThat(log.errorStatusRows())
                .as("error-status rows = HTTP errors the clients got")
                .isEqualTo(httpErrors);
        assertThat(log.errorStatusTokens()).as("tokens counted on failed calls").isZero();
        assertThat(log.attempts())
                .as("attempts in the log = calls the upstreams received")
                .isEqualTo(run.upstreamCalls());
        for (Fault fault : Fault.values()) {
            assertThat(log.attempts(fault.loggedOutcome))
                    .as("attempts logged as %s = %s sent", fault.loggedOutcome, fault)
                    .isEqualTo(a.faults(fault) + b.faults(fault));
        }
        assertThat(log.attempts("ok"))
                .as("attempts logged as ok = streams the upstreams finished")
                .isEqualTo(run.upstreamCompleted());
    }

    private static SignalboxRuntime start(Path dataDir) throws Exception {
        return SignalboxRuntime.start(
                new CommandLine(
                        true,
                        false,
                        false,
                        Optional.of(dataDir),
                        OptionalInt.of(0),
                        Optional.empty(),
                        Optional.empty()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static void configure(
            HttpClient http, URI base, String token, ChaosUpstream a, ChaosUpstream b)
            throws Exception {
        String config =
                """
                { "providers": [ { "name": "a", "baseUrl": "%s" }, { "name": "b", "baseUrl": "%s" } ],
                  "routes": [ { "name": "chat",
                                "targets": [ { "provider": "a", "model": "model-a", "weight": 2 },
                                             { "provider": "b", "model": "model-b", "weight": 1 } ],
                                "fallbacks": [ { "provider": "b", "model": "model-b-fallback" } ],
                                "timeoutSeconds": 30 } ] }
                """
                        .formatted(a.baseUrl(), b.baseUrl());
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(base.resolve("/api/config"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(config))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /**
     * Polls {@code /api/usage} over all time until it counts {@code expected} requests or the
     * deadline passes; returns the last count.
     */
    private static long awaitStored(HttpClient http, URI base, String token, long expected)
            throws Exception {
        HttpRequest usage =
                HttpRequest.newBuilder(
                                base.resolve(
                                        "/api/usage?since=2000-01-01T00:00:00Z"
                                                + "&until=2100-01-01T00:00:00Z"))
                        .header("Authorization", "Bearer " + token)
                        .build();
        long deadline = System.nanoTime() + STORED_WITHIN.toNanos();
        while (true) {
            HttpResponse<String> response = http.send(usage, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            long stored = 0;
            for (JsonNode row : JSON.readTree(response.body()).get("rows")) {
                stored += row.get("requests").asLong();
            }
            if (stored >= expected || System.nanoTime() - deadline > 0) {
                return stored;
            }
            // A pause between polls, not a guess: the deadline above is what is asserted.
            Thread.sleep(50);
        }
    }

    private static void print(int number, Run run, ChaosUpstream a, ChaosUpstream b) {
        LoadRun.Tally clients = run.clients();
        StringBuilder faults = new StringBuilder();
        for (Fault fault : Fault.values()) {
            faults.append(' ')
                    .append(fault.name().toLowerCase(Locale.ROOT))
                    .append('=')
                    .append(a.faults(fault) + b.faults(fault));
        }
        StringBuilder cpu = new StringBuilder();
        run.cpuByGroup()
                .forEach(
                        (group, seconds) ->
                                cpu.append(
                                        String.format(Locale.ROOT, " %s %.1f,", group, seconds)));
        System.out.printf(
                Locale.ROOT,
                "load run %d (%d s, %d clients): %d calls in %.1f s = %.0f calls/s; complete %d,"
                        + " HTTP errors %d %s, stream errors %d, unclear %d%n"
                        + "  log (totals so far): %d rows (/api/usage: %d), exact tokens %d,"
                        + " estimated rows %d, attempts %s%n"
                        + "  upstreams (totals so far): calls a=%d b=%d, completed %d with %d"
                        + " tokens, faults%s%n"
                        + "  JVM: %d threads (%d idle in pools), %.1f MB heap after GC; CPU %.1f s:"
                        + "%s%n"
                        + "  threads by name: %s%n",
                number,
                run.length().toSeconds(),
                CLIENTS,
                clients.calls(),
                clients.seconds(),
                clients.callsPerSecond(),
                clients.count(Kind.COMPLETE),
                clients.count(Kind.HTTP_ERROR),
                clients.httpErrorsByStatus(),
                clients.count(Kind.STREAM_ERROR),
                clients.count(Kind.UNCLEAR),
                run.log().rows(),
                run.apiRows(),
                run.log().exactTokens(),
                run.log().estimatedRows(),
                run.log().attemptsByOutcome(),
                a.calls(),
                b.calls(),
                run.upstreamCompleted(),
                run.upstreamTokens(),
                faults,
                run.jvm().threads(),
                run.jvm().idlePoolThreads(),
                run.jvm().heapMegabytes(),
                run.processCpuSeconds(),
                cpu,
                JvmFigures.threadsByName());
    }
}
