package io.signalbox.app.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.signalbox.app.discovery.ModelListParser.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelListParserTest {

    @Test
    void acceptsAnEmptyList() throws Exception {
        // LM Studio with no model loaded, a fresh Ollama.
        assertThat(parse("{\"object\":\"list\",\"data\":[]}")).isEmpty();
    }

    @Test
    void acceptsABareArrayOfStrings() throws Exception {
        assertThat(parse("[\"b\",\"a\",\"b\"]")).containsExactly("a", "b");
    }

    @Test
    void prefersIdOverName() throws Exception {
        assertThat(parse("{\"data\":[{\"id\":\"the-id\",\"name\":\"The Name\"}]}"))
                .containsExactly("the-id");
    }

    @Test
    void skipsItemsWithoutAUsableIdButKeepsTheOthers() throws Exception {
        String longId = "x".repeat(513);
        assertThat(
                        parse(
                                "{\"data\":[{\"id\":\"ok\"},{\"id\":42},{\"id\":\"  \"},{},"
                                        + "{\"id\":\""
                                        + longId
                                        + "\"}]}"))
                .containsExactly("ok");
    }

    @Test
    void keepsIdsExactlyAsListed() throws Exception {
        assertThat(parse("{\"data\":[{\"id\":\"openai/gpt-4o\"},{\"id\":\"Qwen/Qwen2.5\"}]}"))
                .containsExactly("Qwen/Qwen2.5", "openai/gpt-4o");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                        | NOT_JSON",
                "Ollama is running                         | NOT_JSON",
                "'{\"data\":[{\"id\":\"a\"}'               | NOT_JSON",
                "\uFEFF<!doctype html><html></html>        | HTML",
                "'  <html><body>Welcome</body></html>'     | HTML",
                "'{\"models\":[{\"name\":\"llama3:latest\"}]}' | OLLAMA_NATIVE",
                "'{\"error\":{\"message\":\"no\"}}'        | ERROR_OBJECT",
                "'{\"object\":\"list\"}'                   | NO_MODEL_LIST",
                "'{\"data\":{\"id\":\"a\"}}'               | NO_MODEL_LIST",
                "'[{\"model\":\"a\"},{\"size\":1}]'        | NO_MODEL_LIST",
                "null                                      | NO_MODEL_LIST",
                "42                                        | NO_MODEL_LIST",
            })
    void tellsWhatWasWrongWithAnUnusableAnswer(String body, Problem expected) {
        ModelListParser.UnusableAnswer e =
                catchThrowableOfType(ModelListParser.UnusableAnswer.class, () -> parse(body));

        assertThat(e).isNotNull();
        assertThat(e.problem()).isEqualTo(expected);
    }

    private static List<String> parse(String body) throws ModelListParser.UnusableAnswer {
        return ModelListParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
