package io.signalbox.proxy.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.routing.TargetHealth;
import io.signalbox.proxy.routing.TargetKey;
import io.signalbox.proxy.routing.TargetState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The port side of the management API as a test scripts it: fixed answers, a failure to throw, or a
 * gate that holds every call until the test opens it. It records what each call was given, so a
 * test sees exactly what the handler parsed out of the HTTP request.
 */
final class ScriptedApi implements ManagementApi {

    static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    static final Discovery DISCOVERY =
            new Discovery(
                    "lab",
                    List.of("a", "b"),
                    T,
                    Optional.of(T.minusSeconds(60)),
                    List.of("b"),
                    List.of("old"),
                    List.of(new MissingTarget("chat", true, 1, "old")));

    static final UsageReport USAGE =
            new UsageReport(
                    List.of(new UsageRow("chat", 3, 1, 30, 12, 42, 5, 2, 1)),
                    List.of(new UsagePoint(T, new UsageRow("chat", 3, 1, 30, 12, 42, 5, 2, 1))));

    static final RequestEntry REQUEST =
            new RequestEntry(
                    "req-1",
                    T,
                    "chat",
                    Optional.of("lab"),
                    Optional.of("m"),
                    Optional.empty(),
                    200,
                    true,
                    120,
                    30,
                    12,
                    42,
                    false,
                    Optional.empty(),
                    List.of(
                            new Attempt(
                                    1,
                                    "busy",
                                    "m",
                                    "http_error",
                                    Optional.of(429),
                                    5,
                                    false,
                                    Optional.of("rate limited")),
                            new Attempt(
                                    2,
                                    "lab",
                                    "m",
                                    "ok",
                                    Optional.of(200),
                                    100,
                                    true,
                                    Optional.empty())));

    static final HealthReport HEALTH =
            new HealthReport(
                    "9.9.9",
                    List.of(
                            TargetHealth.healthy(new TargetKey("lab", "m")),
                            new TargetHealth(
                                    new TargetKey("busy", "m"),
                                    TargetState.COOLING,
                                    Optional.of(T.plusSeconds(30)),
                                    Optional.of("rate limited"))));

    /** What each call was given, in order: a selection, a provider name or a body. */
    final List<Object> calls = new CopyOnWriteArrayList<>();

    private volatile ManagementException failure;
    private volatile RuntimeException crash;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    void failWith(ManagementException failure) {
        this.failure = failure;
    }

    void crashWith(RuntimeException crash) {
        this.crash = crash;
    }

    /** Holds every call until {@link #open()}. */
    void close() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    private void step(Object given) throws ManagementException {
        calls.add(given);
        try {
            // Bounded, so a test that forgets to open the gate fails instead of hanging.
            if (!gate.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gate stayed closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (crash != null) {
            throw crash;
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public JsonNode config(boolean includeSecrets) {
        try {
            step("config secrets=" + includeSecrets);
        } catch (ManagementException e) {
            throw new IllegalStateException(e);
        }
        return ApiJson.JSON.createObjectNode().put("version", 1).put("secrets", includeSecrets);
    }

    @Override
    public JsonNode replaceConfig(String json) throws ManagementException {
        step(json);
        return ApiJson.JSON.createObjectNode().put("replaced", true);
    }

    @Override
    public Discovery discover(String provider) throws ManagementException {
        step(provider);
        return DISCOVERY;
    }

    @Override
    public UsageReport usage(UsageSelection selection) throws ManagementException {
        step(selection);
        return USAGE;
    }

    @Override
    public List<RequestEntry> requests(RequestSelection selection) throws ManagementException {
        step(selection);
        return List.of(REQUEST);
    }

    @Override
    public HealthReport health() {
        try {
            step("health");
        } catch (ManagementException e) {
            throw new IllegalStateException(e);
        }
        return HEALTH;
    }
}
