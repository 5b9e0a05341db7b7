package io.signalbox.proxy.upstream;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Collects an upstream answer's body into one array, sized from its {@code Content-Length} when the
 * upstream sends one. Jetty's {@code BufferingResponseListener} grows a chain of fresh buffers for
 * every answer; at thousands of answers a second that garbage was a tenth of all the proxy
 * allocated.
 */
final class AnswerBody {

    /** The answer was longer than the limit; the exchange is aborted with it. */
    static final class TooLarge extends RuntimeException {
        TooLarge(int maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes", null, false, false);
        }
    }

    private static final byte[] EMPTY = new byte[0];
    private static final int FIRST_CAPACITY = 1024;

    private final int maxBytes;
    private byte[] bytes = EMPTY;
    private int length;

    AnswerBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Fails the exchange at once when the declared length is over the limit. */
    void onHeaders(Response response) {
        long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            response.abort(new TooLarge(maxBytes));
        } else if (declared > 0) {
            bytes = new byte[(int) declared];
        }
    }

    void onContent(Response response, ByteBuffer content) {
        int more = content.remaining();
        if (more > maxBytes - length) {
            response.abort(new TooLarge(maxBytes));
            return;
        }
        if (length + more > bytes.length) {
            int grown = Math.max(length + more, Math.max(FIRST_CAPACITY, bytes.length * 2));
            bytes = Arrays.copyOf(bytes, Math.min(grown, maxBytes));
        }
        content.get(bytes, length, more);
        length += more;
    }

    byte[] bytes() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
