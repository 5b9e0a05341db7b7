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

/**
 * Routers through the whole app (ADR 0013): set with {@code PUT /api/config}, stored in H2, read
 * back by {@code GET /api/config}, and served by the running proxy with keys limited to them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoutersApiIT {

    private static final String TEAM_KEY = "sk-sb-team-0123456789abcdef";
    private static final String ADMIN_KEY = "sk-sb-admin-0123456789abcdef";

    @TempDir Path temp;

    private FakeProvider provider;
    private Signalbox signalbox;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeProvider();
        signalbox = Signalbox.start(temp.resolve("data"));
        ok(
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "p", "baseUrl": "%s" } ],
                          "routes": [
                            { "name": "chat", "targets": [ { "provider": "p", "model": "m" } ] },
                            { "name": "embed", "targets": [ { "provider": "p", "model": "e" } ] } ],
                          "routers": [ { "slug": "team-a", "active": true, "routes": ["chat"] },
                                       { "slug": "paused", "active": false, "routes": ["chat"] } ],
                          "accessKeys": [ { "name": "team", "key": "%s", "routers": ["team-a"] },
                                          { "name": "admin", "key": "%s" } ] }
                        """
                                .formatted(provider.baseUrl(), TEAM_KEY, ADMIN_KEY)));
    }

    @AfterEach
    void stop() {
        signalbox.close();
        provider.close();
    }

    private HttpResponse<String> chat(String path, String model, String key) throws Exception {
        return signalbox.send(
                "POST",
                path + "/chat/completions",
                "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"
                        .formatted(model),
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + key);
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return json(response).get("error").get("code").asText();
    }

    @Test
    void routersAndKeyRoutersComeBackFromTheConfigurationApi() throws Exception {
        JsonNode config = signalbox.getJson("/api/config");

        JsonNode routers = config.get("routers");
        assertThat(routers).hasSize(2);
        assertThat(routers.get(0).get("slug").asText()).isEqualTo("team-a");
        assertThat(routers.get(0).get("active").asBoolean()).isTrue();
        assertThat(routers.get(0).get("routes").get(0).asText()).isEqualTo("chat");
        assertThat(routers.get(1).get("active").asBoolean()).isFalse();
        assertThat(config.get("accessKeys").get(0).get("routers").get(0).asText())
                .isEqualTo("team-a");
        assertThat(config.get("accessKeys").get(1).has("routers")).isFalse();
    }

    @Test
    void theRunningProxyServesTheStoredRouters() throws Exception {
        HttpResponse<String> served = chat("/router/team-a/v1", "chat", ADMIN_KEY);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("x-signalbox-router")).contains("team-a");

        HttpResponse<String> notOnRouter = chat("/router/team-a/v1", "embed", ADMIN_KEY);
        assertThat(notOnRouter.statusCode()).isEqualTo(404);
        assertThat(code(notOnRouter)).isEqualTo("model_not_found");
        assertThat(chat("/v1", "embed", ADMIN_KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> paused = chat("/router/paused/v1", "chat", ADMIN_KEY);
        assertThat(paused.statusCode()).isEqualTo(404);
        assertThat(code(paused)).isEqualTo("router_not_found");
    }

    @Test
    void aKeyLimitedToARouterIsRefusedOnV1AndServedOnItsRouter() throws Exception {
        HttpResponse<String> onDefault = chat("/v1", "chat", TEAM_KEY);
        assertThat(onDefault.statusCode()).isEqualTo(403);
        assertThat(code(onDefault)).isEqualTo("router_not_allowed");

        assertThat(chat("/router/team-a/v1", "chat", TEAM_KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> models =
                signalbox.send(
                        "GET",
                        "/router/team-a/v1/models",
                        null,
                        "Authorization",
                        "Bearer " + TEAM_KEY);
        assertThat(json(models).get("data"))
                .extracting(model -> model.get("id").asText())
                .containsExactly("chat");
    }

    @Test
    void aSwitchedOffRouterStopsServingAtOnce() throws Exception {
        JsonNode config = signalbox.getJson("/api/config");
        ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("routers").get(0))
                .put("active", false);
        ok(signalbox.put("/api/config", config.toString()));

        assertThat(code(chat("/router/team-a/v1", "chat", ADMIN_KEY)))
                .isEqualTo("router_not_found");
    }

    @Test
    void badRoutersAreRefusedWithTheirPathsAndChangeNothing() throws Exception {
        String before = signalbox.get("/api/config").body();

        HttpResponse<String> refused =
                signalbox.put(
                        "/api/config",
                        """
                        { "providers": [ { "name": "p", "baseUrl": "http://127.0.0.1:9/v1" } ],
                          "routes": [ { "name": "chat", "targets": [ { "provider": "p", "model": "m" } ] } ],
                          "routers": [ { "slug": "Team A", "routes": ["chat"] },
                                       { "slug": "b", "routes": ["nope"] } ],
                          "accessKeys": [ { "name": "k", "key": "sk-sb-0123456789abcdef",
                                            "routers": ["c"] } ] }
                        """);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("errors"))
                .extracting(error -> error.get("path").asText())
                .contains("routers[0].slug", "routers[1].routes[0]", "accessKeys[0].routers[0]");
        assertThat(signalbox.get("/api/config").body()).isEqualTo(before);
        assertThat(chat("/router/team-a/v1", "chat", ADMIN_KEY).statusCode()).isEqualTo(200);
    }
}
