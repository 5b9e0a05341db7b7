package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.modelOf;
import static io.signalbox.proxy.it.Config.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.routing.Canary;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.CanaryStatus;
import io.signalbox.proxy.routing.Route;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.routing.Selection;
import io.signalbox.proxy.routing.Target;
import io.signalbox.proxy.routing.TargetKey;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Canaries over real HTTP: a (stable) and b (the canary) are fake upstreams on port 0. The proxy's
 * clock stands still, so every attempt falls into one window and nothing waits for time to pass.
 */
class CanaryIT extends ProxyTestBase {

    private static Route route(Canary canary) {
        return new Route(
                "chat",
                true,
                List.of(
                        new Target("a", "a-model", 100, true),
                        new Target("b", "b-model", 100, true)),
                List.of(),
                Config.FIRST_BYTE,
                OptionalInt.empty(),
                Selection.WEIGHTED,
                Optional.of(canary));
    }

    private RoutingTable table(Route route) {
        return RoutingTable.of(List.of(provider(a), provider(b)), List.of(route));
    }

    private HttpResponse<String> call() throws Exception {
        return proxy.chat(Chat.request("chat", "Hi"));
    }

    @Test
    void aFailingCanaryIsDemotedGetsNoMoreTrafficAndTheDecisionCarriesItsFigures()
            throws Exception {
        a.always(Reply.json(200, Chat.completion(modelOf(a), "stable")));
        b.always(Reply.error(500, "the new model is broken"));
        Canary canary = new Canary(new TargetKey("b", "b-model"), 50, 95, 5, 6);
        Route route = route(canary);
        start(table(route));
        List<CanaryDecision> decisions = new CopyOnWriteArrayList<>();
        proxy.proxy().canaries().decisionsTo(decisions::add);

        int calls = 0;
        // Each call tries the canary with probability 1/2; 6 failed canary attempts demote it.
        // 400 calls without 6 canary picks has a probability far below 1e-100.
        while (proxy.proxy().canaries().isActive(route) && calls < 400) {
            HttpResponse<String> response = call();
            calls++;
            // A failing canary falls back to the stable target: the client never sees it fail.
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-signalbox-provider")).contains("a");
        }

        assertThat(proxy.proxy().canaries().isActive(route)).isFalse();
        // Three failures in a row eject b from the health book; the canary's later picks find it
        // held out, and those count as failures too, so a hard-failing canary is still judged.
        assertThat(b.hits()).isEqualTo(3);
        assertThat(decisions)
                .containsExactly(
                        new CanaryDecision(
                                ProxyHarness.T0,
                                "chat",
                                canary,
                                CanaryDecision.Action.DEMOTED,
                                0,
                                6));
        CanaryStatus status = proxy.proxy().canaries().status(route, ProxyHarness.T0).orElseThrow();
        assertThat(status.demoted()).isTrue();
        assertThat(status.currentShare()).isZero();

        for (int i = 0; i < 60; i++) {
            assertThat(call().statusCode()).isEqualTo(200);
        }
        assertThat(b.hits()).as("no request reaches a demoted canary").isEqualTo(3);
        assertThat(decisions).hasSize(1);
    }

    @Test
    void aCanaryThatFailsNowAndThenIsDemotedOnItsSuccessRate() throws Exception {
        a.always(Reply.json(200, Chat.completion(modelOf(a), "stable")));
        Reply ok = Reply.json(200, Chat.completion(modelOf(b), "canary"));
        Reply broken = Reply.error(502, "bad gateway");
        // 7 of 8 succeed (87.5%) and never 3 failures in a row, so health never ejects it.
        for (int round = 0; round < 10; round++) {
            b.then(ok, ok, ok, broken, ok, ok, ok, ok);
        }
        Canary canary = new Canary(new TargetKey("b", "b-model"), 50, 95, 5, 16);
        Route route = route(canary);
        start(table(route));
        List<CanaryDecision> decisions = new CopyOnWriteArrayList<>();
        proxy.proxy().canaries().decisionsTo(decisions::add);

        for (int calls = 0; proxy.proxy().canaries().isActive(route) && calls < 400; calls++) {
            assertThat(call().statusCode()).isEqualTo(200);
        }

        assertThat(decisions).hasSize(1);
        CanaryDecision demotion = decisions.get(0);
        assertThat(demotion.attempts()).isEqualTo(16);
        assertThat(demotion.successes()).isEqualTo(14);
        assertThat(demotion.successPercent()).isEqualTo(87);
        // The proxy counts a call once it has answered it, so the client may already have sent
        // the next one, planned while the canary was still active: at most one call more.
        int atDemotion = b.hits();
        assertThat(atDemotion).isBetween(16, 17);
        for (int calls = 0; calls < 40; calls++) {
            assertThat(call().statusCode()).isEqualTo(200);
        }
        assertThat(b.hits()).isEqualTo(atDemotion);
    }

    @Test
    void aHealthyCanaryGetsItsShareOfTheRequests() throws Exception {
        a.always(Reply.json(200, Chat.completion(modelOf(a), "stable")));
        b.always(Reply.json(200, Chat.completion(modelOf(b), "canary")));
        Route route = route(new Canary(new TargetKey("b", "b-model"), 25, 95, 5, 20));
        start(table(route));

        int requests = 400;
        int canary = 0;
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = call();
            assertThat(response.statusCode()).isEqualTo(200);
            if (response.headers().firstValue("x-signalbox-provider").orElse("").equals("b")) {
                canary++;
            }
        }

        // Binomial(400, 0.25): mean 100, standard deviation 8.7; 60..140 is 4.6 deviations, a
        // false alarm about once in 250,000 runs. Equal weights would give 200.
        assertThat(canary).isBetween(60, 140);
        assertThat(b.hits()).isEqualTo(canary);
        assertThat(proxy.proxy().canaries().isActive(route)).isTrue();
        assertThat(proxy.proxy().canaries().status(route, ProxyHarness.T0).orElseThrow())
                .extracting(CanaryStatus::successes, CanaryStatus::attempts)
                .containsExactly((long) canary, (long) canary);
    }

    @Test
    void callerMistakesDoNotDemoteTheCanary() throws Exception {
        a.always(Reply.error(400, "bad request"));
        b.always(Reply.error(400, "bad request"));
        Route route = route(new Canary(new TargetKey("b", "b-model"), 50, 95, 5, 2));
        start(table(route));

        for (int i = 0; i < 40; i++) {
            assertThat(call().statusCode()).isEqualTo(400);
        }

        assertThat(b.hits()).isPositive();
        assertThat(proxy.proxy().canaries().isActive(route)).isTrue();
    }
}
