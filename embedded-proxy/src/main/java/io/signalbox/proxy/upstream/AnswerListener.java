package io.signalbox.proxy.upstream;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;

/**
 * Receives one upstream answer on the HTTP client's threads. Once the status and headers are in,
 * the listener chooses how the body comes: whole ({@link #onAnswer}: an error, a JSON answer) or
 * part by part as it arrives ({@link #onChunk}, then {@link #onStreamEnd}: an event stream). Calls
 * never overlap, and after {@link #onChunk} nothing comes until its {@code more} has run, so a slow
 * reader slows the upstream instead of filling memory.
 */
public interface AnswerListener {

    /**
     * The status line and headers arrived in time.
     *
     * @return true to read the body part by part, false to get it whole through {@link #onAnswer}
     */
    boolean streams(int status, HttpFields headers);

    /**
     * The next part of a streamed body. The bytes are only valid during the call. Run {@code more}
     * (on any thread, once) when ready for the next part or the end; or, instead, {@link
     * UpstreamCall#discardRest()} or {@link UpstreamCall#abort()}.
     */
    void onChunk(ByteBuffer bytes, Runnable more);

    /**
     * A streamed body ended: complete when {@code failure} is empty, else broken off or silent for
     * longer than the idle timeout.
     */
    void onStreamEnd(Optional<UpstreamFailure> failure);

    /** The whole answer, or why there was none (no connection, no first byte in time). */
    void onAnswer(BufferedAnswer answer);

    /** A listener that always takes the body whole. */
    static AnswerListener whole(Consumer<BufferedAnswer> onAnswer) {
        return new AnswerListener() {
            @Override
            public boolean streams(int status, HttpFields headers) {
                return false;
            }

            @Override
            public void onChunk(ByteBuffer bytes, Runnable more) {
                throw new IllegalStateException("the body is read whole");
            }

            @Override
            public void onStreamEnd(Optional<UpstreamFailure> failure) {
                throw new IllegalStateException("the body is read whole");
            }

            @Override
            public void onAnswer(BufferedAnswer answer) {
                onAnswer.accept(answer);
            }
        };
    }
}
