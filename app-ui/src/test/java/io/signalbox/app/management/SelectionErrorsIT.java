package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Selections the running Signalbox cannot answer: each is a 400 that says what is wrong. Nothing
 * here changes state, so one Signalbox serves every case.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SelectionErrorsIT {

    @TempDir static Path temp;

    private static Signalbox signalbox;

    @BeforeAll
    static void start() throws Exception {
        signalbox = Signalbox.start(temp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        signalbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/usage?since=yesterday | since must be an ISO-8601 time",
                "/api/usage?groupBy=team | groupBy must be one of route, provider, model, key",
                "/api/usage?bucket=week | bucket must be one of minute, hour, day",
                "/api/usage?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z | must be before until",
                "/api/usage?bucket=minute&since=2026-01-01T00:00:00Z&until=2026-03-01T00:00:00Z | more than the 10,000 allowed",
                "/api/requests?limit=0 | limit must be a whole number from 1 to 1000",
                "/api/requests?limit=5000 | limit must be a whole number from 1 to 1000",
                "/api/requests?limit=many | limit must be a whole number from 1 to 1000",
                "/api/requests?status=teapot | status must be a whole number from 100 to 599",
                "/api/requests?sort=asc | Unknown parameter 'sort'",
                "/api/config?secrets=yes | secrets must be true or false",
                "/api/health?verbose=true | Unknown parameter 'verbose'; this call takes no parameters"
            })
    void aSelectionThatCannotBeAnsweredIs400SayingWhy(String path, String message)
            throws Exception {
        HttpResponse<String> response = signalbox.get(path);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_parameter");
        assertThat(error.get("message").asText()).contains(message);
    }
}
