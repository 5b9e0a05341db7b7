package io.signalbox.proxy.upstream.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One event block of a server-sent event stream, as the upstream sent it.
 *
 * @param event the value of the last {@code event:} field, or null when the block had none (the
 *     WHATWG spec then calls the event type "message")
 * @param data the values of the block's {@code data:} fields joined with {@code "\n"}, or null when
 *     the block had no data field at all ({@code ""} when it had an empty one)
 * @param id the value of the block's last {@code id:} field, or null when it had none (an id
 *     containing U+0000 is ignored, as the spec says)
 * @param commentOnly true when the block held no field at all, only {@code :} comment lines or
 *     nothing: a keep-alive such as OpenRouter's {@code : OPENROUTER PROCESSING} or a bare blank
 *     line. Such blocks never commit a response and carry no tokens
 * @param raw the exact bytes of the block including its terminating blank line, so the proxy can
 *     forward it byte for byte. Copied on the way in and on the way out; use {@link #rawBuffer()}
 *     to write it without a copy
 */
public record SseEvent(String event, String data, String id, boolean commentOnly, byte[] raw) {

    /** What {@link #toString()} shows of {@code data} at most: events can be megabytes long. */
    private static final int TO_STRING_DATA_CHARS = 200;

    public SseEvent {
        raw = Objects.requireNonNull(raw, "raw").clone();
    }

    /**
     * A data event as the proxy writes it itself (an in-band error, a rewritten chunk), with {@code
     * raw} in the canonical {@code event: …\ndata: …\n\n} form. A {@code data} containing line
     * breaks becomes several {@code data:} lines, so parsing {@code raw} gives this event back.
     *
     * @param event the event name, or null for none
     * @param data the payload, never null
     */
    public static SseEvent of(String event, String data) {
        Objects.requireNonNull(data, "data");
        if (event != null && (event.indexOf('\n') >= 0 || event.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("An SSE event name cannot contain a line break");
        }
        String[] lines = data.split("\r\n|\r|\n", -1);
        StringBuilder text = new StringBuilder(data.length() + 16);
        if (event != null) {
            text.append("event: ").append(event).append('\n');
        }
        for (String line : lines) {
            text.append("data: ").append(line).append('\n');
        }
        text.append('\n');
        return new SseEvent(
                event,
                String.join("\n", lines),
                null,
                false,
                text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the exact bytes of the block. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The exact bytes of the block as a read-only buffer, without copying. */
    public ByteBuffer rawBuffer() {
        return ByteBuffer.wrap(raw).asReadOnlyBuffer();
    }

    /** How many bytes the block took on the wire. */
    public int rawLength() {
        return raw.length;
    }

    /**
     * True for the {@code data: [DONE]} sentinel that ends chat/completions streams. Like
     * openai-python ({@code _streaming.py}) and openai-java ({@code SseHandler}) this tests the
     * prefix, so the proxy's view of "done" is the one its clients act on.
     */
    public boolean isDone() {
        return data != null && data.startsWith("[DONE]");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SseEvent that
                && commentOnly == that.commentOnly
                && Objects.equals(event, that.event)
                && Objects.equals(data, that.data)
                && Objects.equals(id, that.id)
                && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(event, data, id, commentOnly) + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        String shownData = data;
        if (data != null && data.length() > TO_STRING_DATA_CHARS) {
            int cut = TO_STRING_DATA_CHARS;
            if (Character.isHighSurrogate(data.charAt(cut - 1))) {
                cut--; // never show half an emoji
            }
            shownData = data.substring(0, cut) + "…(" + data.length() + " chars)";
        }
        return "SseEvent[event="
                + event
                + ", data="
                + shownData
                + ", id="
                + id
                + ", commentOnly="
                + commentOnly
                + ", raw="
                + raw.length
                + " bytes]";
    }
}
