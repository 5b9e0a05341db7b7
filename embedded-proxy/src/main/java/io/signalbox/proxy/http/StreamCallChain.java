package io.signalbox.proxy.http;

import io.signalbox.proxy.ProxyOptions;
import io.signalbox.proxy.routing.FailureKind;
import io.signalbox.proxy.routing.HealthBook;
import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.RoutePlan;
import io.signalbox.proxy.upstream.AnswerListener;
import io.signalbox.proxy.upstream.BufferedAnswer;
import io.signalbox.proxy.upstream.UpstreamCall;
import io.signalbox.proxy.upstream.UpstreamClient;
import io.signalbox.proxy.upstream.UpstreamFailure;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The attempt loop for streamed calls: the request is sent from the handler, and the status, the
 * headers and every chunk of the answer are handled in the HTTP client's callbacks, so no thread
 * waits on the upstream or on the client. An event stream is relayed as it arrives ({@link
 * StreamRelay}), committed on its first good event; any other answer (an error status, a JSON
 * answer to a streamed request) is read whole and judged like a call that is not streamed.
 */
final class StreamCallChain extends CallChain {

    StreamCallChain(
            Exchange exchange,
            RoutePlan plan,
            ClientChannel client,
            UpstreamClient upstreams,
            HealthBook health,
            ProxyOptions options,
            Clock clock,
            Consumer<ForwardResult> done) {
        super(exchange, plan, client, upstreams, health, options, clock, done);
    }

    @Override
    void send(
            Forwarder.Attempt attempt,
            ProviderEndpoint provider,
            URI uri,
            Map<String, String> headers,
            byte[] body,
            Duration firstByte) {
        UpstreamCall call =
                upstreams.newCall(
                        provider,
                        uri,
                        headers,
                        body,
                        firstByte,
                        options.streamIdleTimeout(),
                        Forwarder.MAX_PLAIN_BODY);
        call.send(new StreamAttempt(attempt, call, attempts.size() + 1));
    }

    /** One attempt's answer, as the HTTP client delivers it. */
    private final class StreamAttempt implements AnswerListener {

        private final Forwarder.Attempt attempt;
        private final UpstreamCall call;
        private final int attemptCount;
        private StreamRelay relay;
        private int status;

        StreamAttempt(Forwarder.Attempt attempt, UpstreamCall call, int attemptCount) {
            this.attempt = attempt;
            this.call = call;
            this.attemptCount = attemptCount;
        }

        @Override
        public boolean streams(int status, HttpFields headers) {
            String type = headers.get(HttpHeader.CONTENT_TYPE);
            if (status >= 300
                    || type == null
                    || !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                return false;
            }
            this.status = status;
            relay =
                    new StreamRelay(
                            client,
                            call,
                            exchange.endpoint(),
                            secretsOf(attempt),
                            exchange.clientWantsUsage(),
                            () -> commit(type),
                            this::relayed);
            return true;
        }

        @Override
        public void onChunk(ByteBuffer bytes, Runnable more) {
            try {
                relay.onChunk(bytes, more);
            } catch (RuntimeException e) {
                call.abort();
                failInternally(e);
            }
        }

        @Override
        public void onStreamEnd(Optional<UpstreamFailure> failure) {
            try {
                relay.onEnd(failure);
            } catch (RuntimeException e) {
                failInternally(e);
            }
        }

        @Override
        public void onAnswer(BufferedAnswer answer) {
            StreamCallChain.this.onAnswer(attempt, answer);
        }

        private void commit(String contentType) {
            client.status(status);
            client.headers().put(HttpHeader.CONTENT_TYPE, contentType);
            // Tell any proxy in between not to hold events back.
            client.headers().put(HttpHeader.CACHE_CONTROL, "no-cache");
            client.headers().put("X-Accel-Buffering", "no");
            ResponseHeaders.served(
                    client.headers(), exchange, attempt.target(), attempt.model(), attemptCount);
        }

        private void relayed(RelayOutcome relayed) {
            if (!relayed.served()) {
                // The relay's own outcome name: "error_event" says more than the kind it maps to.
                fail(
                        attempt,
                        relayed.failureBeforeCommit().get(),
                        relayed.outcome(),
                        OptionalInt.of(status),
                        relayed.error().orElse("failed"),
                        null);
                return;
            }
            switch (relayed.outcome()) {
                case "ok" -> health.recordSuccess(attempt.target().key());
                // A stream the upstream broke after it began counts against the target like any
                // server error, so a target that keeps cutting answers is ejected.
                case "failed_after_commit" ->
                        health.recordFailure(
                                attempt.target().key(),
                                FailureKind.SERVER_ERROR,
                                Optional.empty(),
                                clock.instant());
                default -> {
                    // client_cancelled: a client that left says nothing about the target.
                }
            }
            attempts.add(attempt.outcome(relayed, OptionalInt.of(status), true));
            finish(ForwardResult.served(attempt, status, attempts, relayed));
        }
    }
}
