package io.signalbox.proxy.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
                    case "usage", "error", "object", "type" -> summary.set(field, valueAt(parser));
                    default -> parser.skipChildren();
                }
            }
            return summary;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The value the parser is at, as a tree. Built here rather than by {@code
     * ObjectMapper.readTree(parser)}, which sets up a deserialization context on every call: for
     * the few small values above that setup cost more than the reading (about 0.5 us per answer).
     * Numbers become the same node types {@code readTree} gives.
     */
    private static JsonNode valueAt(JsonParser parser) throws IOException {
        JsonNodeFactory nodes = JSON.getNodeFactory();
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("The answer ends inside a value");
        }
        switch (token) {
            case START_OBJECT:
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, valueAt(parser));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(valueAt(parser));
                }
                return array;
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new IOException("Unexpected JSON token " + token);
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
