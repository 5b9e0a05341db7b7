package io.signalbox.proxy.upstream;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * How the proxy checks an upstream's TLS certificate: always, with host name verification. What
 * differs between providers is only which certificates are trusted: the JDK's default store, plus
 * the ones a user added to that provider (a self-signed server, a company CA).
 */
final class UpstreamTls {

    private UpstreamTls() {}

    /**
     * A verifying TLS setup that trusts the default store and, when given, the certificates of
     * {@code pem}.
     *
     * @throws IllegalArgumentException when {@code pem} holds no readable certificate
     */
    static SslContextFactory.Client verifying(Optional<String> pem) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        // Jetty's defaults already verify; set explicitly so no later change of a default (or of
        // this code) can quietly turn verification off.
        tls.setTrustAll(false);
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        if (pem.isPresent()) {
            tls.setTrustStore(defaultStorePlus(certificates(pem.get())));
        }
        return tls;
    }

    /** The certificates of a PEM text (one or more {@code BEGIN CERTIFICATE} blocks). */
    static List<X509Certificate> certificates(String pem) {
        try {
            Collection<? extends Certificate> read =
                    CertificateFactory.getInstance("X.509")
                            .generateCertificates(
                                    new ByteArrayInputStream(
                                            pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : read) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("the trusted certificate holds no certificate");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the trusted certificate is not a PEM certificate", e);
        }
    }

    /**
     * A trust store with every CA the JDK trusts by default and {@code added}: adding a certificate
     * must not stop the provider's other certificates (a public CA's) from working.
     */
    private static KeyStore defaultStorePlus(List<X509Certificate> added) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("default-" + n++, ca);
            }
            n = 0;
            for (X509Certificate certificate : added) {
                store.setCertificateEntry("added-" + n++, certificate);
            }
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build the upstream trust store", e);
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
