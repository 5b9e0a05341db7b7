package io.signalbox.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.proxy.routing.ProviderEndpoint;
import io.signalbox.proxy.routing.RoutingTable;
import io.signalbox.proxy.usage.AttemptOutcome;
import io.signalbox.proxy.usage.UsageEvent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream TLS is always verified: an upstream with a self-signed certificate (made by keytool for
 * the test, served by a real HTTPS Jetty on port 0) fails with an error that says what to do,
 * unless its certificate was added to the provider.
 */
class UpstreamTlsIT extends ProxyTestBase {

    private static final String HI = Chat.request("chat", "Hi");

    @TempDir static Path keys;
    private static SelfSignedCertificate forLoopback;
    private static SelfSignedCertificate forAnotherHost;
    private FakeUpstream secure;

    @BeforeAll
    static void makeCertificates() throws Exception {
        forLoopback = SelfSignedCertificate.make(keys, "gpu-box", "ip:127.0.0.1,dns:localhost");
        forAnotherHost = SelfSignedCertificate.make(keys, "elsewhere", "dns:elsewhere.example");
    }

    @AfterEach
    void stopSecure() {
        if (secure != null) {
            secure.close();
        }
    }

    private static ProviderEndpoint trusting(FakeUpstream upstream, Optional<String> pem) {
        return new ProviderEndpoint(
                upstream.name(),
                upstream.baseUrl(),
                Optional.of("sk-" + upstream.name()),
                Map.of(),
                true,
                pem);
    }

    private static RoutingTable secureThenB(ProviderEndpoint secure, FakeUpstream b) {
        return RoutingTable.of(
                List.of(secure, Config.provider(b)),
                List.of(
                        Config.route(
                                "chat",
                                List.of(Config.target(secure.name(), "s-model")),
                                List.of(Config.fallback(b.name(), Config.modelOf(b))))));
    }

    @Test
    void aSelfSignedUpstreamIsRefusedWithAClearErrorAndTheNextTargetServes() throws Exception {
        secure = FakeUpstream.startTls("s", forLoopback);
        start(secureThenB(trusting(secure, Optional.empty()), b));

        HttpResponse<String> response = proxy.chat(HI);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(header(response, "x-signalbox-provider")).isEqualTo("b");
        assertThat(secure.hits()).as("no request reaches an untrusted server").isZero();
        UsageEvent usage = proxy.onlyUsage();
        AttemptOutcome refused = usage.attempts().get(0);
        assertThat(refused.provider()).isEqualTo("s");
        assertThat(refused.outcome()).isEqualTo("connect_failed");
        assertThat(refused.status()).isEqualTo(OptionalInt.empty());
        assertThat(refused.error())
                .hasValueSatisfying(
                        error ->
                                assertThat(error)
                                        .contains("127.0.0.1:" + secure.baseUrl().getPort())
                                        .contains("not trusted")
                                        .contains("add its certificate to provider 's'")
                                        .doesNotContain("PKIX"));
    }

    @Test
    void withoutAnotherTargetTheClientGetsTheReasonInTheOpenAiErrorShape() throws Exception {
        secure = FakeUpstream.startTls("s", forLoopback);
        ProviderEndpoint provider = trusting(secure, Optional.empty());
        start(
                RoutingTable.of(
                        List.of(provider),
                        List.of(
                                Config.route(
                                        "chat",
                                        List.of(Config.target("s", "s-model")),
                                        List.of()))));

        HttpResponse<String> response = proxy.chat(HI);

        assertProxyError(response, 502, "server_error", "upstream_failed");
        assertThat(json(response).get("error").get("message").asText())
                .contains("s/s-model: TLS")
                .contains("not trusted")
                .contains("add its certificate");
    }

    @Test
    void withItsCertificateAddedTheSelfSignedUpstreamServesPlainAndStreamedCalls()
            throws Exception {
        secure = FakeUpstream.startTls("s", forLoopback);
        secure.then(
                Reply.json(200, Chat.completion("s-model", "over TLS")),
                Reply.sse()
                        .event(Chat.roleChunk("s-model"))
                        .event(Chat.contentChunk("s-model", "streamed over TLS"))
                        .event(Chat.finishChunk("s-model"))
                        .done());
        start(secureThenB(trusting(secure, Optional.of(forLoopback.pem())), b));

        HttpResponse<String> plain = proxy.chat(HI);
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(header(plain, "x-signalbox-provider")).isEqualTo("s");
        assertThat(plain.body()).contains("over TLS");

        try (SseStream stream = proxy.stream(Chat.streamRequest("chat", "Hi", null))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(String.join("\n", stream.rest()))
                    .contains("streamed over TLS")
                    .endsWith("[DONE]");
        }
        assertThat(b.hits()).isZero();
    }

    @Test
    void aTrustedCertificateForAnotherHostStillFailsHostNameVerification() throws Exception {
        secure = FakeUpstream.startTls("s", forAnotherHost);
        start(secureThenB(trusting(secure, Optional.of(forAnotherHost.pem())), b));

        HttpResponse<String> response = proxy.chat(HI);

        assertThat(header(response, "x-signalbox-provider")).isEqualTo("b");
        assertThat(proxy.onlyUsage().attempts().get(0).error())
                .hasValueSatisfying(
                        error -> assertThat(error).contains("not issued for that address"));
        assertThat(secure.hits()).isZero();
    }

    @Test
    void oneProvidersCertificateIsNotTrustedForAnotherProviderOnTheSameServer() throws Exception {
        secure = FakeUpstream.startTls("s", forLoopback);
        URI url = secure.baseUrl();
        ProviderEndpoint trusted =
                new ProviderEndpoint(
                        "trusted",
                        url,
                        Optional.empty(),
                        Map.of(),
                        true,
                        Optional.of(forLoopback.pem()));
        ProviderEndpoint untrusted =
                new ProviderEndpoint("untrusted", url, Optional.empty(), Map.of(), true);
        start(
                RoutingTable.of(
                        List.of(trusted, untrusted),
                        List.of(
                                Config.route(
                                        "via-trusted",
                                        List.of(Config.target("trusted", "m")),
                                        List.of()),
                                Config.route(
                                        "via-untrusted",
                                        List.of(Config.target("untrusted", "m")),
                                        List.of()))));

        // The trusted provider's connection is open and idle in a pool afterwards.
        assertThat(proxy.chat(Chat.request("via-trusted", "Hi")).statusCode()).isEqualTo(200);
        proxy.nextUsage();
        HttpResponse<String> refused = proxy.chat(Chat.request("via-untrusted", "Hi"));

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).contains("not trusted");
        assertThat(secure.hits()).isEqualTo(1);
    }
}
