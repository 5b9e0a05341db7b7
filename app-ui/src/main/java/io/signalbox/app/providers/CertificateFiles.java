package io.signalbox.app.providers;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a certificate file: the native dialog, or a given file in tests. */
@FunctionalInterface
interface CertificateFiles {

    Optional<Path> choose(Window owner);

    /** The native open dialog, for PEM and DER certificate files. */
    CertificateFiles NATIVE =
            owner -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Add the provider's certificate");
                chooser.getExtensionFilters()
                        .addAll(
                                new FileChooser.ExtensionFilter(
                                        "Certificates", "*.pem", "*.crt", "*.cer", "*.der"),
                                new FileChooser.ExtensionFilter("All files", "*"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            };
}
