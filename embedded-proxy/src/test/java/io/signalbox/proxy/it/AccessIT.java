package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.provider;
import static io.signalbox.proxy.it.Config.route;
import static io.signalbox.proxy.it.Config.target;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.access.Caller;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.usage.UsageEvent;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Access keys: who may call, which routes they may use, and what {@code /v1/models} shows. */
class AccessIT extends ProxyTestBase {

    /** alice may use "chat" only; admin may use every route. */
    private static final AccessPolicy KEYS =
            new AccessPolicy() {
                private final Map<String, Caller> callers =
                        Map.of(
                                "sk-sb-alice", new Caller(Optional.of("alice"), Set.of("chat")),
                                "sk-sb-admin", new Caller(Optional.of("admin"), Set.of()));

                @Override
                public boolean keysRequired() {
                    return true;
                }

                @Override
                public Optional<Caller> authenticate(String presentedKey) {
                    return Optional.ofNullable(callers.get(presentedKey));
                }
            };

    private RoutingTable table() {
        return RoutingTable.of(
                List.of(provider(a), provider(b), provider(c)),
                List.of(
                        route("chat", List.of(target("a", "a-model")), List.of()),
                        route("other", List.of(target("b", "b-model")), List.of()),
                        route("gpt-*", List.of(target("c", "c-model")), List.of()),
                        new Route(
                                "old",
                                false,
                                List.of(target("a", "a-model")),
                                List.of(),
                                Config.FIRST_BYTE)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Authorization, Bearer sk-sb-alice",
        "x-api-key, sk-sb-alice",
        "authorization, bearer sk-sb-alice"
    })
    void aKeyInEitherHeaderServesItsRouteAndIsNeverForwarded(String name, String value)
            throws Exception {
        start(table(), KEYS);

        HttpResponse<String> response = proxy.chat(Chat.request("chat", "Hi"), name, value);

        assertThat(response.statusCode()).isEqualTo(200);
        FakeUpstream.Received sent = a.onlyRequest();
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-a");
        assertThat(sent.headers().values()).noneMatch(v -> v.contains("sk-sb-"));
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.accessKeyName()).contains("alice");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            value = {
                "''",
                "Authorization: Bearer sk-sb-wrong",
                "x-api-key: sk-sb-wrong",
                "Authorization: Basic c2s6c2s="
            },
            delimiter = '|')
    void aMissingOrUnknownKeyIs401(String header) throws Exception {
        start(table(), KEYS);
        String[] headers = header.isEmpty() ? new String[0] : header.split(": ", 2);

        HttpResponse<String> response = proxy.chat(Chat.request("chat", "Hi"), headers);

        assertProxyError(response, 401, "invalid_request_error", "invalid_api_key");
        assertThat(a.hits()).isZero();
        proxy.assertNoUsage();
    }

    @Test
    void aKeyInAnotherCaseIsRefusedEvenOnTheConnectionThatCarriedTheRealOne() throws Exception {
        start(table(), KEYS);
        HttpResponse<String> real =
                proxy.chat(Chat.request("chat", "Hi"), "Authorization", "Bearer sk-sb-alice");

        // Same client, so the same kept-alive connection: Jetty's header cache must not match
        // the earlier field while ignoring case.
        HttpResponse<String> upperCase =
                proxy.chat(Chat.request("chat", "Hi"), "Authorization", "Bearer SK-SB-ALICE");

        assertThat(real.statusCode()).isEqualTo(200);
        assertProxyError(upperCase, 401, "invalid_request_error", "invalid_api_key");
        assertThat(a.hits()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"other", "gpt-4o"})
    void aKeyNotAllowedOnTheRouteIs403(String model) throws Exception {
        start(table(), KEYS);

        HttpResponse<String> response =
                proxy.chat(Chat.request(model, "Hi"), "Authorization", "Bearer sk-sb-alice");

        assertProxyError(response, 403, "permission_error", "model_not_allowed");
        assertThat(b.hits() + c.hits()).isZero();
        proxy.assertNoUsage();
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource({"sk-sb-alice, chat", "sk-sb-admin, chat other"})
    void modelsListsTheEnabledExactRoutesTheCallerMayUse(String key, String expected)
            throws Exception {
        start(table(), KEYS);

        HttpResponse<String> response = proxy.get("/v1/models", "Authorization", "Bearer " + key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("data"))
                .extracting(m -> m.get("id").asText())
                .containsExactly(expected.split(" "));
        for (JsonNode model : body.get("data")) {
            assertThat(model.get("object").asText()).isEqualTo("model");
            assertThat(model.get("owned_by").asText()).isEqualTo("signalbox");
            assertThat(model.get("created").asLong()).isEqualTo(ProxyHarness.T0.getEpochSecond());
        }
    }

    @Test
    void modelsNeedsAKeyWhenKeysAreRequired() throws Exception {
        start(table(), KEYS);

        assertProxyError(proxy.get("/v1/models"), 401, "invalid_request_error", "invalid_api_key");
    }

    @Test
    void withoutKeysOnLoopbackAnyPlaceholderKeyWorksAndModelsListsEveryEnabledExactRoute()
            throws Exception {
        start(table());

        HttpResponse<String> chat =
                proxy.chat(Chat.request("chat", "Hi"), "Authorization", "Bearer sk-no-key");
        HttpResponse<String> models = proxy.get("/v1/models");

        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(proxy.onlyUsage().accessKeyName()).isEmpty();
        assertThat(json(models).get("data"))
                .extracting(m -> m.get("id").asText())
                .containsExactly("chat", "other");
    }
}
