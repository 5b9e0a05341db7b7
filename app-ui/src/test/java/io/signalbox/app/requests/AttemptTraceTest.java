package io.signalbox.app.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.TokenUsage;
import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptTraceTest {

    /** chat: targets busy/fast and local/model-a, fallbacks spare/big then spare/small. */
    private static final SignalboxConfig CONFIG =
            new SignalboxConfig(
                    List.of(),
                    List.of(
                            new RouteConfig(
                                    "chat",
                                    true,
                                    List.of(
                                            new TargetConfig("busy", "fast", 100, true),
                                            new TargetConfig("local", "model-a", 100, true)),
                                    List.of(
                                            new FallbackConfig("spare", "big"),
                                            new FallbackConfig("spare", "small")),
                                    60),
                            new RouteConfig(
                                    "claude-*",
                                    true,
                                    List.of(new TargetConfig("anthropic", "*", 100, true)),
                                    List.of(),
                                    60)),
                    List.of());

    private static AttemptRecord ok(int n, String provider, String model) {
        return new AttemptRecord(n, provider, model, "ok", 200, 300, true, Optional.empty());
    }

    private static AttemptRecord failed(
            int n, String provider, String model, String outcome, Integer status, String error) {
        return new AttemptRecord(
                n, provider, model, outcome, status, 20, false, Optional.ofNullable(error));
    }

    private static RequestRecord request(
            String route, int status, String error, AttemptRecord... attempts) {
        AttemptRecord last = attempts.length == 0 ? null : attempts[attempts.length - 1];
        boolean served = last != null && last.outcome().equals("ok");
        return new RequestRecord(
                "r1",
                Instant.parse("2026-11-22T10:00:00Z"),
                route,
                served ? Optional.of(last.provider()) : Optional.empty(),
                served ? Optional.of(last.model()) : Optional.empty(),
                Optional.empty(),
                status,
                false,
                400,
                Arrays.asList(attempts),
                TokenUsage.NONE,
                Optional.ofNullable(error));
    }

    @Test
    void aRequestServedAtOnceHasOneStep() {
        Trace trace =
                AttemptTrace.of(request("chat", 200, null, ok(1, "local", "model-a")), CONFIG);

        assertThat(trace.verdict()).isEqualTo("Served by local / model-a on the first attempt.");
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.SERVED);
        assertThat(trace.fallbackUsed()).isFalse();
        assertThat(trace.steps())
                .containsExactly(
                        new Trace.Step(
                                1,
                                "local / model-a",
                                "target",
                                Trace.StepKind.SERVED,
                                "answered (HTTP 200)",
                                300));
    }

    @Test
    void aFallbackAfterRateLimitsSaysSoAndWhyEachTargetFailed() {
        Trace trace =
                AttemptTrace.of(
                        request(
                                "chat",
                                200,
                                null,
                                failed(1, "busy", "fast", "rate_limited", 429, "HTTP 429"),
                                failed(
                                        2,
                                        "local",
                                        "model-a",
                                        "timeout",
                                        null,
                                        "no first byte within 60 s"),
                                ok(3, "spare", "big")),
                        CONFIG);

        assertThat(trace.verdict())
                .isEqualTo(
                        "Fallback used: served by spare / big (fallback 1) after 2 failed attempts.");
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.SERVED_AFTER_FAILURES);
        assertThat(trace.fallbackUsed()).isTrue();
        assertThat(trace.steps())
                .extracting(Trace.Step::role, Trace.Step::kind, Trace.Step::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "target", Trace.StepKind.FAILED, "rate limited (HTTP 429)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "target",
                                Trace.StepKind.FAILED,
                                "timed out: no first byte within 60 s"),
                        org.assertj.core.groups.Tuple.tuple(
                                "fallback 1", Trace.StepKind.SERVED, "answered (HTTP 200)"));
    }

    @Test
    void aFallbackServingAtOnceSaysTheTargetsWereSkipped() {
        Trace trace = AttemptTrace.of(request("chat", 200, null, ok(1, "spare", "small")), CONFIG);

        assertThat(trace.verdict())
                .isEqualTo(
                        "Fallback used: served by spare / small (fallback 2); no target was tried"
                                + " (each was cooling down or left out after failures).");
        assertThat(trace.fallbackUsed()).isTrue();
    }

    @Test
    void anotherTargetAfterAServerErrorNeedsNoFallback() {
        Trace trace =
                AttemptTrace.of(
                        request(
                                "chat",
                                200,
                                null,
                                failed(1, "busy", "fast", "server_error", 500, "HTTP 500"),
                                ok(2, "local", "model-a")),
                        CONFIG);

        assertThat(trace.verdict())
                .isEqualTo(
                        "Served by local / model-a (another target) after 1 failed attempt; no"
                                + " fallback needed.");
        assertThat(trace.fallbackUsed()).isFalse();
    }

    @Test
    void whenEverythingFailedTheTraceSaysSoFallbacksIncluded() {
        Trace trace =
                AttemptTrace.of(
                        request(
                                "chat",
                                502,
                                "every target failed",
                                failed(1, "busy", "fast", "server_error", 503, "HTTP 503"),
                                failed(
                                        2,
                                        "spare",
                                        "big",
                                        "connect_failed",
                                        null,
                                        "Connection refused")),
                        CONFIG);

        assertThat(trace.verdict())
                .isEqualTo(
                        "Not served: all 2 attempts failed, fallbacks included; the client got HTTP 502.");
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.FAILED);
        assertThat(trace.steps().get(1).reason())
                .isEqualTo("could not be reached: Connection refused");
    }

    @Test
    void aCallerErrorIsPassedOnNotRetried() {
        AttemptRecord refused =
                new AttemptRecord(
                        1, "busy", "fast", "caller_error", 400, 15, true, Optional.of("HTTP 400"));
        Trace trace = AttemptTrace.of(request("chat", 400, null, refused), CONFIG);

        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.PASSED_ON);
        assertThat(trace.verdict())
                .startsWith("Not retried: busy / fast refused the request itself (HTTP 400)");
    }

    @Test
    void aStreamThatBrokeAfterItBeganCannotFallBack() {
        AttemptRecord broke =
                new AttemptRecord(
                        1,
                        "local",
                        "model-a",
                        "failed_after_commit",
                        200,
                        900,
                        true,
                        Optional.of("the upstream closed"));
        Trace trace = AttemptTrace.of(request("chat", 200, "the upstream closed", broke), CONFIG);

        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.BROKE_OFF);
        assertThat(trace.verdict())
                .isEqualTo(
                        "local / model-a began the answer, then it broke off mid-answer (HTTP 200):"
                                + " the upstream closed. Once the client has the status no other"
                                + " target can take over.");
    }

    @Test
    void aGlobRouteGivesRolesAndAnEditedRouteGivesNone() {
        Trace glob =
                AttemptTrace.of(
                        request(
                                "claude-3.5-haiku",
                                200,
                                null,
                                ok(1, "anthropic", "claude-3.5-haiku")),
                        CONFIG);
        assertThat(glob.steps().get(0).role()).isEqualTo("target");

        Trace gone = AttemptTrace.of(request("chat", 200, null, ok(1, "old", "model")), CONFIG);
        assertThat(gone.steps().get(0).role()).isEmpty();
        assertThat(gone.verdict()).isEqualTo("Served by old / model on the first attempt.");

        Trace unknownRoute =
                AttemptTrace.of(request("removed", 200, null, ok(1, "local", "model-a")), CONFIG);
        assertThat(unknownRoute.steps().get(0).role()).isEmpty();
    }

    @Test
    void aRequestWithoutAttemptsSaysNoTargetWasTried() {
        Trace trace = AttemptTrace.of(request("chat", 503, "every target is cooling down"), CONFIG);

        assertThat(trace.verdict())
                .isEqualTo("Not served: no target could be tried: every target is cooling down");
        assertThat(trace.steps()).isEmpty();
    }
}
