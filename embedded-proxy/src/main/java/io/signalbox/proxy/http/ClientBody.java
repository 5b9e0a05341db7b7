package io.signalbox.proxy.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A client's JSON body as the bytes it sent, with the few top-level fields the proxy acts on
 * located in them. The upstream gets those same bytes with only the {@code model} value replaced
 * (and, for a stream, {@code stream_options} added): every other field, its order, spacing and
 * number format pass through untouched, and the body is never parsed into a tree on the hot path.
 */
final class ClientBody {

    private static final byte[] INCLUDE_USAGE =
            "\"stream_options\":{\"include_usage\":true},".getBytes(StandardCharsets.UTF_8);

    private final byte[] bytes;
    private final int objectStart;
    private final String model;
    private final int modelStart;
    private final int modelEnd;
    private final boolean stream;
    private final boolean hasStreamOptions;
    private final boolean includeUsage;
    private JsonNode tree;

    private ClientBody(
            byte[] bytes,
            int objectStart,
            String model,
            int modelStart,
            int modelEnd,
            boolean stream,
            boolean hasStreamOptions,
            boolean includeUsage) {
        this.bytes = bytes;
        this.objectStart = objectStart;
        this.model = model;
        this.modelStart = modelStart;
        this.modelEnd = modelEnd;
        this.stream = stream;
        this.hasStreamOptions = hasStreamOptions;
        this.includeUsage = includeUsage;
    }

    /**
     * Checks that the bytes are one JSON object and finds its top-level {@code model}, {@code
     * stream} and {@code stream_options}.
     */
    static ClientBody parse(byte[] bytes) throws RejectedRequest {
        try (JsonParser parser = ClientRequestReader.JSON.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw RejectedRequest.badRequest("The request body must be a JSON object");
            }
            int objectStart = (int) parser.currentTokenLocation().getByteOffset();
            String model = null;
            int modelStart = -1;
            int modelEnd = -1;
            boolean stream = false;
            boolean hasStreamOptions = false;
            boolean includeUsage = false;
            boolean modelNotText = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "model" -> {
                        if (modelStart >= 0 || modelNotText) {
                            // Parsers disagree on which duplicate wins; route on no guess.
                            throw RejectedRequest.badRequest("'model' appears twice");
                        }
                        if (value == JsonToken.VALUE_STRING) {
                            modelStart = (int) parser.currentTokenLocation().getByteOffset();
                            model = parser.getText();
                            // After getText() the parser stands just past the closing quote.
                            modelEnd = (int) parser.currentLocation().getByteOffset();
                        } else {
                            modelNotText = value != JsonToken.VALUE_NULL;
                            parser.skipChildren();
                        }
                    }
                    case "stream" -> stream = value == JsonToken.VALUE_TRUE;
                    case "stream_options" -> {
                        hasStreamOptions = true;
                        if (value == JsonToken.START_OBJECT) {
                            includeUsage = readIncludeUsage(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (objectStart < 0 || (modelStart < 0 && model != null)) {
                // Jackson reads UTF-16/32 with a character parser that reports no byte offsets;
                // the OpenAI API is UTF-8 only.
                throw RejectedRequest.badRequest("The request body must be UTF-8 JSON");
            }
            if (parser.nextToken() != null) {
                throw RejectedRequest.badRequest(
                        "The request body has content after its JSON object");
            }
            if (modelNotText || (model != null && model.isBlank())) {
                throw RejectedRequest.badRequest("'model' must be a non-empty string");
            }
            if (model == null) {
                throw RejectedRequest.badRequest("The request has no 'model'; name a route");
            }
            return new ClientBody(
                    bytes,
                    objectStart,
                    model,
                    modelStart,
                    modelEnd,
                    stream,
                    hasStreamOptions,
                    includeUsage);
        } catch (StreamConstraintsException e) {
            // Nesting, number or string sizes past the parser's limits: refused, with no location.
            throw RejectedRequest.badRequest(
                    "The request body is too deeply nested or has a value too large to read");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw RejectedRequest.badRequest(
                    at == null
                            ? "The request body is not valid JSON"
                            : "The request body is not valid JSON (line "
                                    + at.getLineNr()
                                    + ", column "
                                    + at.getColumnNr()
                                    + ")");
        } catch (IOException e) {
            throw RejectedRequest.badRequest("The request body could not be read");
        }
    }

    private static boolean readIncludeUsage(JsonParser parser) throws IOException {
        boolean includeUsage = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("include_usage")) {
                includeUsage = value == JsonToken.VALUE_TRUE;
            }
            parser.skipChildren();
        }
        return includeUsage;
    }

    String model() {
        return model;
    }

    boolean stream() {
        return stream;
    }

    /** The client itself asked for the streamed usage chunk. */
    boolean includeUsage() {
        return includeUsage;
    }

    /**
     * The bytes for the upstream: the client's, with {@code model} set to {@code upstreamModel}
     * and, when {@code askForUsage}, {@code stream_options.include_usage: true}.
     */
    byte[] forUpstream(String upstreamModel, boolean askForUsage) {
        if (askForUsage && hasStreamOptions && !includeUsage) {
            // The client sent stream_options of its own: edit it in a tree (rare, not hot).
            ObjectNode copy = (ObjectNode) tree().deepCopy();
            copy.put("model", upstreamModel);
            JsonNode options = copy.get("stream_options");
            ObjectNode edited =
                    options instanceof ObjectNode object
                            ? object
                            : copy.putObject("stream_options");
            edited.put("include_usage", true);
            try {
                return ClientRequestReader.JSON.writeValueAsBytes(copy);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed JSON body always serializes", e);
            }
        }
        boolean insertOptions = askForUsage && !hasStreamOptions;
        byte[] quoted = quote(upstreamModel);
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(bytes.length + quoted.length + INCLUDE_USAGE.length);
        out.write(bytes, 0, objectStart + 1);
        if (insertOptions) {
            out.write(INCLUDE_USAGE, 0, INCLUDE_USAGE.length);
        }
        out.write(bytes, objectStart + 1, modelStart - objectStart - 1);
        out.write(quoted, 0, quoted.length);
        out.write(bytes, modelEnd, bytes.length - modelEnd);
        return out.toByteArray();
    }

    private static byte[] quote(String text) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
        byte[] quoted = new byte[escaped.length + 2];
        quoted[0] = '"';
        System.arraycopy(escaped, 0, quoted, 1, escaped.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }

    /** The body as a tree (exact numbers), parsed on first use: for estimates and rare edits. */
    JsonNode tree() {
        if (tree == null) {
            try {
                tree = ClientRequestReader.JSON.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalStateException("the body was checked as JSON already", e);
            }
        }
        return tree;
    }
}
