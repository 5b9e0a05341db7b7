package io.signalbox.app.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.persistence.DiscoveryRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the model ids out of a {@code GET /models} answer, leniently: only the ids matter, every
 * other field is ignored.
 *
 * <p>Accepted shapes:
 *
 * <ul>
 *   <li>{@code {"object":"list","data":[{"id":"..."}]}}: OpenAI, OpenRouter, Groq, vLLM ({@code
 *       max_model_len}, {@code permission}), llama.cpp ({@code meta}), LM Studio (no {@code
 *       created} or {@code owned_by}) and Ollama's {@code /v1/models}
 *   <li>a bare array of objects with {@code id} or {@code name}, or of strings, which some small
 *       servers return
 * </ul>
 */
final class ModelListParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why an answer held no usable model list. */
    enum Problem {
        /** Not JSON at all. */
        NOT_JSON,
        /** A web page (starts with {@code <}). */
        HTML,
        /** Ollama's own API ({@code /api/tags}: {@code {"models":[...]}}), not its {@code /v1}. */
        OLLAMA_NATIVE,
        /** A JSON error object where the list should be. */
        ERROR_OBJECT,
        /** JSON without a recognizable list. */
        NO_MODEL_LIST
    }

    /** An answer that held no usable model list. */
    static final class UnusableAnswer extends Exception {

        private static final long serialVersionUID = 1L;

        private final Problem problem;

        UnusableAnswer(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    private ModelListParser() {}

    /** The model ids in {@code body}, sorted and without duplicates. */
    static List<String> parse(byte[] body) throws UnusableAnswer {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            // Jackson's message quotes the body: not passed on, only what kind of answer it was.
            throw new UnusableAnswer(looksLikeHtml(body) ? Problem.HTML : Problem.NOT_JSON);
        }
        if (root == null || root.isMissingNode()) {
            throw new UnusableAnswer(Problem.NOT_JSON);
        }
        JsonNode list = root.isArray() ? root : root.path("data");
        if (!list.isArray()) {
            if (root.path("models").isArray()) {
                throw new UnusableAnswer(Problem.OLLAMA_NATIVE);
            }
            if (root.has("error")) {
                throw new UnusableAnswer(Problem.ERROR_OBJECT);
            }
            throw new UnusableAnswer(Problem.NO_MODEL_LIST);
        }
        SortedSet<String> ids = new TreeSet<>();
        for (JsonNode item : list) {
            String id = idOf(item);
            // An id the store cannot keep could not name a route target either.
            if (id != null
                    && !id.isBlank()
                    && id.length() <= DiscoveryRepository.MAX_MODEL_LENGTH) {
                ids.add(id);
            }
        }
        if (ids.isEmpty() && !list.isEmpty()) {
            throw new UnusableAnswer(Problem.NO_MODEL_LIST);
        }
        return List.copyOf(ids);
    }

    private static String idOf(JsonNode item) {
        if (item.isTextual()) {
            return item.textValue();
        }
        if (item.path("id").isTextual()) {
            return item.path("id").textValue();
        }
        if (item.path("name").isTextual()) {
            return item.path("name").textValue();
        }
        return null;
    }

    /** Whether the first character that is not white space (or a byte order mark) is '<'. */
    private static boolean looksLikeHtml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8);
        return start.replace("\uFEFF", "").strip().startsWith("<");
    }
}
