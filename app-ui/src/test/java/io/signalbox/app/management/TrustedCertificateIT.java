package io.signalbox.app.management;

import static io.signalbox.app.management.Signalbox.json;
import static io.signalbox.app.management.Signalbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.app.tls.SelfSignedCertificate;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider with a self-signed certificate through the whole app: refused with a clear attempt
 * error in the request log (and the fallback serves) until its certificate is imported with the
 * configuration; then it serves, and the certificate is exported like any public field.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TrustedCertificateIT {

    @TempDir Path temp;

    private SelfSignedCertificate certificate;
    private FakeProvider secure;
    private FakeProvider backup;
    private Signalbox signalbox;

    @BeforeEach
    void start() throws Exception {
        certificate = SelfSignedCertificate.forLoopback(temp);
        secure = new FakeProvider(certificate.serverContext());
        backup = new FakeProvider();
        Path importFile = Files.writeString(temp.resolve("config.json"), config(null));
        signalbox =
                Signalbox.start(temp.resolve("data"), Optional.empty(), Optional.of(importFile));
    }

    @AfterEach
    void stop() {
        signalbox.close();
        secure.close();
        backup.close();
    }

    /** Route {@code chat}: provider {@code lab} (HTTPS), then {@code backup} as its fallback. */
    private String config(String trustedPem) {
        ObjectNode root = Signalbox.JSON.createObjectNode().put("version", 1);
        ObjectNode lab =
                root.putArray("providers")
                        .addObject()
                        .put("name", "lab")
                        .put("baseUrl", secure.baseUrl());
        if (trustedPem != null) {
            lab.put("trustedCertificate", trustedPem);
        }
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("providers"))
                .addObject()
                .put("name", "backup")
                .put("baseUrl", backup.baseUrl());
        ObjectNode route = root.putArray("routes").addObject().put("name", "chat");
        route.putArray("targets").addObject().put("provider", "lab").put("model", "m1");
        route.putArray("fallbacks").addObject().put("provider", "backup").put("model", "m1");
        return root.toString();
    }

    /** The newest request in the log, once there are {@code count}. */
    private JsonNode newestOf(int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            JsonNode requests = signalbox.getJson("/api/requests").get("requests");
            if (requests.size() >= count) {
                return requests.get(0);
            }
            assertThat(Instant.now()).as("%d requests in the log", count).isBefore(deadline);
            Thread.sleep(25); // polling the log, bounded by the deadline above
        }
    }

    @Test
    void untrustedUntilItsCertificateIsImportedThenServed() throws Exception {
        HttpResponse<String> refused = signalbox.chat("chat", false);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(refused.headers().firstValue("x-signalbox-provider")).contains("backup");
        assertThat(secure.chatCalls.get()).isZero();
        JsonNode first = newestOf(1).get("attemptDetails").get(0);
        assertThat(first.get("provider").asText()).isEqualTo("lab");
        assertThat(first.get("outcome").asText()).isEqualTo("connect_failed");
        assertThat(first.get("error").asText())
                .contains("not trusted")
                .contains("add its certificate to provider 'lab'");

        ok(signalbox.put("/api/config", config(certificate.pem())));
        HttpResponse<String> served = signalbox.chat("chat", true);

        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(served.headers().firstValue("x-signalbox-provider")).contains("lab");
        assertThat(served.body()).endsWith("data: [DONE]\n\n");
        assertThat(secure.chatCalls.get()).isEqualTo(1);
        JsonNode exported = signalbox.getJson("/api/config").get("providers").get(0);
        assertThat(exported.get("trustedCertificate").asText()).isEqualTo(certificate.pem());
    }

    @Test
    void aDamagedCertificateIsRefusedWithItsPathAndChangesNothing() throws Exception {
        String before = signalbox.get("/api/config").body();
        String damaged = certificate.pem().replace("-----END", "AAAA\n-----END");

        HttpResponse<String> refused = signalbox.put("/api/config", config(damaged));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).toString()).contains("providers[0].trustedCertificate");
        assertThat(signalbox.get("/api/config").body()).isEqualTo(before);
    }
}
