package io.signalbox.app.providers;

import io.signalbox.persistence.config.TrustedCertificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;

/**
 * Reads a certificate file as the PEM text the configuration stores: PEM files as they are, a
 * binary DER file ({@code .cer}, {@code .der}, as browsers and Windows export them) converted.
 */
final class CertificateFile {

    private CertificateFile() {}

    /**
     * @throws IllegalArgumentException when the file holds no usable certificate, in words for the
     *     user (starting with "this file")
     * @throws IOException when the file cannot be read
     */
    static String pemOf(Path file) throws IOException {
        if (Files.size(file) > TrustedCertificates.MAX_CHARS) {
            throw new IllegalArgumentException(
                    "This file is larger than a certificate ("
                            + TrustedCertificates.MAX_CHARS / 1024
                            + " KB at most)");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String pem = text.contains("-----BEGIN") ? text.strip() + "\n" : derAsPem(bytes);
        String problem = TrustedCertificates.problem(pem);
        if (problem != null) {
            throw new IllegalArgumentException("This file " + problem);
        }
        return pem;
    }

    private static String derAsPem(byte[] der) {
        try {
            CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "This file is not a certificate (neither PEM text nor a DER certificate)");
        }
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
