package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.provider;
import static io.signalbox.proxy.it.Config.route;
import static io.signalbox.proxy.it.Config.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.access.Caller;
import io.signalbox.proxy.routing.MatchRule;
import io.signalbox.proxy.routing.Router;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Target;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Router endpoints (ADR 0013) over real HTTP: {@code /router/{slug}/v1} serves only its routes, an
 * inactive or unknown router is 404, and a key limited to a router may call only that router.
 */
class RouterEndpointIT extends ProxyTestBase {

    /** team may call only the router team-a, and there only "chat"; admin may call anything. */
    private static final AccessPolicy KEYS =
            new AccessPolicy() {
                private final Map<String, Caller> callers =
                        Map.of(
                                "sk-sb-team",
                                new Caller(
                                        Optional.of("team"),
                                        Set.of("chat"),
                                        OptionalLong.empty(),
                                        Set.of("team-a")),
                                "sk-sb-admin",
                                new Caller(Optional.of("admin"), Set.of()));

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
                                route("embed", List.of(target("b", "b-model")), List.of()),
                                route("gpt-*", List.of(target("c", "c-model")), List.of()),
                                route("gpt-4o", List.of(target("b", "b-model")), List.of())))
                .withRouters(
                        List.of(
                                new Router("team-a", true, Set.of("chat", "gpt-*", "embed")),
                                new Router("paused", false, Set.of("chat"))));
    }

    private static final String[] ADMIN = {"Authorization", "Bearer sk-sb-admin"};
    private static final String[] TEAM = {"Authorization", "Bearer sk-sb-team"};

    @Test
    void aRouterServesItsRoutesWithTheUsualHeadersAndItsSlug() throws Exception {
        start(table(), KEYS);

        HttpResponse<String> response =
                proxy.post("/router/team-a/v1/chat/completions", Chat.request("chat", "Hi"), ADMIN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-router")).isEqualTo("team-a");
        assertThat(header(response, "x-signalbox-route")).isEqualTo("chat");
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("a");
        assertThat(header(response, "x-signalbox-attempts")).isEqualTo("1");
        assertThat(a.onlyRequest().path()).endsWith("/chat/completions");
        assertThat(proxy.onlyUsage().route()).isEqualTo("chat");
    }

    @Test
    void theDefaultEndpointKeepsServingEveryRouteWithoutARouterHeader() throws Exception {
        start(table(), KEYS);

        HttpResponse<String> response = proxy.chat(Chat.request("embed", "Hi"), ADMIN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-signalbox-router")).isEmpty();
        assertThat(b.hits()).isEqualTo(1);
    }

    @Test
    void aRouteNotInTheRouterIs404ModelNotFoundThere() throws Exception {
        start(table().withRouters(List.of(new Router("team-a", true, Set.of("chat")))), KEYS);

        HttpResponse<String> response =
                proxy.post(
                        "/router/team-a/v1/chat/completions", Chat.request("embed", "Hi"), ADMIN);

        assertProxyError(response, 404, "invalid_request_error", "model_not_found");
        assertThat(json(response).get("error").get("message").asText()).contains("team-a");
        assertThat(b.hits()).isZero();
        proxy.assertNoUsage();
    }

    @Test
    void insideARouterAModelResolvesAmongItsRoutesOnly() throws Exception {
        // gpt-4o is an exact route on /v1, but team-a serves only the glob gpt-*.
        start(table(), KEYS);

        HttpResponse<String> onRouter =
                proxy.post(
                        "/router/team-a/v1/chat/completions", Chat.request("gpt-4o", "Hi"), ADMIN);
        HttpResponse<String> onDefault = proxy.chat(Chat.request("gpt-4o", "Hi"), ADMIN);

        assertThat(header(onRouter, "x-signalbox-route")).isEqualTo("gpt-*");
        assertThat(header(onDefault, "x-signalbox-route")).isEqualTo("gpt-4o");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"paused", "nobody", "Team-A"})
    void anInactiveOrUnknownRouterIs404(String slug) throws Exception {
        start(table(), KEYS);

        HttpResponse<String> chat =
                proxy.post(
                        "/router/" + slug + "/v1/chat/completions",
                        Chat.request("chat", "Hi"),
                        ADMIN);
        HttpResponse<String> models = proxy.get("/router/" + slug + "/v1/models", ADMIN);

        assertProxyError(chat, 404, "invalid_request_error", "router_not_found");
        assertProxyError(models, 404, "invalid_request_error", "router_not_found");
        assertThat(a.hits()).isZero();
    }

    @Test
    void aKeyLimitedToARouterIsRefusedOnV1AndOtherRoutersAndServedOnItsOwn() throws Exception {
        start(table(), KEYS);

        HttpResponse<String> onDefault = proxy.chat(Chat.request("chat", "Hi"), TEAM);
        HttpResponse<String> onPaused =
                proxy.post("/router/paused/v1/chat/completions", Chat.request("chat", "Hi"), TEAM);
        HttpResponse<String> modelsOnDefault = proxy.get("/v1/models", TEAM);
        HttpResponse<String> onItsRouter =
                proxy.post("/router/team-a/v1/chat/completions", Chat.request("chat", "Hi"), TEAM);

        assertProxyError(onDefault, 403, "permission_error", "router_not_allowed");
        assertThat(json(onDefault).get("error").get("message").asText())
                .contains("/router/team-a/v1");
        // Refused before the router is looked up: the key does not learn that "paused" exists.
        assertProxyError(onPaused, 403, "permission_error", "router_not_allowed");
        assertProxyError(modelsOnDefault, 403, "permission_error", "router_not_allowed");
        assertThat(onItsRouter.statusCode()).isEqualTo(200);
        assertThat(a.hits()).isEqualTo(1);
    }

    @Test
    void theKeysRouteLimitStillAppliesInsideItsRouter() throws Exception {
        start(table(), KEYS);

        HttpResponse<String> response =
                proxy.post("/router/team-a/v1/embeddings", Chat.request("embed", "Hi"), TEAM);

        assertProxyError(response, 403, "permission_error", "model_not_allowed");
        assertThat(b.hits()).isZero();
    }

    @Test
    void aMissingKeyIs401BeforeAnythingIsSaidAboutTheRouter() throws Exception {
        start(table(), KEYS);

        assertProxyError(
                proxy.post("/router/nobody/v1/chat/completions", Chat.request("chat", "Hi")),
                401,
                "invalid_request_error",
                "invalid_api_key");
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource({"sk-sb-admin, chat embed", "sk-sb-team, chat"})
    void modelsOnARouterListsOnlyItsExactRoutesTheKeyMayUse(String key, String expected)
            throws Exception {
        start(table(), KEYS);

        HttpResponse<String> response =
                proxy.get("/router/team-a/v1/models", "Authorization", "Bearer " + key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-router")).isEqualTo("team-a");
        assertThat(json(response).get("data"))
                .extracting(m -> m.get("id").asText())
                .containsExactly(expected.split(" "));
    }

    @Test
    void aStreamedCallOnARouterIsForwardedEventByEvent() throws Exception {
        a.always(StreamingIT.goodStream(a));
        start(table(), KEYS);

        try (SseStream stream =
                proxy.streamAt(
                        "/router/team-a/v1/chat/completions",
                        Chat.streamRequest("chat", "Hi", null),
                        ADMIN)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("x-signalbox-router")).isEqualTo("team-a");
            assertThat(stream.rest()).containsAll(StreamingIT.goodEvents(a));
        }
    }

    @Test
    void anUnknownPathUnderARouterIs404UnknownUrl() throws Exception {
        start(table(), KEYS);

        assertProxyError(
                proxy.post("/router/team-a/v1/images", "{}", ADMIN),
                404,
                "invalid_request_error",
                "unknown_url");
    }

    @Test
    void aPathConditionCanGiveOneRoutersTrafficATargetOfItsOwn() throws Exception {
        Target teamTarget =
                new Target(
                        "a",
                        "a-model",
                        100,
                        true,
                        new MatchRule(Map.of(), Map.of(), Optional.of("/router/team-a/*")));
        start(
                RoutingTable.of(
                                List.of(provider(a), provider(b)),
                                List.of(
                                        route(
                                                "chat",
                                                List.of(teamTarget, target("b", "b-model")),
                                                List.of())))
                        .withRouters(List.of(new Router("team-a", true, Set.of("chat")))),
                KEYS);

        HttpResponse<String> onRouter =
                proxy.post("/router/team-a/v1/chat/completions", Chat.request("chat", "Hi"), ADMIN);
        HttpResponse<String> onDefault = proxy.chat(Chat.request("chat", "Hi"), ADMIN);

        assertThat(header(onRouter, "x-signalbox-provider")).isEqualTo("a");
        assertThat(header(onDefault, "x-signalbox-provider")).isEqualTo("b");
    }
}
