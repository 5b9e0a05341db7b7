package io.signalbox.proxy.upstream.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Splits an upstream {@code text/event-stream} body into {@link SseEvent}s, following the WHATWG
 * HTML spec, section 9.2.6 "Interpreting an event stream":
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 *
 * <p>Feed it the chunks in the order the HTTP client delivers them, split anywhere; each event is
 * handed to the consumer, on the feeding thread, as soon as its terminating blank line arrives.
 * Lines are decoded as UTF-8 only once they are complete, so a character split across chunks is
 * never damaged. Unlike an {@code EventSource}, every block is delivered, keep-alive comments and
 * blocks without data included, each with its exact bytes, so that concatenating the {@code raw} of
 * all events reproduces the input.
 *
 * <p>Line endings are CRLF, LF or a lone CR, and the spec requires acting on a CR before knowing
 * whether an LF follows. The parser therefore ends the line at the CR; an LF that then arrives
 * completes that CRLF and is kept in the raw bytes of whichever block is open, which is the next
 * one when the CR ended a blank line. This keeps events and their raw bytes identical wherever the
 * input is split. If the stream ends right after such a CRLF, {@link #finish()} delivers that lone
 * LF as a keep-alive block so no byte is lost.
 *
 * <p>Not thread-safe: one parser per upstream response. After an {@link SseException}, or an
 * exception thrown by the consumer (which propagates out of {@code feed}), the parser refuses more
 * input; {@link #finish()} is still safe to call and reports a partial event.
 */
public final class SseParser {

    /** Default bound on one event's raw size: generous for any chat chunk, small for a desktop. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024;

    private static final int INITIAL_CAPACITY = 1024;

    /** A buffer grown past this for one large event is replaced, not kept for the whole stream. */
    private static final int RETAINED_CAPACITY = 64 * 1024;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte COLON = ':';
    private static final byte SPACE = ' ';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] DATA = ascii("data");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] ID = ascii("id");

    private final Consumer<SseEvent> onEvent;
    private final int maxEventBytes;

    /** Raw bytes of the open block, the unterminated current line at its end. */
    private byte[] block = new byte[INITIAL_CAPACITY];

    private int blockLength;
    private int lineStart;
    private int linesInBlock;
    private boolean afterCr;
    private boolean atStreamStart = true;

    private String eventName;
    private StringBuilder data;
    private String id;
    private boolean hasField;

    private boolean finished;
    private boolean broken;
    private boolean discardedPartial;

    public SseParser(Consumer<SseEvent> onEvent) {
        this(onEvent, DEFAULT_MAX_EVENT_BYTES);
    }

    /**
     * @param maxEventBytes the largest raw size of one event block; a larger one raises {@link
     *     SseException} instead of growing the buffer without bound
     */
    public SseParser(Consumer<SseEvent> onEvent, int maxEventBytes) {
        this.onEvent = Objects.requireNonNull(onEvent, "onEvent");
        if (maxEventBytes <= 0) {
            throw new IllegalArgumentException("maxEventBytes must be positive: " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
    }

    /** Parses {@code length} bytes from {@code offset}, dispatching every event they complete. */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        checkOpen();
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (afterCr) {
                afterCr = false;
                if (bytes[i] == LF) {
                    append(bytes, i, 1);
                    lineStart = blockLength;
                    i++;
                    continue;
                }
            }
            int lineBreak = i;
            while (lineBreak < end && bytes[lineBreak] != LF && bytes[lineBreak] != CR) {
                lineBreak++;
            }
            append(bytes, i, lineBreak - i);
            if (lineBreak == end) {
                return;
            }
            int lineEnd = blockLength;
            append(bytes, lineBreak, 1);
            afterCr = bytes[lineBreak] == CR;
            i = lineBreak + 1;
            endLine(lineEnd);
        }
    }

    /** Parses all remaining bytes of {@code bytes}, leaving its position at its limit. */
    public void feed(ByteBuffer bytes) {
        int length = bytes.remaining();
        if (bytes.hasArray()) {
            int start = bytes.arrayOffset() + bytes.position();
            bytes.position(bytes.limit());
            feed(bytes.array(), start, length);
            return;
        }
        byte[] chunk = new byte[Math.min(length, 8192)];
        while (bytes.hasRemaining()) {
            int n = Math.min(bytes.remaining(), chunk.length);
            bytes.get(chunk, 0, n);
            feed(chunk, 0, n);
        }
    }

    /**
     * Ends the stream. As the spec says, an event not yet terminated by a blank line is discarded,
     * not dispatched; {@link #hasPartialEvent()} then tells the caller the stream was cut. Calling
     * it again does nothing; after a failure it only marks the stream as cut.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (broken || hasPartialEvent()) {
            discardedPartial = true;
        } else if (blockLength > 0) {
            // Only the LF of a CRLF after the last blank line is left: hand it on as a keep-alive.
            dispatch();
        }
        block = new byte[0];
        blockLength = 0;
        lineStart = 0;
        linesInBlock = 0;
    }

    /**
     * True when bytes of an unterminated event are buffered, or, after {@link #finish()}, were
     * discarded: the upstream stream ended in the middle of an event.
     */
    public boolean hasPartialEvent() {
        return discardedPartial || linesInBlock > 0 || lineStart < blockLength;
    }

    private void endLine(int lineEnd) {
        int start = lineStart;
        lineStart = blockLength;
        if (atStreamStart) {
            atStreamStart = false;
            // "One leading U+FEFF BYTE ORDER MARK character must be ignored if any are present."
            if (startsWith(start, lineEnd, BOM)) {
                start += BOM.length;
            }
        }
        if (start == lineEnd) {
            dispatch();
            return;
        }
        linesInBlock++;
        processLine(start, lineEnd);
    }

    private void processLine(int start, int end) {
        if (block[start] == COLON) {
            return; // a comment
        }
        int colon = start;
        while (colon < end && block[colon] != COLON) {
            colon++;
        }
        // A line without a colon is a field name with an empty value. COLON is ASCII, so it can
        // never be part of a multi-byte UTF-8 sequence and searching bytes is safe.
        int valueStart = Math.min(colon + 1, end);
        if (valueStart < end && block[valueStart] == SPACE) {
            valueStart++; // exactly one leading space belongs to the syntax, not the value
        }
        hasField = true;
        if (fieldIs(start, colon, DATA)) {
            if (data == null) {
                data = new StringBuilder();
            } else {
                data.append('\n');
            }
            data.append(decode(valueStart, end));
        } else if (fieldIs(start, colon, EVENT)) {
            eventName = decode(valueStart, end);
        } else if (fieldIs(start, colon, ID)) {
            String value = decode(valueStart, end);
            if (value.indexOf('\u0000') < 0) {
                id = value;
            }
        }
        // "retry" only concerns an EventSource reconnecting; it and unknown fields are ignored
        // here but stay in raw, so the client still sees them.
    }

    private void dispatch() {
        SseEvent event =
                new SseEvent(
                        eventName,
                        data == null ? null : data.toString(),
                        id,
                        !hasField,
                        Arrays.copyOf(block, blockLength));
        blockLength = 0;
        lineStart = 0;
        linesInBlock = 0;
        eventName = null;
        data = null;
        id = null;
        hasField = false;
        if (block.length > RETAINED_CAPACITY) {
            block = new byte[INITIAL_CAPACITY];
        }
        // The rest of the current chunk is lost if the consumer throws, so mark the parser
        // broken until the consumer has returned normally.
        broken = true;
        onEvent.accept(event);
        broken = false;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        int needed = blockLength + length;
        if (needed > maxEventBytes) {
            broken = true;
            throw new SseException(
                    "An upstream SSE event exceeds the limit of " + maxEventBytes + " bytes");
        }
        if (needed > block.length) {
            long grown = Math.min(2L * block.length, maxEventBytes);
            block = Arrays.copyOf(block, (int) Math.max(needed, grown));
        }
        System.arraycopy(bytes, offset, block, blockLength, length);
        blockLength = needed;
    }

    private String decode(int start, int end) {
        // Malformed sequences become U+FFFD, as the spec's "UTF-8 decode" requires.
        return new String(block, start, end - start, StandardCharsets.UTF_8);
    }

    private boolean fieldIs(int start, int end, byte[] name) {
        return end - start == name.length && startsWith(start, end, name);
    }

    private boolean startsWith(int start, int end, byte[] prefix) {
        return end - start >= prefix.length
                && Arrays.equals(block, start, start + prefix.length, prefix, 0, prefix.length);
    }

    private void checkOpen() {
        if (broken) {
            throw new IllegalStateException("The SSE parser failed earlier and cannot continue");
        }
        if (finished) {
            throw new IllegalStateException("The SSE stream was already finished");
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
