package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.modelOf;
import static io.signalbox.proxy.it.Config.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.routing.MatchRule;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Selection;
import io.signalbox.proxy.routing.Target;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 over real HTTP: match conditions on headers, query and path, per-route retries, and
 * strict round-robin order.
 */
class RequestMatchingIT extends ProxyTestBase {

    private RoutingTable table(Route route) {
        return RoutingTable.of(List.of(provider(a), provider(b), provider(c)), List.of(route));
    }

    private static Target target(FakeUpstream upstream, MatchRule match) {
        return new Target(upstream.name(), modelOf(upstream), 100, true, match);
    }

    private static Route route(List<Target> targets, List<Target> fallbacks) {
        return new Route("chat", true, targets, fallbacks, Config.FIRST_BYTE);
    }

    private void answerAll() {
        for (FakeUpstream upstream : List.of(a, b, c)) {
            upstream.always(Reply.json(200, Chat.completion(modelOf(upstream), "hi")));
        }
    }

    private HttpResponse<String> call(String path, String... headers) throws Exception {
        return proxy.post(path, Chat.request("chat", "Hi"), headers);
    }

    @Test
    void sendsPremiumUsersByHeaderToThePremiumTargetAndEveryoneElseToTheStandardOne()
            throws Exception {
        answerAll();
        MatchRule premium =
                new MatchRule(Map.of("user-type", "premium"), Map.of(), Optional.empty());
        start(table(route(List.of(target(a, premium), target(b, MatchRule.ANY)), List.of())));

        for (int i = 0; i < 3; i++) {
            // Header names are case-insensitive on the wire too.
            assertThat(
                            header(
                                    call("/v1/chat/completions", "User-Type", "premium"),
                                    "x-signalbox-provider"))
                    .isEqualTo("a");
            assertThat(header(call("/v1/chat/completions"), "x-signalbox-provider")).isEqualTo("b");
            assertThat(
                            header(
                                    call("/v1/chat/completions", "user-type", "free"),
                                    "x-signalbox-provider"))
                    .isEqualTo("b");
        }
        assertThat(a.hits()).isEqualTo(3);
        assertThat(b.hits()).isEqualTo(6);
        // The matching header is the client's: it is not forwarded as a provider header.
        assertThat(a.received().get(0).header("user-type")).isNull();
    }

    @Test
    void matchesByQueryParameter() throws Exception {
        answerAll();
        MatchRule beta = new MatchRule(Map.of(), Map.of("beta", "true"), Optional.empty());
        start(table(route(List.of(target(a, beta), target(b, MatchRule.ANY)), List.of())));

        assertThat(header(call("/v1/chat/completions?beta=true"), "x-signalbox-provider"))
                .isEqualTo("a");
        assertThat(header(call("/v1/chat/completions?beta=false"), "x-signalbox-provider"))
                .isEqualTo("b");
        assertThat(header(call("/v1/chat/completions"), "x-signalbox-provider")).isEqualTo("b");
        // The query is the proxy's to read, not the upstream's path.
        assertThat(a.onlyRequest().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void aQueryThatCannotBeDecodedMatchesNoQueryConditionAndIsStillServed() throws Exception {
        answerAll();
        MatchRule beta = new MatchRule(Map.of(), Map.of("beta", "true"), Optional.empty());
        start(table(route(List.of(target(a, beta), target(b, MatchRule.ANY)), List.of())));

        String response;
        try (RawHttp client = RawHttp.connect(proxy.port())) {
            response =
                    client.send(
                                    RawHttp.post(
                                            "/v1/chat/completions?beta=true&x=%zz",
                                            "127.0.0.1", Chat.request("chat", "Hi")))
                            .readAll();
        }

        assertThat(RawHttp.status(response)).isEqualTo(200);
        assertThat(response).containsIgnoringCase("x-signalbox-provider: b");
        assertThat(a.hits()).isZero();
    }

    @Test
    void matchesByPathPattern() throws Exception {
        answerAll();
        MatchRule chatOnly = new MatchRule(Map.of(), Map.of(), Optional.of("/v1/chat/*"));
        start(table(route(List.of(target(a, chatOnly), target(b, MatchRule.ANY)), List.of())));

        assertThat(header(call("/v1/chat/completions"), "x-signalbox-provider")).isEqualTo("a");
        assertThat(header(call("/v1/completions"), "x-signalbox-provider")).isEqualTo("b");
        assertThat(b.onlyRequest().path()).isEqualTo("/v1/completions");
    }

    @Test
    void aRequestNoTargetTakesAndNoFallbackCatchesGets400() throws Exception {
        answerAll();
        MatchRule premium =
                new MatchRule(Map.of("user-type", "premium"), Map.of(), Optional.empty());
        start(table(route(List.of(target(a, premium)), List.of())));

        HttpResponse<String> response = call("/v1/chat/completions");

        assertProxyError(response, 400, "invalid_request_error", "no_matching_target");
        assertThat(header(response, "x-should-retry")).isEqualTo("false");
        assertThat(a.hits()).isZero();
        assertThat(proxy.onlyUsage().status()).isEqualTo(400);
    }

    @Test
    void retriesLimitTheOtherTargetsTriedBeforeTheFallbacks() throws Exception {
        a.always(Reply.error(500, "a is down"));
        b.always(Reply.error(500, "b is down"));
        c.always(Reply.json(200, Chat.completion(modelOf(c), "from the fallback")));
        Route route =
                new Route(
                        "chat",
                        true,
                        List.of(target(a, MatchRule.ANY), target(b, MatchRule.ANY)),
                        List.of(new Target("c", modelOf(c), 0, true)),
                        Config.FIRST_BYTE,
                        OptionalInt.of(0),
                        Selection.WEIGHTED);
        start(table(route));

        HttpResponse<String> response = call("/v1/chat/completions");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("c");
        // No retry: one of the two targets (whichever was picked), then straight to the fallback.
        assertThat(header(response, "x-signalbox-attempts")).isEqualTo("2");
        assertThat(a.hits() + b.hits()).isEqualTo(1);
    }

    @Test
    void roundRobinTakesStrictTurnsOverRealHttp() throws Exception {
        answerAll();
        Route route =
                new Route(
                        "chat",
                        true,
                        List.of(
                                new Target("a", modelOf(a), 1000, true),
                                new Target("b", modelOf(b), 1, true),
                                new Target("c", modelOf(c), 500, true)),
                        List.of(),
                        Config.FIRST_BYTE,
                        OptionalInt.empty(),
                        Selection.ROUND_ROBIN);
        start(table(route));

        List<String> served = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            served.add(header(call("/v1/chat/completions"), "x-signalbox-provider"));
        }

        assertThat(served).containsExactly("a", "b", "c", "a", "b", "c", "a");
    }

    @Test
    void roundRobinMovesPastAFailingTargetAndKeepsTheOrder() throws Exception {
        answerAll();
        b.always(Reply.error(500, "b is down"));
        Route route =
                new Route(
                        "chat",
                        true,
                        List.of(
                                new Target("a", modelOf(a), 100, true),
                                new Target("b", modelOf(b), 100, true),
                                new Target("c", modelOf(c), 100, true)),
                        List.of(),
                        Config.FIRST_BYTE,
                        OptionalInt.empty(),
                        Selection.ROUND_ROBIN);
        start(table(route));

        List<String> served = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            served.add(header(call("/v1/chat/completions"), "x-signalbox-provider"));
        }

        // b's turn fails over to the next in turn order, c.
        assertThat(served).containsExactly("a", "c", "c");
        assertThat(b.hits()).isEqualTo(1);
    }
}
