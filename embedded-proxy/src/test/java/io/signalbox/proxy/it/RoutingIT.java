package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.modelOf;
import static io.signalbox.proxy.it.Config.provider;
import static io.signalbox.proxy.it.Config.route;
import static io.signalbox.proxy.it.Config.target;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Target;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.usage.UsageEvent;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which upstream a call reaches, and what exactly the upstream receives. */
class RoutingIT extends ProxyTestBase {

    private static final String ODD_BODY =
            """
            {"model":"chat","messages":[{"role":"user","content":"Hi"}],
             "temperature":0.70,"top_p":1.000,"seed":123456789012345678901234567890,
             "frequency_penalty":-0.0,"logit_bias":{"50256":-100},
             "x_vendor":{"nested":[1,2.50,{"a":null}],"flag":true},
             "api_base":"http://127.0.0.1:1/evil","base_url":"http://127.0.0.1:1/evil",
             "api_key":"sk-body","headers":{"Authorization":"Bearer sk-body"}}""";

    @Test
    void rewritesModelKeepsEveryOtherFieldExactlyAndSendsOnlyTheProviderKey() throws Exception {
        RoutingTable table =
                RoutingTable.of(
                        List.of(
                                Config.provider(
                                        "a",
                                        a.baseUrl(),
                                        Optional.of("sk-provider-a"),
                                        Map.of("X-Team", "ml", "OpenAI-Organization", "org-a"))),
                        List.of(route("chat", List.of(target("a", "a-model")), List.of())));
        a.always(Reply.json(200, Chat.completion("a-model", "Hello", 12, 9)));
        start(table);

        HttpResponse<String> response =
                proxy.chat(
                        ODD_BODY,
                        "Authorization",
                        "Bearer sk-client-secret",
                        "x-api-key",
                        "sk-client-other");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Chat.completion("a-model", "Hello", 12, 9));
        FakeUpstream.Received sent = a.onlyRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        ObjectNode expected = (ObjectNode) Chat.parse(ODD_BODY);
        expected.put("model", "a-model");
        // Exact-decimal trees: 0.70 and 0.7 differ, so this proves numbers went through as sent.
        assertThat(sent.body()).isEqualTo(expected);
        assertThat(sent.rawBody())
                .contains("\"temperature\":0.70", "\"top_p\":1.000")
                .contains("123456789012345678901234567890");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-provider-a");
        assertThat(sent.header("X-Team")).isEqualTo("ml");
        assertThat(sent.header("OpenAI-Organization")).isEqualTo("org-a");
        assertThat(sent.header("x-api-key")).isNull();
        assertThat(sent.headers().values()).noneMatch(value -> value.contains("sk-client"));

        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.route()).isEqualTo("chat");
        assertThat(usage.provider()).contains("a");
        assertThat(usage.model()).contains("a-model");
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.stream()).isFalse();
        assertThat(usage.usage()).isEqualTo(new UsageCounts(12, 9, 21, 0, 0));
        assertThat(usage.estimated()).isFalse();
        assertThat(usage.error()).isEmpty();
        assertThat(usage.attempts())
                .singleElement()
                .satisfies(t -> assertAttempt(t, a, "ok", OptionalInt.of(200), true));
    }

    @Test
    void servedAnswerNamesRouteProviderModelAndAttempts() throws Exception {
        start(Config.chain("chat", a));

        HttpResponse<String> response = proxy.chat(Chat.request("chat", "Hi"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-request-id")).matches("[0-9a-f]{24}");
        assertThat(header(response, "x-signalbox-route")).isEqualTo("chat");
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("a");
        assertThat(header(response, "x-signalbox-model")).isEqualTo("a-model");
        assertThat(header(response, "x-signalbox-attempts")).isEqualTo("1");
        assertThat(header(response, "Content-Type")).startsWith("application/json");
        assertThat(proxy.onlyUsage().requestId()).isEqualTo(header(response, "x-request-id"));
    }

    @Test
    void starTargetPassesTheClientsModelThroughAndNoKeyWhenTheProviderHasNone() throws Exception {
        RoutingTable table =
                RoutingTable.of(
                        List.of(Config.provider("a", a.baseUrl(), Optional.empty(), Map.of())),
                        List.of(
                                route(
                                        "local-*",
                                        List.of(target("a", Target.PASS_THROUGH)),
                                        List.of())));
        start(table);

        HttpResponse<String> response =
                proxy.chat(Chat.request("local-llama3", "Hi"), "Authorization", "Bearer sk-client");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(a.onlyRequest().body().get("model").asText()).isEqualTo("local-llama3");
        assertThat(a.onlyRequest().header("Authorization")).isNull();
        assertThat(header(response, "x-signalbox-route")).isEqualTo("local-*");
        assertThat(header(response, "x-signalbox-model")).isEqualTo("local-llama3");
        UsageEvent usage = proxy.onlyUsage();
        assertThat(usage.route()).isEqualTo("local-*");
        assertThat(usage.model()).contains("local-llama3");
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
        "gpt-4o, a", // exact name, although a glob listed before it matches too
        "gpt-4o-mini, b", // the first matching glob wins over a later one
        "o3-mini, c",
        "gpt-?x, b"
    })
    void exactNameBeatsGlobsAndTheFirstMatchingGlobWins(String model, String expected)
            throws Exception {
        RoutingTable table =
                RoutingTable.of(
                        List.of(provider(a), provider(b), provider(c)),
                        List.of(
                                route("gpt-*", List.of(target("b", modelOf(b))), List.of()),
                                route("gpt-4o", List.of(target("a", modelOf(a))), List.of()),
                                route("*-mini", List.of(target("c", modelOf(c))), List.of())));
        start(table);

        HttpResponse<String> response = proxy.chat(Chat.request(model, "Hi"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo(expected);
        assertThat(List.of(a, b, c))
                .allSatisfy(u -> assertThat(u.hits()).isEqualTo(u.name().equals(expected) ? 1 : 0));
    }

    @ParameterizedTest
    @CsvSource({"claude-3", "gpt-4o"})
    void unknownOrDisabledRouteIs404ModelNotFoundWithoutContactingUpstreams(String model)
            throws Exception {
        RoutingTable table =
                RoutingTable.of(
                        List.of(provider(a), provider(b)),
                        List.of(
                                new Route(
                                        "gpt-4o",
                                        false,
                                        List.of(target("a", "a-model")),
                                        List.of(),
                                        Config.FIRST_BYTE),
                                route("gpt-*", List.of(target("b", "b-model")), List.of())));
        start(table);

        HttpResponse<String> response = proxy.chat(Chat.request(model, "Hi"));

        assertProxyError(response, 404, "invalid_request_error", "model_not_found");
        assertThat(json(response).at("/error/message").asText()).contains(model);
        assertThat(a.hits() + b.hits()).isZero();
        proxy.assertNoUsage();
    }

    @ParameterizedTest
    @CsvSource({
        "/v1/completions, /v1/completions",
        "/v1/embeddings, /v1/embeddings",
        "/v1/responses, /v1/responses"
    })
    void eachEndpointGoesToTheSamePathUnderTheBaseUrl(String path, String upstreamPath)
            throws Exception {
        start(Config.chain("chat", a));

        HttpResponse<String> response = proxy.post(path, "{\"model\":\"chat\",\"input\":\"Hi\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(a.onlyRequest().path()).isEqualTo(upstreamPath);
        assertThat(a.onlyRequest().body().get("model").asText()).isEqualTo("a-model");
    }

    @Test
    void configUpdateAppliesToNewCallsWhileACallInFlightFinishesOnTheOldTable() throws Exception {
        CompletableFuture<Void> releaseA = new CompletableFuture<>();
        a.always(Reply.after(releaseA, Reply.json(200, Chat.completion("a-model", "old", 1, 1))));
        start(Config.chain("chat", a));

        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(() -> call(Chat.request("chat", "first")));
        a.awaitRequest();
        proxy.proxy().update(Config.chain("chat", b));

        HttpResponse<String> after = proxy.chat(Chat.request("chat", "second"));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(header(after, "x-signalbox-provider")).isEqualTo("b");
        assertThat(inFlight).isNotDone();
        // The usage event follows the answer, so it is awaited before the first call may end.
        assertThat(proxy.nextUsage().provider()).contains("b");

        releaseA.complete(null);
        HttpResponse<String> before = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(header(before, "x-signalbox-provider")).isEqualTo("a");
        assertThat(json(before).at("/choices/0/message/content").asText()).isEqualTo("old");
        assertThat(a.hits()).isEqualTo(1);
        assertThat(b.hits()).isEqualTo(1);
        JsonNode second = b.onlyRequest().body();
        assertThat(second.at("/messages/0/content").asText()).isEqualTo("second");
        assertThat(proxy.nextUsage().provider()).contains("a");
    }

    private HttpResponse<String> call(String body) {
        try {
            return proxy.chat(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
