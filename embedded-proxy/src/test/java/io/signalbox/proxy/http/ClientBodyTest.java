package io.signalbox.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientBodyTest {

    private static ClientBody parse(String json) throws RejectedRequest {
        return ClientBody.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String upstream(String json, String model, boolean askForUsage)
            throws RejectedRequest {
        return new String(parse(json).forUpstream(model, askForUsage), StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheModelValueChangesByteForByte() throws Exception {
        String json =
                "{ \"temperature\" : 0.70,\n \"model\":\"chat\", \"n\": 1e2, \"x\":{\"model\":\"inner\"} }";

        assertThat(upstream(json, "real/model-7b", false))
                .isEqualTo(
                        "{ \"temperature\" : 0.70,\n \"model\":\"real/model-7b\", \"n\": 1e2,"
                                + " \"x\":{\"model\":\"inner\"} }");
    }

    @Test
    void theNewModelIsEscaped() throws Exception {
        assertThat(upstream("{\"model\":\"a\"}", "we\"ird\\", false))
                .isEqualTo("{\"model\":\"we\\\"ird\\\\\"}");
    }

    @Test
    void asksForUsageByAddingStreamOptionsFirst() throws Exception {
        assertThat(upstream("{\"model\":\"a\",\"stream\":true}", "b", true))
                .isEqualTo(
                        "{\"stream_options\":{\"include_usage\":true},\"model\":\"b\",\"stream\":true}");
    }

    @Test
    void turnsAClientsOwnIncludeUsageFalseIntoTrueForTheUpstream() throws Exception {
        ClientBody body =
                parse(
                        "{\"model\":\"a\",\"stream\":true,\"stream_options\":{\"include_usage\":false,\"x\":1}}");

        assertThat(body.includeUsage()).isFalse();
        assertThat(new String(body.forUpstream("b", true), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"model\":\"b\",\"stream\":true,\"stream_options\":{\"include_usage\":true,\"x\":1}}");
    }

    @Test
    void readsStreamAndIncludeUsage() throws Exception {
        ClientBody body =
                parse(
                        "{\"model\":\"a\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        assertThat(body.model()).isEqualTo("a");
        assertThat(body.stream()).isTrue();
        assertThat(body.includeUsage()).isTrue();
    }

    @Test
    void aUtf16BodyIsRefusedWithA400NotACrash() {
        byte[] utf16 = "{\"model\":\"a\"}".getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> ClientBody.parse(utf16))
                .isInstanceOfSatisfying(
                        RejectedRequest.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("UTF-8");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            {"messages":[]}                  | no 'model'
            {"model":""}                     | non-empty string
            {"model":5}                      | non-empty string
            {"model":"a","model":"b"}        | appears twice
            [1]                              | must be a JSON object
            {"model":"a"} {}                 | content after
            {"model":"a"                     | not valid JSON
            """)
    void rejectsBadBodiesWithA400(String json, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(
                        RejectedRequest.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(message);
    }
}
