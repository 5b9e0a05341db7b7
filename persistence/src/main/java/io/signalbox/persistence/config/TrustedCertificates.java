package io.signalbox.persistence.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Reads the PEM text of a provider's {@code trustedCertificate}: one or more {@code -----BEGIN
 * CERTIFICATE-----} blocks (a self-signed server's certificate, or the CA that issued it). A
 * certificate is public, so it is neither encrypted nor left out of exports; a private key is a
 * secret and is refused, without being quoted back.
 */
public final class TrustedCertificates {

    /** Generous for a chain of a few certificates; keeps the column and the UI bounded. */
    public static final int MAX_CHARS = 64 * 1024;

    static final int MAX_CERTIFICATES = 16;

    private static final Pattern BLOCK =
            Pattern.compile(
                    "-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    private TrustedCertificates() {}

    /**
     * The certificates of {@code pem}, in order.
     *
     * @throws IllegalArgumentException saying what is wrong, in words fit for the user
     */
    public static List<X509Certificate> read(String pem) {
        if (pem.length() > MAX_CHARS) {
            throw new IllegalArgumentException(
                    "is longer than " + MAX_CHARS / 1024 + " KB; give the certificate alone");
        }
        if (pem.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException(
                    "holds a private key; give only the certificate (the server keeps its key)");
        }
        Matcher block = BLOCK.matcher(pem);
        List<X509Certificate> certificates = new ArrayList<>();
        StringBuilder outside = new StringBuilder();
        int end = 0;
        while (block.find()) {
            outside.append(pem, end, block.start());
            end = block.end();
            certificates.addAll(decode(block.group(), certificates.size() + 1));
        }
        outside.append(pem, end, pem.length());
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(
                    "is not a PEM certificate (expected a block from -----BEGIN CERTIFICATE-----"
                            + " to -----END CERTIFICATE-----)");
        }
        if (outside.toString().contains("-----BEGIN")) {
            throw new IllegalArgumentException(
                    "holds a PEM block that is not a certificate; give only certificates");
        }
        if (certificates.size() > MAX_CERTIFICATES) {
            throw new IllegalArgumentException(
                    "holds more than " + MAX_CERTIFICATES + " certificates");
        }
        return certificates;
    }

    /** Why {@code pem} cannot be used, or null when it can. */
    public static String problem(String pem) {
        try {
            read(pem);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * A TLS context that trusts the JDK's default authorities and the certificates of {@code pem},
     * for the app's own calls to a provider (Test); host names are still verified by the client.
     *
     * @throws IllegalArgumentException as {@link #read}
     */
    public static SSLContext sslContext(String pem) {
        List<X509Certificate> added = read(pem);
        try {
            TrustManagerFactory defaults =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (TrustManager manager : defaults.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("default-" + n++, ca);
                    }
                }
            }
            for (X509Certificate certificate : added) {
                store.setCertificateEntry("added-" + n++, certificate);
            }
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a TLS context", e);
        }
    }

    private static List<X509Certificate> decode(String block, int number) {
        try {
            Collection<? extends Certificate> read =
                    CertificateFactory.getInstance("X.509")
                            .generateCertificates(
                                    new ByteArrayInputStream(
                                            block.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : read) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new CertificateException("empty");
            }
            return certificates;
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "certificate "
                            + number
                            + " is damaged (its base64 text does not decode to an X.509"
                            + " certificate); copy it again, all lines from BEGIN to END");
        }
    }
}
