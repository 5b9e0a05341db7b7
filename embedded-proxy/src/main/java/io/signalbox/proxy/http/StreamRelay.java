package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.routing.FailureKind;
import io.signalbox.proxy.upstream.UpstreamCall;
import io.signalbox.proxy.upstream.UpstreamFailure;
import io.signalbox.proxy.upstream.sse.SseEvent;
import io.signalbox.proxy.upstream.sse.SseParser;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.upstream.usage.UsageExtractor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Relays one upstream event stream to the client event by event, with no thread waiting on either
 * side: each upstream chunk is parsed as it arrives, the events it completes go out in one write,
 * and the next chunk is asked for only when that write is done, so a slow client slows the upstream
 * read and memory stays at about one chunk.
 *
 * <p>Nothing reaches the client until the first good data event: an upstream that fails before that
 * (an error status was handled earlier; here a 200 whose first event is an error, a reset, an idle
 * timeout or an empty stream) leaves the client untouched, so the next target can still serve the
 * call. After that, a failure ends the client's stream with one OpenAI-shaped error event and no
 * {@code [DONE]}, so the client sees an error instead of a silently truncated answer.
 */
final class StreamRelay {

    private static final String QUIET = "the upstream went quiet (idle timeout)";
    private static final String BROKE = "the upstream stream broke";

    private final ClientChannel client;
    private final UpstreamCall upstream;
    private final Endpoint endpoint;
    private final ProviderSecrets secrets;
    private final boolean clientWantsUsage;
    private final Runnable commitHeaders;
    private final Consumer<RelayOutcome> done;
    private final SseParser parser = new SseParser(this::onEvent);

    private final List<ByteBuffer> heldBeforeCommit = new ArrayList<>();

    /** What the current chunk completed for the client, written together once it is parsed. */
    private final List<ByteBuffer> ready = new ArrayList<>();

    private final StringBuilder generated = new StringBuilder();
    private Optional<UsageCounts> usage = Optional.empty();
    private boolean committed;
    private boolean finished;
    private String inBandError;
    private String failureBeforeCommit;

    /**
     * @param commitHeaders sets the status and headers on the client response; runs once, before
     *     the first bytes go out
     * @param secrets the provider's credentials, masked in the error events it sends
     * @param done gets how the relay ended, once
     */
    StreamRelay(
            ClientChannel client,
            UpstreamCall upstream,
            Endpoint endpoint,
            ProviderSecrets secrets,
            boolean clientWantsUsage,
            Runnable commitHeaders,
            Consumer<RelayOutcome> done) {
        this.client = client;
        this.upstream = upstream;
        this.endpoint = endpoint;
        this.secrets = secrets;
        this.clientWantsUsage = clientWantsUsage;
        this.commitHeaders = commitHeaders;
        this.done = done;
    }

    /** The next part of the upstream body: forwards the events it completes, then asks for more. */
    void onChunk(ByteBuffer bytes, Runnable more) {
        try {
            parser.feed(bytes);
        } catch (RuntimeException e) {
            // SseException (an event over the parser's limit): the stream cannot be read further.
            upstream.abort();
            broken(FailureKind.CONNECT_FAILED, "connect_failed", BROKE);
            return;
        }
        if (failureBeforeCommit != null) {
            upstream.abort();
            done.accept(
                    RelayOutcome.failedBeforeCommit(
                            FailureKind.SERVER_ERROR, "error_event", failureBeforeCommit));
            return;
        }
        if (finished) {
            // Stop at the end of the answer ([DONE], a terminal Responses event, an in-band error)
            // rather than at the end of the body: an upstream that keeps the response open after
            // [DONE] would otherwise hold the client until the idle timeout and then get an error
            // event appended to a complete answer.
            upstream.discardRest();
            RelayOutcome outcome =
                    inBandError == null
                            ? outcome("ok", null)
                            : outcome(
                                    "failed_after_commit",
                                    "the upstream sent an error: " + inBandError);
            client.finish(takeReady(), written(() -> done.accept(outcome)));
            return;
        }
        ByteBuffer out = takeReady();
        if (out == null) {
            more.run(); // a partial event, a held keep-alive or a usage chunk the client did
            // not want
            return;
        }
        client.send(out, written(more));
    }

    /** The upstream body ended, completely or not, before the answer did. */
    void onEnd(Optional<UpstreamFailure> failure) {
        if (failure.isPresent()) {
            boolean timeout = failure.get().kind() == FailureKind.TIMEOUT;
            broken(
                    timeout ? FailureKind.TIMEOUT : FailureKind.CONNECT_FAILED,
                    timeout ? "timeout" : "connect_failed",
                    timeout ? QUIET : BROKE);
            return;
        }
        // The bytes after the last blank line: a partial event is dropped, a lone LF forwarded.
        parser.finish();
        broken(
                FailureKind.SERVER_ERROR,
                "server_error",
                "the upstream stream ended before it was complete");
    }

    /** Before commit the next target may serve the call; after it, the client learns of it. */
    private void broken(FailureKind kind, String outcome, String why) {
        if (!committed) {
            done.accept(RelayOutcome.failedBeforeCommit(kind, outcome, why));
            return;
        }
        ready.add(errorEvent(why));
        RelayOutcome failed = outcome("failed_after_commit", why);
        client.finish(
                takeReady(),
                Callback.from(
                        Invocable.InvocationType.NON_BLOCKING,
                        () -> done.accept(failed),
                        gone -> done.accept(failed)));
    }

    /** Runs {@code next} once the bytes are out; a failed write means the client left. */
    private Callback written(Runnable next) {
        return Callback.from(Invocable.InvocationType.NON_BLOCKING, next, this::clientGone);
    }

    private void clientGone(Throwable cause) {
        upstream.abort();
        client.abort(cause);
        done.accept(outcome("client_cancelled", "the client closed the connection"));
    }

    private void onEvent(SseEvent event) {
        if (failureBeforeCommit != null || finished) {
            return; // nothing after the end of the answer reaches the client
        }
        if (event.commentOnly() || event.data() == null) {
            forwardOrHold(event.rawBuffer());
            return;
        }
        if (event.isDone()) {
            finished = true;
            emit(event.rawBuffer());
            return;
        }
        JsonNode data = parse(event.data());
        if (data == null) {
            // Not JSON: not ours to judge after commit; before it, a broken upstream.
            if (!committed) {
                failureBeforeCommit = "the upstream sent an event that is not JSON";
            } else {
                emit(event.rawBuffer());
            }
            return;
        }
        Optional<String> error = UsageExtractor.errorMessage(data).map(secrets::redact);
        if (error.isPresent()) {
            if (!committed) {
                failureBeforeCommit = "the upstream's first event is an error: " + error.get();
                return;
            }
            inBandError = error.get();
            finished = true;
            emit(secrets.redact(event.rawBuffer()));
            return;
        }
        UsageExtractor.fromStreamEvent(data).ifPresent(counts -> usage = Optional.of(counts));
        collectText(data);
        if (isTerminalResponsesEvent(data)) {
            finished = true;
        }
        if (!clientWantsUsage && UsageExtractor.isUsageOnlyChunk(data)) {
            return; // asked for by the proxy, for the log; the client did not want it
        }
        emit(event.rawBuffer());
    }

    private boolean isTerminalResponsesEvent(JsonNode data) {
        if (endpoint != Endpoint.RESPONSES) {
            return false;
        }
        String type = data.path("type").asText("");
        return type.equals("response.completed")
                || type.equals("response.incomplete")
                || type.equals("response.failed");
    }

    private void collectText(JsonNode data) {
        for (JsonNode choice : data.path("choices")) {
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual()) {
                generated.append(content.textValue());
            }
            JsonNode text = choice.path("text");
            if (text.isTextual()) {
                generated.append(text.textValue());
            }
        }
        if (data.path("type").asText("").endsWith("output_text.delta")) {
            generated.append(data.path("delta").asText(""));
        }
    }

    private static JsonNode parse(String data) {
        try {
            return ClientRequestReader.JSON.readTree(data);
        } catch (IOException e) {
            return null;
        }
    }

    private void forwardOrHold(ByteBuffer raw) {
        if (committed) {
            ready.add(raw);
        } else {
            heldBeforeCommit.add(raw);
        }
    }

    /** Queues a good event; the first one commits, with the keep-alives held before it. */
    private void emit(ByteBuffer raw) {
        if (!committed) {
            commitHeaders.run();
            committed = true;
            ready.addAll(heldBeforeCommit);
            heldBeforeCommit.clear();
        }
        ready.add(raw);
    }

    /** The queued bytes as one buffer, or null when there are none. */
    private ByteBuffer takeReady() {
        if (ready.isEmpty()) {
            return null;
        }
        ByteBuffer out;
        if (ready.size() == 1) {
            out = ready.get(0);
        } else {
            int length = 0;
            for (ByteBuffer part : ready) {
                length += part.remaining();
            }
            out = ByteBuffer.allocate(length);
            for (ByteBuffer part : ready) {
                out.put(part);
            }
            out.flip();
        }
        ready.clear();
        return out;
    }

    private static ByteBuffer errorEvent(String why) {
        String error =
                new String(
                        OpenAiErrors.body(
                                "Signalbox: " + why + "; the answer is incomplete",
                                "server_error",
                                "upstream_stream_failed"),
                        StandardCharsets.UTF_8);
        return ByteBuffer.wrap(("data: " + error + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private RelayOutcome outcome(String outcome, String error) {
        return new RelayOutcome(
                Optional.empty(), outcome, Optional.ofNullable(error), usage, generated.toString());
    }
}
