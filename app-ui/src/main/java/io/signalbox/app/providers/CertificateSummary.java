package io.signalbox.app.providers;

import io.signalbox.persistence.config.TrustedCertificates;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * What the provider editor says about a trusted certificate: whom it was issued to and until when,
 * so the user can tell it is the right one before saving.
 */
final class CertificateSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private CertificateSummary() {}

    /** E.g. "CN=gpu-box.lan, valid until 2027-11-22" (plus "and 1 more" for a chain). */
    static String of(String pem, ZoneId zone, Instant now) {
        List<X509Certificate> certificates = TrustedCertificates.read(pem);
        X509Certificate first = certificates.get(0);
        Instant end = first.getNotAfter().toInstant();
        String until =
                end.isBefore(now)
                        ? "expired on " + DAY.format(end.atZone(zone))
                        : "valid until " + DAY.format(end.atZone(zone));
        String more =
                certificates.size() == 1
                        ? ""
                        : " (and " + (certificates.size() - 1) + " more in the chain)";
        return subject(first) + ", " + until + more;
    }

    /** The subject in the RFC 2253 form, which names the CN first as people write it. */
    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }
}
