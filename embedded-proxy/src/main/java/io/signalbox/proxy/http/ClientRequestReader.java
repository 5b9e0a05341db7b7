package io.signalbox.proxy.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The JSON mapper for client bodies: it keeps numbers exactly as sent. */
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
}
