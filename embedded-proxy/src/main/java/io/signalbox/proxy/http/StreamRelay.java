package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.routing.FailureKind;
import io.signalbox.proxy.upstream.UpstreamResponse;
import io.signalbox.proxy.upstream.sse.SseEvent;
import io.signalbox.proxy.upstream.sse.SseParser;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.upstream.usage.UsageExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Relays one upstream event stream to the client event by event. Nothing reaches the client until
 * the first good data event: an upstream that fails before that (an error status was handled
 * earlier; here a 200 whose first event is an error, a reset, an idle timeout or an empty stream)
 * leaves the client untouched, so the next target can still serve the call. After that, a failure
 * ends the client's stream with one OpenAI-shaped error event and no {@code [DONE]}, so the client
 * sees an error instead of a silently truncated answer.
 */
final class StreamRelay {

    private final UpstreamResponse upstream;
    private final ClientChannel client;
    private final Endpoint endpoint;
    private final boolean clientWantsUsage;
    private final Runnable commitHeaders;

    private final List<byte[]> heldBeforeCommit = new ArrayList<>();
    private final StringBuilder generated = new StringBuilder();
    private Optional<UsageCounts> usage = Optional.empty();
    private boolean committed;
    private boolean finished;
    private String inBandError;
    private String failureBeforeCommit;

    /**
     * @param commitHeaders sets the status and headers on the client response; runs once, right
     *     before the first bytes go out
     */
    StreamRelay(
            UpstreamResponse upstream,
            ClientChannel client,
            Endpoint endpoint,
            boolean clientWantsUsage,
            Runnable commitHeaders) {
        this.upstream = upstream;
        this.client = client;
        this.endpoint = endpoint;
        this.clientWantsUsage = clientWantsUsage;
        this.commitHeaders = commitHeaders;
    }

    RelayOutcome relay() {
        SseParser parser = new SseParser(this::onEvent);
        byte[] buffer = new byte[8192];
        InputStream in = upstream.body();
        try {
            // Stop at the end of the answer ([DONE], a terminal Responses event, an in-band error)
            // rather than at the end of the body: an upstream that keeps the response open after
            // [DONE] would otherwise hold the client until the idle timeout and then get an error
            // event appended to a complete answer.
            for (int n; failureBeforeCommit == null && !finished && (n = in.read(buffer)) >= 0; ) {
                parser.feed(buffer, 0, n);
            }
            if (failureBeforeCommit == null && !finished) {
                // The stream ended: an unterminated last block may still hold an event.
                parser.finish();
            }
        } catch (ClientGone gone) {
            upstream.abort();
            client.abort(gone.getCause());
            return outcome("client_cancelled", "the client closed the connection");
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: Jetty's response stream rethrows the exchange's failure as
            // it is, and SseException (an oversized event) is one.
            upstream.abort();
            String why =
                    isTimeout(e)
                            ? "the upstream went quiet (idle timeout)"
                            : "the upstream stream broke";
            if (!committed) {
                return RelayOutcome.failedBeforeCommit(
                        isTimeout(e) ? FailureKind.TIMEOUT : FailureKind.CONNECT_FAILED,
                        isTimeout(e) ? "timeout" : "connect_failed",
                        why);
            }
            return endWithError(why);
        }
        if (failureBeforeCommit != null) {
            upstream.abort();
            return RelayOutcome.failedBeforeCommit(
                    FailureKind.SERVER_ERROR, "error_event", failureBeforeCommit);
        }
        if (!finished) {
            String why = "the upstream stream ended before it was complete";
            if (!committed) {
                return RelayOutcome.failedBeforeCommit(
                        FailureKind.SERVER_ERROR, "server_error", why);
            }
            return endWithError(why);
        }
        flushHeld();
        client.finish(null);
        return inBandError == null
                ? outcome("ok", null)
                : outcome("failed_after_commit", "the upstream sent an error: " + inBandError);
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void onEvent(SseEvent event) {
        if (failureBeforeCommit != null || finished) {
            return; // nothing after the end of the answer reaches the client
        }
        if (event.commentOnly() || event.data() == null) {
            forwardOrHold(event.raw());
            return;
        }
        if (event.isDone()) {
            finished = true;
            write(event.raw());
            return;
        }
        JsonNode data = parse(event.data());
        if (data == null) {
            // Not JSON: not ours to judge after commit; before it, a broken upstream.
            if (!committed) {
                failureBeforeCommit = "the upstream sent an event that is not JSON";
            } else {
                write(event.raw());
            }
            return;
        }
        Optional<String> error = UsageExtractor.errorMessage(data);
        if (error.isPresent()) {
            if (!committed) {
                failureBeforeCommit = "the upstream's first event is an error: " + error.get();
                return;
            }
            inBandError = error.get();
            finished = true;
            write(event.raw());
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
        write(event.raw());
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

    private void forwardOrHold(byte[] raw) {
        if (committed) {
            write(raw);
        } else {
            heldBeforeCommit.add(raw);
        }
    }

    private void write(byte[] raw) {
        if (!committed) {
            commitHeaders.run();
            committed = true;
            flushHeld();
        }
        sendOrThrow(raw);
    }

    private void flushHeld() {
        if (!committed) {
            return;
        }
        for (byte[] held : heldBeforeCommit) {
            sendOrThrow(held);
        }
        heldBeforeCommit.clear();
    }

    private void sendOrThrow(byte[] raw) {
        try {
            client.send(raw);
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    private RelayOutcome endWithError(String why) {
        byte[] event =
                ("data: "
                                + new String(
                                        OpenAiErrors.body(
                                                "Signalbox: " + why + "; the answer is incomplete",
                                                "server_error",
                                                "upstream_stream_failed"),
                                        StandardCharsets.UTF_8)
                                + "\n\n")
                        .getBytes(StandardCharsets.UTF_8);
        try {
            client.send(event);
            client.finish(null);
        } catch (IOException e) {
            client.abort(e);
        }
        return outcome("failed_after_commit", why);
    }

    private RelayOutcome outcome(String outcome, String error) {
        return new RelayOutcome(
                Optional.empty(), outcome, Optional.ofNullable(error), usage, generated.toString());
    }

    /** Writing to the client failed: it disconnected. Unwinds out of the parser's callback. */
    private static final class ClientGone extends UncheckedIOException {
        ClientGone(IOException cause) {
            super(cause);
        }
    }
}
