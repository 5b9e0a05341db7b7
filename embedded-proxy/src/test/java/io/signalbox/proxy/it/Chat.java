package io.signalbox.proxy.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The JSON an OpenAI-compatible chat server sends: whole completions, the chunks of a stream (role,
 * content, finish, the usage chunk with empty {@code choices}) and error bodies.
 */
final class Chat {

    static final long CREATED = 1_767_225_600L;

    private Chat() {}

    /** A chat completion with usage. */
    static String completion(String model, String content, long prompt, long completion) {
        ObjectNode root = completionNode(model, content);
        root.set("usage", usage(prompt, completion));
        return root.toString();
    }

    /** A chat completion without a usage object, as some local servers answer. */
    static String completion(String model, String content) {
        return completionNode(model, content).toString();
    }

    private static ObjectNode completionNode(String model, String content) {
        ObjectNode root = FakeUpstream.JSON.createObjectNode();
        root.put("id", "chatcmpl-fake").put("object", "chat.completion");
        root.put("created", CREATED).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        return root;
    }

    static String roleChunk(String model) {
        ObjectNode chunk = chunk(model);
        ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", "");
        choice.putNull("finish_reason");
        return chunk.toString();
    }

    static String contentChunk(String model, String text) {
        ObjectNode chunk = chunk(model);
        ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("content", text);
        choice.putNull("finish_reason");
        return chunk.toString();
    }

    static String finishChunk(String model) {
        ObjectNode chunk = chunk(model);
        ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", "stop");
        return chunk.toString();
    }

    /** The extra chunk {@code stream_options.include_usage} adds: empty choices and usage. */
    static String usageChunk(String model, long prompt, long completion) {
        ObjectNode chunk = chunk(model);
        chunk.set("usage", usage(prompt, completion));
        return chunk.toString();
    }

    private static ObjectNode chunk(String model) {
        ObjectNode chunk = FakeUpstream.JSON.createObjectNode();
        chunk.put("id", "chatcmpl-fake").put("object", "chat.completion.chunk");
        chunk.put("created", CREATED).put("model", model);
        chunk.putArray("choices");
        return chunk;
    }

    private static ObjectNode usage(long prompt, long completion) {
        ObjectNode usage = FakeUpstream.JSON.createObjectNode();
        usage.put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return usage;
    }

    /** {@code {"error":{"message","type","param":null,"code"}}}. */
    static String error(String message, String type) {
        ObjectNode root = FakeUpstream.JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message).put("type", type).putNull("param").putNull("code");
        return root.toString();
    }

    /** A client request body for a chat route, non-streamed. */
    static String request(String model, String userText) {
        ObjectNode root = FakeUpstream.JSON.createObjectNode();
        root.put("model", model);
        root.putArray("messages").addObject().put("role", "user").put("content", userText);
        return root.toString();
    }

    /** A client request body asking for a stream; {@code includeUsage} null leaves it out. */
    static String streamRequest(String model, String userText, Boolean includeUsage) {
        ObjectNode root = (ObjectNode) parse(request(model, userText));
        root.put("stream", true);
        if (includeUsage != null) {
            root.putObject("stream_options").put("include_usage", includeUsage);
        }
        return root.toString();
    }

    static JsonNode parse(String json) {
        try {
            return FakeUpstream.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
