package io.signalbox.app.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets through the whole app: canary provider keys, a secret provider header and an access key
 * put in, and a careless provider that quotes the credentials it got back in its errors. None may
 * reach a client, the request log, an export, the logs or any byte of the data dir.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsIT {

    private static final String PROVIDER_KEY = "sk-canary-provider-9b1f04d7e2";
    private static final String HEADER_SECRET = "canary-header-secret-51c7a9";
    private static final String ACCESS_KEY = "sk-sb-canary-access-0e6d2f8b4a93c1";

    @TempDir Path temp;

    private static String config(String baseUrl) {
        return """
                { "version": 1,
                  "providers": [ { "name": "careless", "baseUrl": "%s", "apiKey": "%s",
                                   "headers": { "X-Api-Key": "%s" } } ],
                  "routes": [ { "name": "chat", "targets": [ { "provider": "careless", "model": "m1" } ] } ],
                  "accessKeys": [ { "name": "team", "key": "%s" } ] }
                """
                .formatted(baseUrl, PROVIDER_KEY, HEADER_SECRET, ACCESS_KEY);
    }

    @Test
    void canarySecretsReachNoClientLogExportOrFileEvenWhenTheProviderQuotesThem() throws Exception {
        Path dataDir = temp.resolve("data");
        Path importFile = Files.writeString(temp.resolve("config.json"), "{}");
        List<String> seen = new ArrayList<>();
        try (FakeProvider provider = new FakeProvider()) {
            Files.writeString(importFile, config(provider.baseUrl()));
            try (Signalbox signalbox =
                    Signalbox.start(dataDir, Optional.empty(), Optional.of(importFile))) {
                String auth = "Bearer " + ACCESS_KEY;
                // A good call after each careless one keeps the target healthy (no ejection); the
                // 401 comes last, since it holds the target out until the configuration changes.
                for (int status : new int[] {400, 422, 500, 200, 401}) {
                    provider.echoingCredentials(status);
                    seen.add(signalbox.chat("chat", false, "Authorization", auth).body());
                    if (status == 200) {
                        HttpResponse<String> stream =
                                signalbox.chat("chat", true, "Authorization", auth);
                        seen.add(stream.body());
                        assertThat(stream.body())
                                .as("the provider's error event still reaches the client")
                                .contains("Incorrect API key provided");
                    }
                    provider.echoingCredentials(0);
                    if (status != 401) {
                        assertThat(
                                        signalbox
                                                .chat("chat", false, "Authorization", auth)
                                                .statusCode())
                                .isEqualTo(200);
                    }
                }
                assertThat(provider.chatCalls.get()).isEqualTo(10);

                seen.add(awaitRequests(signalbox, 10));
                seen.add(signalbox.get("/api/config").body());
                seen.add(signalbox.get("/api/usage?groupBy=key").body());
                seen.add(signalbox.get("/api/health").body());
            }
        }
        for (String text : seen) {
            assertNoCanary(text, "what the API and the clients got");
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoCanary(
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
                        file.toString());
            }
        }
    }

    private static String awaitRequests(Signalbox signalbox, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String body = signalbox.get("/api/requests").body();
            if (Signalbox.JSON.readTree(body).get("requests").size() >= count) {
                return body;
            }
            assertThat(System.nanoTime()).as("%d requests in the log", count).isLessThan(deadline);
            Thread.sleep(25); // polling the log, bounded by the deadline above
        }
    }

    private static void assertNoCanary(String text, String where) {
        assertThat(text)
                .as(where)
                .doesNotContain(PROVIDER_KEY)
                .doesNotContain(HEADER_SECRET)
                .doesNotContain(ACCESS_KEY);
    }

    @Test
    void byDefaultTheProxyListensOnLoopbackOnly() throws Exception {
        try (Signalbox signalbox = Signalbox.start(temp.resolve("data"))) {
            assertThat(InetAddress.getByName(signalbox.runtime.proxy().host()).isLoopbackAddress())
                    .isTrue();
            Optional<InetAddress> lan = nonLoopbackIpv4();
            assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");
            assertThat(connects(lan.get(), signalbox.port()))
                    .as("reachable from the network at %s", lan.get())
                    .isFalse();
            assertThat(connects(InetAddress.getLoopbackAddress(), signalbox.port())).isTrue();
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackIpv4() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return Optional.of(address);
                    }
                }
            }
            return Optional.empty();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
