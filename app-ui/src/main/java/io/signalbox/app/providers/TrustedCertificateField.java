package io.signalbox.app.providers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The provider form's trusted certificate: the PEM text trusted besides the default store, a line
 * saying whom it names and until when, and the problem with a file the user picked.
 */
final class TrustedCertificateField {

    /** PEM text of the certificates trusted besides the default store; "" for none. */
    private final ReadOnlyStringWrapper pem = new ReadOnlyStringWrapper("");

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error;
    private final Supplier<ZoneId> zone;

    /**
     * @param error where a file that holds no certificate is reported: the form's error line for
     *     this field
     */
    TrustedCertificateField(ReadOnlyStringWrapper error, Supplier<ZoneId> zone) {
        this.error = error;
        this.zone = zone;
        pem.addListener((obs, old, text) -> summarize(text));
    }

    /** Shows what a stored provider trusts, without a problem. */
    void load(Optional<String> stored) {
        pem.set(stored.orElse(""));
    }

    /** What to save: the PEM text, or empty when only the default store is trusted. */
    Optional<String> value() {
        return pem.get().isEmpty() ? Optional.empty() : Optional.of(pem.get());
    }

    /**
     * Trusts the certificate in {@code file} (PEM or DER); a file that holds none changes nothing.
     */
    void add(Path file) {
        error.set("");
        try {
            pem.set(CertificateFile.pemOf(file));
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        } catch (IOException e) {
            error.set("Cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    void remove() {
        error.set("");
        pem.set("");
    }

    ReadOnlyStringProperty pemProperty() {
        return pem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void summarize(String text) {
        if (text.isEmpty()) {
            summary.set("");
            return;
        }
        try {
            summary.set(CertificateSummary.of(text, zone.get(), Instant.now()));
        } catch (IllegalArgumentException e) {
            // Only a stored PEM could be unreadable (import checks it): say so, keep it.
            summary.set("Unreadable certificate: " + e.getMessage());
        }
    }
}
