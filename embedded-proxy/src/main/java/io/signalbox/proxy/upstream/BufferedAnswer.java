package io.signalbox.proxy.upstream;

import io.signalbox.proxy.routing.FailureKind;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * A whole upstream answer read into memory (for calls that are not streamed), or why there was
 * none.
 *
 * @param status the upstream's status; 0 when it never answered (also with a failure: a body that
 *     broke off after the status line keeps the status)
 * @param failure set when there was no complete HTTP answer; the body is then empty
 */
public record BufferedAnswer(
        int status, HttpFields headers, byte[] body, Optional<UpstreamFailure> failure) {

    static BufferedAnswer failed(int status, FailureKind kind, String message) {
        return new BufferedAnswer(
                status,
                HttpFields.EMPTY,
                new byte[0],
                Optional.of(new UpstreamFailure(kind, message)));
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String contentType() {
        // By enum: a name lookup compares every header's name ignoring case.
        String type = headers.get(HttpHeader.CONTENT_TYPE);
        return type == null ? "" : type;
    }
}
