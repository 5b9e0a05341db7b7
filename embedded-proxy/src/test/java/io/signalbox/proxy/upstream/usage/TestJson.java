package io.signalbox.proxy.upstream.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Parses the JSON the usage tests hold as text blocks. */
final class TestJson {

    private static final JsonMapper JSON = new JsonMapper();

    private TestJson() {}

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Bad test JSON: " + text, e);
        }
    }
}
