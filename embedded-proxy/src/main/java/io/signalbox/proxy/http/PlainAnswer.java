package io.signalbox.proxy.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The parts of a non-streamed upstream answer the proxy needs (its top-level {@code usage}, {@code
 * error}, {@code object} and {@code type}), read without building the whole answer as a tree: an
 * embeddings answer can hold thousands of numbers the proxy has no use for.
 */
final class PlainAnswer {

    private static final JsonMapper JSON = new JsonMapper();

    private PlainAnswer() {}

    /** An object with only the fields above, or null when the body is not a JSON object. */
    static JsonNode summary(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode summary = JSON.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "usage", "error", "object", "type" ->
                            summary.set(field, JSON.readTree(parser));
                    default -> parser.skipChildren();
                }
            }
            return summary;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code body} is one whole JSON value (of any kind), and nothing after it. */
    static boolean isJson(byte[] body) {
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() == null) {
                return false; // empty, or only white space
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The whole answer as a tree, for the rare estimate when the upstream sent no usage. */
    static JsonNode full(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
