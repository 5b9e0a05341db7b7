package io.signalbox.app.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client got from one streamed chat call, judged strictly: a complete stream, a clear error
 * (an HTTP error status with an OpenAI error body, or a stream that began and ends with exactly one
 * error event and no {@code [DONE]}), or anything else, which is a failure of the proxy.
 *
 * @param detail for {@link Kind#UNCLEAR}: what was wrong and what arrived
 */
record StreamVerdict(Kind kind, int status, String detail) {

    enum Kind {
        /** 200, events, the finish chunk, {@code [DONE]}; no error event, no usage chunk. */
        COMPLETE,
        /** An error status with {@code {"error":{"message":…,"type":…}}} as JSON. */
        HTTP_ERROR,
        /** 200 and at least one event, then one error event as the last; no {@code [DONE]}. */
        STREAM_ERROR,
        /** Neither: a truncated stream, a stray event, a body that is not the error shape. */
        UNCLEAR
    }

    private static final JsonMapper JSON = new JsonMapper();

    /**
     * @param lines the body as lines, without their line ends
     */
    static StreamVerdict judge(int status, String contentType, List<String> lines) {
        if (status != 200) {
            return errorBody(status, contentType, String.join("\n", lines));
        }
        if (contentType == null || !contentType.startsWith("text/event-stream")) {
            return unclear(status, "200 without an event stream: " + contentType, lines);
        }
        List<String> events = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("data: ")) {
                events.add(line.substring("data: ".length()));
            } else if (!line.isEmpty()) {
                return unclear(status, "a line that is not a data line", lines);
            }
        }
        if (events.isEmpty()) {
            return unclear(status, "an empty stream", lines);
        }
        int errors = 0;
        int dones = 0;
        for (String event : events) {
            if (event.equals("[DONE]")) {
                dones++;
            } else if (isError(parse(event))) {
                errors++;
            }
        }
        String last = events.get(events.size() - 1);
        if (dones == 1 && errors == 0 && last.equals("[DONE]")) {
            return completeStream(status, events, lines);
        }
        if (dones == 0 && errors == 1 && events.size() >= 2 && isError(parse(last))) {
            return new StreamVerdict(Kind.STREAM_ERROR, status, "");
        }
        return unclear(status, dones + " [DONE], " + errors + " error events", lines);
    }

    /** The client did not ask for usage, so the chunk the proxy asked for must not reach it. */
    private static StreamVerdict completeStream(int status, List<String> events, List<String> raw) {
        JsonNode first = parse(events.get(0));
        JsonNode finish = parse(events.get(events.size() - 2));
        if (first == null
                || !first.at("/choices/0/delta/role").asText().equals("assistant")
                || finish == null
                || !finish.at("/choices/0/finish_reason").asText().equals("stop")) {
            return unclear(status, "not role ... finish, [DONE]", raw);
        }
        for (String event : events) {
            JsonNode data = parse(event);
            if (data != null && data.has("usage")) {
                return unclear(status, "a usage chunk the client did not ask for", raw);
            }
        }
        return new StreamVerdict(Kind.COMPLETE, status, "");
    }

    private static StreamVerdict errorBody(int status, String contentType, String body) {
        JsonNode json = parse(body);
        boolean shaped =
                status >= 400
                        && contentType != null
                        && contentType.startsWith("application/json")
                        && isError(json);
        return shaped
                ? new StreamVerdict(Kind.HTTP_ERROR, status, "")
                : new StreamVerdict(
                        Kind.UNCLEAR, status, "not an OpenAI error: " + contentType + " " + body);
    }

    private static boolean isError(JsonNode json) {
        return json != null
                && json.path("error").path("message").isTextual()
                && json.path("error").path("type").isTextual();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static StreamVerdict unclear(int status, String why, List<String> lines) {
        return new StreamVerdict(Kind.UNCLEAR, status, why + ": " + String.join("\\n", lines));
    }

    static StreamVerdict clientFailure(Exception e) {
        return new StreamVerdict(Kind.UNCLEAR, 0, "the call failed on the client: " + e);
    }
}
