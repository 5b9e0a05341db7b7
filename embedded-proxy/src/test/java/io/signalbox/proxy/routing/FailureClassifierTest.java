package io.signalbox.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureClassifierTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            textBlock =
                    """
            429 | NULL                                                         | RATE_LIMITED
            429 | ''                                                           | RATE_LIMITED
            429 | {"error":{"code":"rate_limit_exceeded"}}                     | RATE_LIMITED
            429 | {"error":{"type":"insufficient_quota","code":"insufficient_quota"}} | QUOTA_EXHAUSTED
            429 | {"error":{"code":"INSUFFICIENT_QUOTA"}}                      | QUOTA_EXHAUSTED
            402 | {"error":{"message":"Insufficient credits"}}                 | QUOTA_EXHAUSTED
            401 | {"error":{"code":"invalid_api_key"}}                         | AUTH_REJECTED
            401 | NULL                                                         | AUTH_REJECTED
            403 | {"error":{"type":"permission_error"}}                        | AUTH_REJECTED
            403 | {"error":{"code":"insufficient_quota"}}                      | QUOTA_EXHAUSTED
            404 | {"error":{"code":"model_not_found"}}                         | MODEL_NOT_FOUND
            404 | NULL                                                         | MODEL_NOT_FOUND
            408 | NULL                                                         | TIMEOUT
            400 | {"error":{"type":"invalid_request_error"}}                   | CALLER_ERROR
            400 | {"error":{"code":"context_length_exceeded"}}                 | CALLER_ERROR
            400 | This model's maximum context length is 8192 tokens           | CALLER_ERROR
            400 | NULL                                                         | CALLER_ERROR
            409 | NULL                                                         | CALLER_ERROR
            413 | NULL                                                         | CALLER_ERROR
            415 | NULL                                                         | CALLER_ERROR
            422 | {"detail":[{"msg":"field required"}]}                        | CALLER_ERROR
            451 | NULL                                                         | CALLER_ERROR
            499 | NULL                                                         | CALLER_ERROR
            500 | NULL                                                         | SERVER_ERROR
            502 | <html>Bad Gateway</html>                                     | SERVER_ERROR
            503 | ''                                                           | SERVER_ERROR
            504 | NULL                                                         | SERVER_ERROR
            524 | NULL                                                         | SERVER_ERROR
            529 | {"type":"error","error":{"type":"overloaded_error"}}         | SERVER_ERROR
            501 | NULL                                                         | SERVER_ERROR
            599 | NULL                                                         | SERVER_ERROR
            500 | {"error":{"code":"insufficient_quota"}}                      | SERVER_ERROR
            302 | NULL                                                         | SERVER_ERROR
            """)
    void classifiesUpstreamStatus(int status, String body, FailureKind expected) {
        assertThat(FailureClassifier.classifyStatus(status, body)).isEqualTo(expected);
    }
}
