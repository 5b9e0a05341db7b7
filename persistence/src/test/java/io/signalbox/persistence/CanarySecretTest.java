package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret handed to the store may be found in plaintext in any file of the data dir. */
class CanarySecretTest {

    @TempDir Path temp;

    @Test
    void writesNoSecretInPlaintextToTheDataDir() throws IOException {
        String apiKey = "sk-canary-" + UUID.randomUUID();
        String headerValue = "Bearer hdr-canary-" + UUID.randomUUID();
        String accessKey = "sk-sb-canary-" + UUID.randomUUID();
        Path dataDir = temp.resolve("data");
        try (Database database = Database.open(dataDir)) {
            database.configRepository()
                    .replace(
                            new SignalboxConfig(
                                    List.of(
                                            new ProviderConfig(
                                                    "canary",
                                                    ProviderConfig.TYPE_OPENAI,
                                                    "https://example.invalid/v1",
                                                    Optional.of(apiKey),
                                                    Map.of("X-Canary-Auth", headerValue),
                                                    List.of("model"),
                                                    true)),
                                    List.of(),
                                    List.of(
                                            new AccessKeyConfig(
                                                    "canary", Optional.of(accessKey), List.of()))));
            // The secrets were really stored: they come back through the repositories.
            assertThat(database.configRepository().load().providers().get(0).apiKey())
                    .contains(apiKey);
            assertThat(database.accessKeyRepository().findByKey(accessKey)).isPresent();
        }

        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String canary : List.of(apiKey, headerValue, accessKey)) {
                assertThat(content).as(file.toString()).doesNotContain(canary);
            }
            // UTF-16 is how a Java string would look if H2 ever stored one as raw chars.
            String utf16 = new String(Files.readAllBytes(file), StandardCharsets.UTF_16BE);
            assertThat(utf16).as(file + " as UTF-16").doesNotContain(apiKey, accessKey);
        }
    }
}
