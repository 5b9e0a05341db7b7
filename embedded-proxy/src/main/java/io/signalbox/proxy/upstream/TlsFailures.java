package io.signalbox.proxy.upstream;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns a failed TLS handshake into words a user can act on. The JDK's own messages ("PKIX path
 * building failed: unable to find valid certification path to requested target") say neither which
 * provider nor what to do.
 */
final class TlsFailures {

    private TlsFailures() {}

    /** What went wrong, when {@code cause} is a TLS failure; else empty. */
    static Optional<String> describe(Throwable cause, String provider, String address) {
        SSLException tls = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl && tls == null) {
                tls = ssl;
            }
            if (t instanceof CertificateExpiredException
                    || t instanceof CertificateNotYetValidException) {
                return Optional.of(
                        "TLS: the certificate of %s is outside its validity period (%s); renew it on the server of provider '%s'"
                                .formatted(address, t.getMessage(), provider));
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return Optional.of(untrusted(provider, address));
            }
        }
        if (tls == null) {
            return Optional.empty();
        }
        String message = messagesOf(tls);
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("pkix") || lower.contains("certification path")) {
            return Optional.of(untrusted(provider, address));
        }
        if (lower.contains("subject alternative name") || lower.contains("no name matching")) {
            return Optional.of(
                    ("TLS: the certificate of %s is not issued for that address (%s); use the"
                                    + " host name the certificate names in the base URL of"
                                    + " provider '%s', or give the server a certificate for"
                                    + " this address")
                            .formatted(address, message, provider));
        }
        return Optional.of(
                "TLS: the handshake with %s (provider '%s') failed: %s"
                        .formatted(address, provider, message));
    }

    private static String untrusted(String provider, String address) {
        return ("TLS: the certificate of %s is not trusted (self-signed or from an unknown"
                        + " authority); if this is your server, add its certificate to provider"
                        + " '%s' (Providers > Edit > Add certificate, or trustedCertificate in"
                        + " the configuration)")
                .formatted(address, provider);
    }

    /** The first message along the cause chain (Jetty wraps the JDK's exception). */
    private static String messagesOf(Throwable tls) {
        for (Throwable t = tls; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return tls.getClass().getSimpleName();
    }
}
