package io.signalbox.proxy.upstream.sse;

/**
 * An upstream event stream that cannot be parsed safely, for example an event larger than the
 * parser's limit. After this is thrown the stream is unusable: the caller treats it like a
 * malformed upstream response (fall back before commit, one error frame after).
 */
public class SseException extends RuntimeException {

    public SseException(String message) {
        super(message);
    }
}
