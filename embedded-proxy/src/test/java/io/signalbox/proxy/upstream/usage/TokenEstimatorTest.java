package io.signalbox.proxy.upstream.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenEstimatorTest {

    private static final JsonMapper JSON = new JsonMapper();

    @ParameterizedTest
    @NullAndEmptySource
    void estimatesNothingForNoText(String text) {
        assertThat(TokenEstimator.estimateTokens(text)).isZero();
    }

    @ParameterizedTest(name = "\"{0}\" is about {1} tokens")
    @CsvSource({
        "a, 1",
        "abcd, 1",
        "abcde, 2",
        "'What is the capital of France?', 8",
        // Four emoji are eight UTF-16 chars but four code points: one token, not two.
        "👋👋👋👋, 1",
        "你好世界你, 2",
    })
    void estimatesAboutOneTokenPerFourCodePointsRoundedUp(String text, long tokens) {
        assertThat(TokenEstimator.estimateTokens(text)).isEqualTo(tokens);
    }

    @Test
    void chatMessagesCountTheirTextPlusFourTokensEach() {
        // 14 + 30 code points -> 11 tokens, plus 2 x 4 overhead.
        assertThat(
                        estimate(
                                """
                        {"model":"gpt-4o","messages":[
                          {"role":"system","content":"You are terse."},
                          {"role":"user","content":"What is the capital of France?"}],
                         "stream":true,"stream_options":{"include_usage":true}}
                        """))
                .isEqualTo(19);
    }

    @Test
    void chatContentPartsCountOnlyTheirText() {
        // "What is in this image?" is 22 code points -> 6 tokens, plus 4 overhead.
        assertThat(
                        estimate(
                                """
                        {"model":"gpt-4o","messages":[{"role":"user","content":[
                          {"type":"text","text":"What is in this image?"},
                          {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"low"}}]}]}
                        """))
                .isEqualTo(10);
    }

    @Test
    void toolCallsAndToolResultsArePromptText() {
        // name "get_weather" (11) + arguments {"city":"Paris"} (16) + result "18°C, sunny" (11)
        // + "Weather?" (8) = 46 code points -> 12 tokens, plus 3 x 4 overhead.
        assertThat(
                        estimate(
                                """
                        {"model":"gpt-4o","messages":[
                          {"role":"user","content":"Weather?"},
                          {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                            "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                          {"role":"tool","tool_call_id":"call_1","content":"18°C, sunny"}]}
                        """))
                .isEqualTo(24);
    }

    @Test
    void completionsPromptMayBeAStringStringsOrTokenIds() {
        assertThat(
                        estimate(
                                "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Say this is a test\"}"))
                .isEqualTo(5);
        assertThat(estimate("{\"prompt\":[\"Say this\",\"is a test\"]}")).isEqualTo(5);
        assertThat(estimate("{\"prompt\":[1212,318,257,1332]}")).isEqualTo(4);
        assertThat(estimate("{\"prompt\":[[1212,318],[257]]}")).isEqualTo(3);
    }

    @Test
    void embeddingsInputMayBeAStringStringsOrTokenIds() {
        assertThat(
                        estimate(
                                "{\"model\":\"text-embedding-3-small\",\"input\":\"The food was delicious\",\"encoding_format\":\"float\"}"))
                .isEqualTo(6);
        assertThat(estimate("{\"input\":[\"first text\",\"second\"]}")).isEqualTo(4);
        assertThat(estimate("{\"input\":[101,2023,102]}")).isEqualTo(3);
    }

    @Test
    void responsesInputCountsItemsAndInstructions() {
        // "Be brief." (9) + "Hi there" (8) + "42" (2) + arguments "{}" (2) = 21 -> 6 tokens,
        // plus 3 items x 4 overhead.
        assertThat(
                        estimate(
                                """
                        {"model":"gpt-4.1","instructions":"Be brief.","input":[
                          {"role":"user","content":[{"type":"input_text","text":"Hi there"},{"type":"input_image","image_url":"data:image/png;base64,AAAA"}]},
                          {"type":"function_call","call_id":"call_1","name":"answer","arguments":"{}"},
                          {"type":"function_call_output","call_id":"call_1","output":"42"}]}
                        """))
                .isEqualTo(18);
        assertThat(estimate("{\"model\":\"gpt-4.1\",\"input\":\"Tell me a joke\"}")).isEqualTo(4);
    }

    @Test
    void messagesWinOverPromptAndInput() {
        assertThat(
                        estimate(
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"abcd\"}],\"prompt\":\"ignored text\"}"))
                .isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"model\":\"gpt-4o\"}",
                "{\"messages\":\"hello\"}",
                "{\"messages\":[]}",
                "{\"prompt\":null}",
                "{\"input\":{\"text\":\"not a supported shape\"}}",
                "{\"prompt\":[true,1.5,null]}",
                "[\"hello\"]",
                "\"hello\"",
                "null"
            })
    void estimatesZeroForUnknownShapes(String body) {
        assertThat(estimate(body)).isZero();
        assertThat(TokenEstimator.estimatePromptTokens(null)).isZero();
    }

    private static long estimate(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return TokenEstimator.estimatePromptTokens(node);
        } catch (Exception e) {
            throw new AssertionError("Bad test JSON: " + body, e);
        }
    }
}
