package io.signalbox.app.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made for the test by the JDK's own {@code
 * keytool}: the server's key and certificate as an {@link SSLContext}, the certificate as the PEM a
 * user adds to the provider.
 */
public final class SelfSignedCertificate {

    private static final String PASSWORD = "test-only";

    private final Path keyStore;
    private final String pem;

    private SelfSignedCertificate(Path keyStore, String pem) {
        this.keyStore = keyStore;
        this.pem = pem;
    }

    public static SelfSignedCertificate forLoopback(Path dir)
            throws IOException, InterruptedException {
        Path keyStore = dir.resolve("upstream.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "upstream",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=gpu-box",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
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

    /** The certificate alone, PEM, as a user adds it to a provider. */
    public String pem() {
        return pem;
    }

    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /**
     * A started HTTPS server on a free loopback port, with this certificate, that answers {@code
     * path} with 200 and {@code json}; stop it after the test.
     */
    public HttpsServer serveJson(String path, String json)
            throws IOException, GeneralSecurityException {
        HttpsServer server =
                HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        server.createContext(
                path,
                exchange -> {
                    try (exchange) {
                        exchange.getRequestBody().readAllBytes();
                        byte[] body = json.getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    }
                });
        server.start();
        return server;
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
