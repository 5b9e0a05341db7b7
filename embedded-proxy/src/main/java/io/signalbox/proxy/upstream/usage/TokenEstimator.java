package io.signalbox.proxy.upstream.usage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rough token count for when an upstream reports no usage, so a request is recorded as an
 * estimate rather than a silent zero. About one token per four characters (OpenAI's rule of thumb
 * for English); counting code points keeps an emoji or a CJK character from counting double. Only
 * ever used for rows marked as estimated.
 */
public final class TokenEstimator {

    private static final int CHARS_PER_TOKEN = 4;

    /** Role markers and separators every chat message adds around its content. */
    private static final int MESSAGE_OVERHEAD_TOKENS = 4;

    private TokenEstimator() {}

    /** About one token per four code points, rounded up; 0 for null or empty text. */
    public static long estimateTokens(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return tokensFor(text.codePointCount(0, text.length()));
    }

    /**
     * Estimates the prompt of a request body: the text of {@code messages[].content} (a string or
     * an array of text parts) for chat, else {@code prompt} (a string, strings, or token ids) for
     * completions, else {@code input} (a string, strings, token ids, or message-like items) for
     * embeddings and the Responses API, plus Responses {@code instructions}. Each message or item
     * adds 4 tokens. Images, audio and unknown shapes count as nothing.
     */
    public static long estimatePromptTokens(JsonNode requestBody) {
        if (requestBody == null || !requestBody.isObject()) {
            return 0;
        }
        Tally tally = new Tally();
        JsonNode messages = requestBody.get("messages");
        JsonNode prompt = requestBody.get("prompt");
        JsonNode input = requestBody.get("input");
        if (messages != null && messages.isArray()) {
            messages.forEach(tally::item);
        } else if (prompt != null && !prompt.isNull()) {
            tally.promptOrInput(prompt);
        } else if (input != null && !input.isNull()) {
            tally.promptOrInput(input);
        }
        tally.text(requestBody.get("instructions"));
        return tally.total();
    }

    private static long tokensFor(long codePoints) {
        return (codePoints + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Code points of text, exact token ids and message overheads seen so far. */
    private static final class Tally {
        private long codePoints;
        private long exactTokens;
        private long items;

        void promptOrInput(JsonNode value) {
            if (!value.isArray()) {
                text(value);
                return;
            }
            for (JsonNode element : value) {
                if (element.isIntegralNumber()) {
                    exactTokens++; // a token id (completions and embeddings accept these)
                } else if (element.isArray()) {
                    exactTokens += element.size(); // one prompt given as token ids
                } else if (element.isObject()) {
                    item(element);
                } else {
                    text(element);
                }
            }
        }

        /** A chat message or Responses input item. */
        void item(JsonNode item) {
            if (!item.isObject()) {
                text(item);
                return;
            }
            items++;
            content(item.get("content"));
            // Tool calls and tool results are prompt text too, and often the largest part.
            text(item.get("arguments"));
            text(item.get("output"));
            JsonNode toolCalls = item.get("tool_calls");
            if (toolCalls != null && toolCalls.isArray()) {
                for (JsonNode call : toolCalls) {
                    text(call.path("function").get("name"));
                    text(call.path("function").get("arguments"));
                }
            }
        }

        private void content(JsonNode content) {
            if (content == null || !content.isArray()) {
                text(content);
                return;
            }
            // Parts: {"type":"text"|"input_text"|"output_text","text":…}; others carry no text.
            for (JsonNode part : content) {
                text(part.isObject() ? part.get("text") : part);
            }
        }

        void text(JsonNode node) {
            if (node != null && node.isTextual()) {
                String text = node.asText();
                codePoints += text.codePointCount(0, text.length());
            }
        }

        long total() {
            return tokensFor(codePoints) + exactTokens + items * MESSAGE_OVERHEAD_TOKENS;
        }
    }
}
