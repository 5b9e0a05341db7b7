package io.signalbox.app.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsServer;
import io.signalbox.app.tls.SelfSignedCertificate;
import io.signalbox.persistence.config.ProviderConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test (the one-token call) against a provider with a self-signed certificate, a real HTTPS server
 * on port 0: refused with a clear message until the provider has the certificate, as in the proxy.
 */
class OneTokenCallTlsTest {

    @TempDir Path temp;

    private SelfSignedCertificate certificate;
    private HttpsServer server;

    @BeforeEach
    void start() throws Exception {
        certificate = SelfSignedCertificate.forLoopback(temp);
        server = certificate.serveJson("/v1/chat/completions", "{\"choices\":[]}");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ProviderConfig provider(Optional<String> pem) {
        return new ProviderConfig(
                        "gpu-box",
                        ProviderConfig.TYPE_OPENAI,
                        "https://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                        Optional.empty(),
                        Map.of(),
                        List.of(),
                        true)
                .withTrustedCertificate(pem);
    }

    @Test
    void aSelfSignedProviderIsRefusedUntilItsCertificateIsAdded() throws Exception {
        OneTokenCall call = new OneTokenCall(Duration.ofSeconds(2), Duration.ofSeconds(5));

        assertThatThrownBy(() -> call.call(provider(Optional.empty()), "m"))
                .isInstanceOf(OneTokenCall.Failure.class)
                .hasMessageContaining("certificate of 127.0.0.1:")
                .hasMessageContaining("add its certificate");
        assertThat(call.call(provider(Optional.of(certificate.pem())), "m")).isPositive();
    }
}
