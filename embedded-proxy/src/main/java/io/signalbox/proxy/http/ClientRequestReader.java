package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads a client's JSON body, bounded in size; the JSON mapper keeps numbers exactly as sent. */
final class ClientRequestReader {

    /**
     * Exact decimals: a client's {@code temperature: 0.70} or a huge integer reaches the upstream
     * as sent, not as a rounded double.
     */
    static final JsonMapper JSON =
            JsonMapper.builder()
                    .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                    .build();

    private ClientRequestReader() {}

    static ClientBody readBody(Request request, long maxBytes) throws RejectedRequest {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            // Answered before reading a byte of it: a huge upload costs the proxy nothing.
            throw RejectedRequest.tooLarge(maxBytes);
        }
        return ClientBody.parse(readAtMost(request, maxBytes));
    }

    private static byte[] readAtMost(Request request, long maxBytes) throws RejectedRequest {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = Content.Source.asInputStream(request)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + (long) n > maxBytes) {
                    throw RejectedRequest.tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw RejectedRequest.badRequest("The request body could not be read");
        }
        return out.toByteArray();
    }
}
