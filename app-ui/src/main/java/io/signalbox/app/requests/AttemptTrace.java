package io.signalbox.app.requests;

import io.signalbox.app.runtime.RoutingTables;
import io.signalbox.persistence.AttemptRecord;
import io.signalbox.persistence.RequestRecord;
import io.signalbox.persistence.config.FallbackConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RouteResolver;
import io.signalbox.proxy.routing.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a logged request into its trace: which targets were tried, why each failed, which one
 * served, and whether a fallback was used.
 *
 * <p>The request log keeps each attempt's provider and model but not whether it was one of the
 * route's targets or fallbacks; that is read from the route as the configuration has it now. A
 * route edited since the request shows the attempts without a role rather than a wrong one.
 */
final class AttemptTrace {

    private AttemptTrace() {}

    static Trace of(RequestRecord request, SignalboxConfig config) {
        Optional<RouteConfig> route = route(config, request.route());
        List<Trace.Step> steps = new ArrayList<>();
        boolean fallbackUsed = false;
        for (AttemptRecord attempt : request.attempts()) {
            String role = route.map(r -> role(r, attempt)).orElse("");
            fallbackUsed |= role.startsWith("fallback");
            steps.add(
                    new Trace.Step(
                            attempt.attemptNo(),
                            target(attempt.provider(), attempt.model()),
                            role,
                            kind(attempt),
                            reason(attempt),
                            attempt.latencyMs()));
        }
        return verdict(request, steps, fallbackUsed);
    }

    private static Trace verdict(RequestRecord request, List<Trace.Step> steps, boolean fallback) {
        if (steps.isEmpty()) {
            String why = request.error().map(e -> ": " + e).orElse(".");
            return new Trace(
                    "Not served: no target could be tried" + why,
                    Trace.Outcome.FAILED,
                    false,
                    steps);
        }
        Trace.Step last = steps.get(steps.size() - 1);
        int failures = steps.size() - 1;
        String after =
                failures == 0
                        ? ""
                        : " after " + failures + " failed attempt" + (failures == 1 ? "" : "s");
        return switch (last.kind()) {
            case SERVED -> {
                if (last.role().startsWith("fallback")) {
                    // No target in the trace at all: the planner skipped every one, because each
                    // was cooling down after a 429 or left out after repeated failures.
                    boolean targetTried = steps.stream().anyMatch(s -> s.role().equals("target"));
                    String skipped =
                            targetTried
                                    ? ""
                                    : "; no target was tried (each was cooling down or left out"
                                            + " after failures)";
                    yield new Trace(
                            "Fallback used: served by "
                                    + last.target()
                                    + " ("
                                    + last.role()
                                    + ")"
                                    + after
                                    + skipped
                                    + ".",
                            Trace.Outcome.SERVED_AFTER_FAILURES,
                            true,
                            steps);
                }
                if (failures == 0) {
                    yield new Trace(
                            "Served by " + last.target() + " on the first attempt.",
                            Trace.Outcome.SERVED,
                            fallback,
                            steps);
                }
                String which = last.role().equals("target") ? " (another target)" : "";
                yield new Trace(
                        "Served by " + last.target() + which + after + "; no fallback needed.",
                        Trace.Outcome.SERVED_AFTER_FAILURES,
                        fallback,
                        steps);
            }
            case PASSED_ON ->
                    new Trace(
                            "Not retried: "
                                    + last.target()
                                    + " refused the request itself"
                                    + status(request)
                                    + ", and every target would; the client got that answer"
                                    + after
                                    + ".",
                            Trace.Outcome.PASSED_ON,
                            fallback,
                            steps);
            case BROKE_OFF ->
                    new Trace(
                            last.target()
                                    + " began the answer"
                                    + after
                                    + ", then it "
                                    + last.reason()
                                    + ". Once the client has the status no other target can take"
                                    + " over.",
                            Trace.Outcome.BROKE_OFF,
                            fallback,
                            steps);
            case FAILED ->
                    new Trace(
                            "Not served: "
                                    + (steps.size() == 1
                                            ? "the only attempt failed"
                                            : "all " + steps.size() + " attempts failed")
                                    + (fallback ? ", fallbacks included" : "")
                                    + "; the client got HTTP "
                                    + request.status()
                                    + ".",
                            Trace.Outcome.FAILED,
                            fallback,
                            steps);
        };
    }

    private static String status(RequestRecord request) {
        return " (HTTP " + request.status() + ")";
    }

    static String target(String provider, String model) {
        return provider + " / " + model;
    }

    private static Trace.StepKind kind(AttemptRecord attempt) {
        return switch (attempt.outcome()) {
            case "ok" -> Trace.StepKind.SERVED;
            case "caller_error" -> Trace.StepKind.PASSED_ON;
            case "failed_after_commit", "client_cancelled" -> Trace.StepKind.BROKE_OFF;
            default ->
                    // A committed attempt reached the client whatever its outcome says.
                    attempt.committed() && attempt.status() != null && attempt.status() < 300
                            ? Trace.StepKind.SERVED
                            : Trace.StepKind.FAILED;
        };
    }

    /** The outcome in words, the upstream's status, and the proxy's reason when it says more. */
    static String reason(AttemptRecord attempt) {
        StringBuilder reason = new StringBuilder(words(attempt.outcome()));
        if (attempt.status() != null) {
            reason.append(" (HTTP ").append(attempt.status()).append(')');
        }
        attempt.error()
                .filter(error -> !error.equals("HTTP " + attempt.status()))
                .ifPresent(error -> reason.append(": ").append(error));
        return reason.toString();
    }

    /** The proxy's outcome names (AttemptOutcome) as a person would say them. */
    static String words(String outcome) {
        return switch (outcome) {
            case "ok" -> "answered";
            case "rate_limited" -> "rate limited";
            case "quota_exhausted" -> "out of quota or credit";
            case "auth_rejected" -> "rejected the provider key";
            case "server_error" -> "server error";
            case "connect_failed" -> "could not be reached";
            case "timeout" -> "timed out";
            case "model_not_found" -> "does not serve this model";
            case "caller_error" -> "refused the request as invalid";
            case "error_event" -> "answered with an error";
            case "failed_after_commit" -> "broke off mid-answer";
            case "client_cancelled" -> "was cut off when the client closed the connection";
            default -> outcome.replace('_', ' ');
        };
    }

    /**
     * The configured route a request was routed by: the one with its exact name, else the glob the
     * proxy would match it with now.
     */
    static Optional<RouteConfig> route(SignalboxConfig config, String requested) {
        Optional<RouteConfig> exact =
                config.routes().stream().filter(r -> r.name().equals(requested)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Optional<String> glob =
                RouteResolver.resolve(RoutingTables.from(config), requested).map(Route::name);
        return glob.flatMap(
                name -> config.routes().stream().filter(r -> r.name().equals(name)).findFirst());
    }

    /** {@code target}, {@code fallback N}, or empty when the route has no such model now. */
    static String role(RouteConfig route, AttemptRecord attempt) {
        for (TargetConfig target : route.targets()) {
            if (target.provider().equals(attempt.provider())
                    && (target.model().equals(attempt.model())
                            || target.model().equals(Target.PASS_THROUGH))) {
                return "target";
            }
        }
        List<FallbackConfig> fallbacks = route.fallbacks();
        for (int i = 0; i < fallbacks.size(); i++) {
            FallbackConfig fallback = fallbacks.get(i);
            if (fallback.provider().equals(attempt.provider())
                    && (fallback.model().equals(attempt.model())
                            || fallback.model().equals(Target.PASS_THROUGH))) {
                return "fallback " + (i + 1);
            }
        }
        return "";
    }
}
