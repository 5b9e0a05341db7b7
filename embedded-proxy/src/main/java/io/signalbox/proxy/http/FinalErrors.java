package io.signalbox.proxy.http;

import io.signalbox.proxy.routing.RoutePlan;
import io.signalbox.proxy.usage.AttemptOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;

/** The answers the proxy gives when no target served a call, or a caller mistake came back. */
final class FinalErrors {

    private FinalErrors() {}

    /**
     * The last failure of a chain, which decides the final status: the upstream's status when it
     * answered, 504 after a timeout, 502 when nothing answered.
     */
    record LastFailure(int status, String retryAfter, String description) {

        static LastFailure http(int status, String retryAfter, String description) {
            return new LastFailure(status, retryAfter, description);
        }

        static LastFailure noAnswer(String description) {
            return new LastFailure(502, null, description);
        }

        static LastFailure timeout(String description) {
            return new LastFailure(504, null, description);
        }
    }

    /** Every target and fallback is cooling down or held out: answer at once, without trying. */
    static ForwardResult everyTargetOut(
            Exchange exchange, RoutePlan plan, ClientChannel client, Instant now) {
        int status = plan.rateLimited() ? 429 : 503;
        ResponseHeaders.unserved(client.headers(), exchange, 0);
        plan.retryAt()
                .ifPresent(
                        at -> {
                            long millis = Math.max(0, Duration.between(now, at).toMillis());
                            // Whole seconds, rounded up, as RFC 9110 requires.
                            long seconds = Math.max(1, (millis + 999) / 1000);
                            client.headers().put(HttpHeader.RETRY_AFTER, String.valueOf(seconds));
                        });
        String message =
                plan.rateLimited()
                        ? "Every target of route '"
                                + exchange.route().name()
                                + "' is rate limited right now; retry after the time in Retry-After"
                        : "No target of route '"
                                + exchange.route().name()
                                + "' can serve right now (all failing, disabled or held out)";
        OpenAiErrors.finish(
                client,
                status,
                message,
                plan.rateLimited() ? "rate_limit_error" : "server_error",
                "no_target_available");
        return ForwardResult.failed(status, List.of(), message);
    }

    /**
     * The route's targets all carry match conditions this request does not meet, and the route has
     * no fallback to catch it. A client error, not an outage: retrying the same request changes
     * nothing, so it is 400 rather than 503.
     */
    static ForwardResult noTargetMatches(Exchange exchange, ClientChannel client) {
        ResponseHeaders.unserved(client.headers(), exchange, 0);
        String message =
                "No target of route '"
                        + exchange.route().name()
                        + "' matches this request (its headers, query parameters or path), and"
                        + " the route has no fallback";
        OpenAiErrors.finish(client, 400, message, "invalid_request_error", "no_matching_target");
        return ForwardResult.failed(400, List.of(), message);
    }

    /** Every attempt failed: the last failure's status, with what each attempt met. */
    static ForwardResult everyAttemptFailed(
            Exchange exchange,
            List<AttemptOutcome> attempts,
            LastFailure last,
            ClientChannel client) {
        if (last == null) {
            last = LastFailure.noAnswer("no enabled provider for any target of the route");
        }
        ResponseHeaders.unserved(client.headers(), exchange, attempts.size());
        if (last.retryAfter() != null && last.status() == 429) {
            client.headers().put(HttpHeader.RETRY_AFTER, last.retryAfter());
        }
        StringBuilder message =
                new StringBuilder("Every target of route '")
                        .append(exchange.route().name())
                        .append("' failed");
        for (AttemptOutcome attempt : attempts) {
            message.append("; ")
                    .append(attempt.provider())
                    .append('/')
                    .append(attempt.model())
                    .append(": ")
                    .append(attempt.error().orElse(attempt.outcome()));
        }
        if (attempts.isEmpty()) {
            message.append(": ").append(last.description());
        }
        String type =
                last.status() == 429
                        ? "rate_limit_error"
                        : last.status() == 504 ? "timeout_error" : "server_error";
        OpenAiErrors.finish(client, last.status(), message.toString(), type, "upstream_failed");
        return ForwardResult.failed(last.status(), attempts, message.toString());
    }

    /** A caller mistake (400, 413, 422...): the upstream's own answer, unchanged. */
    static void passThrough(
            Exchange exchange,
            Forwarder.Attempt attempt,
            int status,
            String contentType,
            byte[] body,
            int attempts,
            ClientChannel client) {
        client.status(status);
        client.headers()
                .put(
                        HttpHeader.CONTENT_TYPE,
                        contentType.isEmpty() ? "application/json" : contentType);
        ResponseHeaders.served(
                client.headers(), exchange, attempt.target(), attempt.model(), attempts);
        client.finish(body);
    }
}
