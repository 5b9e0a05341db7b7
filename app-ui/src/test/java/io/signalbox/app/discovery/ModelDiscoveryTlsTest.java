package io.signalbox.app.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsServer;
import io.signalbox.app.discovery.DiscoveryException.Kind;
import io.signalbox.app.tls.SelfSignedCertificate;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery against a provider with a self-signed certificate, a real HTTPS server on port 0:
 * refused with a message that says what to do, until the provider has the certificate.
 */
class ModelDiscoveryTlsTest {

    @TempDir Path temp;

    private SelfSignedCertificate certificate;
    private HttpsServer server;
    private Database database;
    private ModelDiscovery discovery;

    @BeforeEach
    void start() throws Exception {
        certificate = SelfSignedCertificate.forLoopback(temp);
        server =
                certificate.serveJson(
                        "/v1/models", "{\"object\":\"list\",\"data\":[{\"id\":\"qwen2.5:7b\"}]}");
        database = Database.open(temp.resolve("data"));
        discovery =
                new ModelDiscovery(
                        database.discoveryRepository(),
                        SignalboxConfig::empty,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        database.close();
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
    void aSelfSignedProviderIsRefusedWithAWayOut() {
        DiscoveryException e =
                catchThrowableOfType(
                        DiscoveryException.class,
                        () -> discovery.listModels(provider(Optional.empty())));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage())
                .contains("'gpu-box'", "TLS handshake", "add its certificate to the provider");
    }

    @Test
    void theAddedCertificateIsTrustedAsTheProxyTrustsIt() throws Exception {
        assertThat(discovery.listModels(provider(Optional.of(certificate.pem()))))
                .containsExactly("qwen2.5:7b");
    }
}
