package io.signalbox.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code providers[].trustedCertificate}: a PEM certificate read, checked and exported like any
 * other public field; a bad one refused with its JSON path; a private key refused unquoted.
 */
class TrustedCertificateConfigTest {

    private static final JsonMapper JSON = new JsonMapper();
    static final String SELF_SIGNED = resource("self-signed.pem");
    static final String CHAIN = resource("chain.pem");
    private static final String FAKE_KEY_LINE = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg";

    static String resource(String name) {
        try (InputStream in =
                TrustedCertificateConfigTest.class.getResourceAsStream("/certificates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String configWith(String pem) {
        ObjectNode root = JSON.createObjectNode().put("version", 1);
        root.putArray("providers")
                .addObject()
                .put("name", "gpu-box")
                .put("baseUrl", "https://gpu-box-one.lan:8443/v1")
                .put("trustedCertificate", pem);
        return root.toString();
    }

    @Test
    void aPemCertificateIsReadAndExportedWithAndWithoutSecrets() throws Exception {
        SignalboxConfig config = ConfigReader.read(configWith(SELF_SIGNED)).config();

        assertThat(config.providers().get(0).trustedCertificate()).contains(SELF_SIGNED);
        for (boolean secrets : new boolean[] {true, false}) {
            String exported = ConfigWriter.write(config, secrets);
            assertThat(ConfigReader.read(exported).config()).isEqualTo(config);
        }
        assertThat(config.providers().get(0).toString())
                .contains("trustedCertificate=(set)")
                .doesNotContain("BEGIN");
    }

    @Test
    void aChainOfCertificatesIsAccepted() throws Exception {
        assertThat(TrustedCertificates.read(CHAIN)).hasSize(2);
        assertThat(
                        ConfigReader.read(configWith(CHAIN))
                                .config()
                                .providers()
                                .get(0)
                                .trustedCertificate())
                .contains(CHAIN);
    }

    @Test
    void anEmptyCertificateMeansNone() throws Exception {
        assertThat(
                        ConfigReader.read(configWith(""))
                                .config()
                                .providers()
                                .get(0)
                                .trustedCertificate())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not pem | hello | is not a PEM certificate",
                "damaged base64 | -----BEGIN CERTIFICATE-----\\nMIIBmzCCAUCgAwIBAgIJ\\n-----END"
                        + " CERTIFICATE----- | certificate 1 is damaged",
                "only an end line | -----END CERTIFICATE----- | is not a PEM certificate",
            })
    void aBadCertificateIsRefusedWithItsPath(String what, String pem, String reason) {
        assertThatThrownBy(() -> ConfigReader.read(configWith(pem.replace("\\n", "\n"))))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .singleElement()
                                        .satisfies(
                                                problem -> {
                                                    assertThat(problem.path())
                                                            .isEqualTo(
                                                                    "providers[0].trustedCertificate");
                                                    assertThat(problem.message()).contains(reason);
                                                }));
    }

    @Test
    void aPrivateKeyIsRefusedAndNeverQuoted() {
        String withKey =
                SELF_SIGNED
                        + "-----BEGIN PRIVATE KEY-----\n"
                        + FAKE_KEY_LINE
                        + "\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> ConfigReader.read(configWith(withKey)))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> {
                            assertThat(e.problems())
                                    .extracting(ConfigProblem::path)
                                    .containsExactly("providers[0].trustedCertificate");
                            assertThat(e.problems().get(0).message()).contains("private key");
                            assertThat(e.getMessage()).doesNotContain(FAKE_KEY_LINE);
                        });
    }

    @Test
    void anotherPemBlockBesideTheCertificateIsRefused() {
        String withRequest =
                SELF_SIGNED
                        + "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n"
                        + "-----END CERTIFICATE REQUEST-----\n";

        assertThat(TrustedCertificates.problem(withRequest)).contains("not a certificate");
    }

    @Test
    void aCertificateLongerThanTheLimitIsRefused() {
        String huge = SELF_SIGNED + " ".repeat(TrustedCertificates.MAX_CHARS);

        assertThat(TrustedCertificates.problem(huge)).contains("longer than 64 KB");
    }

    @Test
    void aValidCertificateHasNoProblem() {
        assertThat(TrustedCertificates.problem(SELF_SIGNED)).isNull();
        assertThat(TrustedCertificates.read(SELF_SIGNED))
                .singleElement()
                .satisfies(
                        certificate ->
                                assertThat(certificate.getSubjectX500Principal().getName())
                                        .contains("CN=gpu-box-one.lan"));
    }
}
