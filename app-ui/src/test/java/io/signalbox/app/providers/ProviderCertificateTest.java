package io.signalbox.app.providers;

import static io.signalbox.app.providers.Fixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a provider's own certificate in the editor: read from a PEM or DER file, shown by subject
 * and expiry, saved with the provider, removed again; a file that is no certificate changes nothing
 * and says why.
 */
class ProviderCertificateTest {

    @TempDir Path temp;

    private Fixture fixture;

    @BeforeEach
    void open() {
        fixture = new Fixture(temp.resolve("data"), InlineWork.immediate());
        fixture.store(
                List.of(provider("gpu-box", "https://gpu-box-one.lan:8443/v1", "qwen")), List.of());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    static String pem(String name) {
        try (InputStream in =
                ProviderCertificateTest.class.getResourceAsStream("/certificates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private ProviderEditorViewModel editor() {
        return new ProviderEditorViewModel(
                fixture.services,
                Optional.of(fixture.stored("gpu-box")),
                (old, name, stored) -> {});
    }

    @Test
    void aPemFileIsShownBySubjectAndExpiryAndSavedWithTheProvider() throws Exception {
        ProviderEditorViewModel editor = editor();
        assertThat(editor.certificateSummaryProperty().get()).isEmpty();
        assertThat(editor.dirtyProperty().get()).isFalse();

        editor.addCertificate(file("box.pem", pem("self-signed.pem").getBytes()));

        assertThat(editor.certificateSummaryProperty().get())
                .isEqualTo("CN=gpu-box-one.lan,O=Signalbox test, valid until 2035-12-30");
        assertThat(editor.errorProperty(ProviderField.CERTIFICATE).get()).isEmpty();
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(fixture.stored("gpu-box").trustedCertificate())
                .as("nothing stored before Save")
                .isEmpty();

        assertThat(editor.save()).isTrue();

        assertThat(fixture.stored("gpu-box").trustedCertificate())
                .contains(pem("self-signed.pem").strip() + "\n");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void aDerFileIsConvertedToPem() throws Exception {
        String base64 =
                pem("self-signed.pem")
                        .replace("-----BEGIN CERTIFICATE-----", "")
                        .replace("-----END CERTIFICATE-----", "")
                        .replaceAll("\\s", "");
        ProviderEditorViewModel editor = editor();

        editor.addCertificate(file("box.cer", Base64.getDecoder().decode(base64)));
        editor.save();

        String stored = fixture.stored("gpu-box").trustedCertificate().orElseThrow();
        assertThat(stored.replaceAll("\\s", ""))
                .isEqualTo(pem("self-signed.pem").replaceAll("\\s", ""));
    }

    @Test
    void aChainIsSummarizedByItsFirstCertificate() throws Exception {
        ProviderEditorViewModel editor = editor();

        editor.addCertificate(file("chain.pem", pem("chain.pem").getBytes()));

        assertThat(editor.certificateSummaryProperty().get())
                .startsWith("CN=gpu-box-one.lan")
                .endsWith("(and 1 more in the chain)");
    }

    @Test
    void aFileThatIsNoCertificateChangesNothingAndSaysWhy() throws Exception {
        ProviderEditorViewModel editor = editor();

        editor.addCertificate(file("notes.txt", "just some notes".getBytes()));

        assertThat(editor.errorProperty(ProviderField.CERTIFICATE).get())
                .isEqualTo(
                        "This file is not a certificate (neither PEM text nor a DER"
                                + " certificate)");
        assertThat(editor.certificateProperty().get()).isEmpty();
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void aPrivateKeyFileIsRefused() throws Exception {
        ProviderEditorViewModel editor = editor();

        editor.addCertificate(
                file(
                        "key.pem",
                        "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG\n-----END PRIVATE KEY-----\n"
                                .getBytes()));

        assertThat(editor.errorProperty(ProviderField.CERTIFICATE).get())
                .startsWith("This file holds a private key");
        assertThat(editor.certificateProperty().get()).isEmpty();
    }

    @Test
    void removingTheCertificateIsSavedToo() throws Exception {
        ProviderConfig withCertificate =
                fixture.stored("gpu-box")
                        .withTrustedCertificate(Optional.of(pem("self-signed.pem")));
        fixture.store(List.of(withCertificate), List.of());
        ProviderEditorViewModel editor = editor();
        assertThat(editor.certificateSummaryProperty().get()).startsWith("CN=gpu-box-one.lan");

        editor.removeCertificate();

        assertThat(editor.certificateSummaryProperty().get()).isEmpty();
        assertThat(editor.dirtyProperty().get()).isTrue();
        editor.save();
        assertThat(fixture.stored("gpu-box").trustedCertificate()).isEmpty();
    }
}
