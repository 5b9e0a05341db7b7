package io.signalbox.proxy.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A self-signed certificate made for the test by the JDK's own {@code keytool}: a real key pair in
 * a PKCS#12 file for the fake upstream, and its certificate as the PEM a user would add.
 */
final class SelfSignedCertificate {

    private static final String PASSWORD = "test-only";

    private final Path keyStore;
    private final String pem;

    private SelfSignedCertificate(Path keyStore, String pem) {
        this.keyStore = keyStore;
        this.pem = pem;
    }

    /**
     * @param subjectAlternativeNames e.g. {@code ip:127.0.0.1,dns:localhost}: the addresses the
     *     certificate is valid for (host name verification checks them)
     */
    static SelfSignedCertificate make(Path dir, String commonName, String subjectAlternativeNames)
            throws IOException, InterruptedException {
        Path keyStore = Files.createTempFile(dir, "upstream", ".p12");
        Files.delete(keyStore); // keytool makes it
        keytool(
                "-genkeypair",
                "-alias",
                "upstream",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + commonName,
                "-ext",
                "SAN=" + subjectAlternativeNames,
                "-validity",
                "2",
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        String pem =
                keytool(
                        "-exportcert",
                        "-rfc",
                        "-alias",
                        "upstream",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        PASSWORD);
        return new SelfSignedCertificate(keyStore, pem);
    }

    /** The certificate alone, PEM, as a user adds it to the provider. */
    String pem() {
        return pem;
    }

    /** The server's side: its key and certificate. */
    SslContextFactory.Server serverTls() {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keyStore.toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(PASSWORD);
        return tls;
    }

    private static String keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
