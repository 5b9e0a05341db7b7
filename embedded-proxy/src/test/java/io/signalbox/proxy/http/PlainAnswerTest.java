package io.signalbox.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The summary of an answer must hold exactly what a full parse gives for its four fields: the usage
 * and error readers take it for the whole answer.
 */
class PlainAnswerTest {

    private static final JsonMapper JSON = new JsonMapper();

    @ParameterizedTest
    @ValueSource(
            strings = {
                """
                {"id":"c1","object":"chat.completion","choices":[{"index":0,"message":\
                {"role":"assistant","content":"hi \\u00e9 \\"quoted\\""}}],\
                "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,\
                "prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":\
                {"reasoning_tokens":0,"audio_tokens":null}}}
                """,
                """
                {"object":"list","data":[{"embedding":[0.1,-2.5e-3,3]}],\
                "usage":{"prompt_tokens":12.0,"total_tokens":9223372036854775807,\
                "big":123456789012345678901234567890,"flag":true,"off":false,"list":[1,[2,{}]]}}
                """,
                """
                {"error":{"message":"Rate limited","type":"requests","param":null,"code":429}}
                """,
                """
                {"type":"response","usage":{"input_tokens":5,"output_tokens":7,"total_tokens":12,\
                "input_tokens_details":{"cached_tokens":0}},"error":null}
                """,
                """
                {"object":"error","message":"bad","code":400,"usage":[],"type":"x","extra":{}}
                """,
            })
    void keepsUsageErrorObjectAndTypeAsAFullParseReadsThem(String body) throws Exception {
        JsonNode full = JSON.readTree(body);
        ObjectNode expected = JSON.createObjectNode();
        // In the answer's order, as the summary keeps them.
        full.fieldNames()
                .forEachRemaining(
                        field -> {
                            if (Set.of("usage", "error", "object", "type").contains(field)) {
                                expected.set(field, full.get(field));
                            }
                        });

        JsonNode summary = PlainAnswer.summary(body.getBytes(StandardCharsets.UTF_8));

        assertThat(summary).isEqualTo(expected);
        // Equal trees can still differ in node type (int against long); the readers care.
        assertThat(summary.toString()).isEqualTo(expected.toString());
        if (expected.has("usage") && expected.get("usage").isObject()) {
            expected.get("usage")
                    .fields()
                    .forEachRemaining(
                            field ->
                                    assertThat(summary.get("usage").get(field.getKey()).getClass())
                                            .isEqualTo(field.getValue().getClass()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1,2]", "\"text\"", "{\"usage\":{\"prompt_tokens\":", "not json"})
    void isNullForAnythingButAWholeObject(String body) {
        assertThat(PlainAnswer.summary(body.getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
