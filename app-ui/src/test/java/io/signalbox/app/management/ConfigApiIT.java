package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.json;
import static io.signalbox.app.management.Signalbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET} and {@code PUT /api/config} against the running Signalbox: secrets only when asked, a
 * replacement that the proxy routes by at once, and a refused one that changes nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigApiIT {

    private static final String PROVIDER_KEY = "sk-provider-canary-4711";
    private static final String HEADER_SECRET = "header-canary-0815";

    @TempDir Path temp;

    private FakeProvider first;
    private FakeProvider second;
    private Signalbox signalbox;

    @BeforeEach
    void start() throws Exception {
        first = new FakeProvider();
        second = new FakeProvider();
        signalbox = Signalbox.start(temp.resolve("data"));
        ok(signalbox.put("/api/config", config(first.baseUrl())));
    }

    @AfterEach
    void stop() {
        signalbox.close();
        first.close();
        second.close();
    }

    /** Route {@code chat} to provider {@code first}, with a key and a secret header. */
    private String config(String firstBaseUrl) {
        return """
                { "version": 1,
                  "providers": [
                    { "name": "first", "baseUrl": "%s", "apiKey": "%s",
                      "headers": { "X-Api-Key": "%s", "X-Team": "ml" } },
                    { "name": "second", "baseUrl": "%s" } ],
                  "routes": [ { "name": "chat", "targets": [ { "provider": "first", "model": "m1" } ] } ],
                  "accessKeys": [] }
                """
                .formatted(firstBaseUrl, PROVIDER_KEY, HEADER_SECRET, second.baseUrl());
    }

    @Test
    void getLeavesSecretsOutUnlessAskedFor() throws Exception {
        HttpResponse<String> plain = signalbox.get("/api/config");
        JsonNode secret = signalbox.getJson("/api/config?secrets=true");

        JsonNode provider = ok(plain).get("providers").get(0);
        assertThat(provider.get("name").asText()).isEqualTo("first");
        assertThat(provider.has("apiKey")).isFalse();
        assertThat(provider.get("headers").get("X-Team").asText()).isEqualTo("ml");
        assertThat(provider.get("headers").has("X-Api-Key")).isFalse();
        assertThat(plain.body()).doesNotContain(PROVIDER_KEY, HEADER_SECRET);
        JsonNode withSecrets = secret.get("providers").get(0);
        assertThat(withSecrets.get("apiKey").asText()).isEqualTo(PROVIDER_KEY);
        assertThat(withSecrets.get("headers").get("X-Api-Key").asText()).isEqualTo(HEADER_SECRET);
        assertThat(secret.get("routes").get(0).get("name").asText()).isEqualTo("chat");
    }

    @Test
    void aReplacementIsRoutedByAtOnce() throws Exception {
        assertThat(signalbox.chat("chat", false).headers().firstValue("x-signalbox-provider"))
                .contains("first");

        HttpResponse<String> replaced =
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "second", "baseUrl": "%s" } ],
                          "routes": [ { "name": "chat", "targets": [ { "provider": "second", "model": "m2" } ] } ] }
                        """
                                .formatted(second.baseUrl()));
        HttpResponse<String> call = signalbox.chat("chat", false);

        assertThat(ok(replaced)).isEqualTo(signalbox.getJson("/api/config"));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("x-signalbox-provider")).contains("second");
        assertThat(call.headers().firstValue("x-signalbox-model")).contains("m2");
        assertThat(first.chatCalls).hasValue(1);
        assertThat(second.chatCalls).hasValue(1);
    }

    @Test
    void anExportWithoutSecretsPutBackKeepsTheStoredSecrets() throws Exception {
        String export = signalbox.get("/api/config").body();

        ok(signalbox.put("/api/config", export));

        JsonNode provider = signalbox.getJson("/api/config?secrets=true").get("providers").get(0);
        assertThat(provider.get("apiKey").asText()).isEqualTo(PROVIDER_KEY);
        assertThat(provider.get("headers").get("X-Api-Key").asText()).isEqualTo(HEADER_SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed JSON | {\"providers\": [ | $ | not valid JSON",
                "empty body | '' | $ | must be a JSON object",
                "not an object | [] | $ | must be a JSON object",
                "unknown field | {\"providers\": [], \"routes\": [], \"wieght\": 1} | wieght | ",
                "weight out of range | {\"providers\": [{\"name\": \"p\", \"baseUrl\": \"http://127.0.0.1:9/v1\"}],"
                        + " \"routes\": [{\"name\": \"chat\", \"targets\": [{\"provider\": \"p\", \"model\": \"m\","
                        + " \"weight\": 5000}]}]} | routes[0].targets[0].weight | ",
                "unknown provider | {\"providers\": [], \"routes\": [{\"name\": \"chat\", \"targets\":"
                        + " [{\"provider\": \"ghost\", \"model\": \"m\"}]}]} | routes[0].targets[0].provider | ",
                "new access key without its key | {\"providers\": [], \"routes\": [], \"accessKeys\":"
                        + " [{\"name\": \"bob\"}]} | accessKeys[0].key | required"
            })
    void anInvalidReplacementIs400AndChangesNothing(
            String name, String body, String path, String message) throws Exception {
        String before = signalbox.get("/api/config?secrets=true").body();

        HttpResponse<String> refused = signalbox.put("/api/config", body);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = json(refused).get("errors");
        assertThat(errors).isNotEmpty();
        assertThat(errors)
                .anySatisfy(
                        error -> {
                            assertThat(error.get("path").asText()).isEqualTo(path);
                            assertThat(error.get("message").asText())
                                    .isNotBlank()
                                    .contains(message == null ? "" : message);
                        });
        assertThat(signalbox.get("/api/config?secrets=true").body()).isEqualTo(before);
        HttpResponse<String> call = signalbox.chat("chat", false);
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("x-signalbox-provider")).contains("first");
    }

    @Test
    void aSecretInARefusedFileIsNotEchoed() throws Exception {
        HttpResponse<String> refused =
                signalbox.put(
                        "/api/config",
                        "{\"providers\": [{\"name\": \"p\", \"baseUrl\": \"http://x/v1\","
                                + " \"apiKey\": \"sk-pasted-canary-999\", \"apiKee\": 1}]");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("sk-pasted-canary-999");
    }
}
