package io.signalbox.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.Theme;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.SettingsRepository;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Settings view model on a real runtime (temp data dir, port 0), with work run inline. */
class SettingsViewModelTest {

    private static final String VALID =
            """
            {"version": 1,
             "providers": [{"name": "lab", "type": "openai", "baseUrl": "http://127.0.0.1:9/v1",
                            "apiKey": "sk-lab-imported", "models": ["m1"]}],
             "routes": [{"name": "chat", "targets": [{"provider": "lab", "model": "m1"}]}]}
            """;

    private static final String INVALID =
            """
            {"version": 1,
             "providers": [{"name": "bad name!", "type": "openai", "baseUrl": "http://x/v1"}],
             "routes": [{"name": "chat",
                         "targets": [{"provider": "nope", "model": "m", "weight": 5000}]}]}
            """;

    @TempDir Path temp;

    private SignalboxRuntime runtime;
    private SettingsViewModel model;
    private final List<Path> opened = new ArrayList<>();
    private int statusReads;

    @BeforeEach
    void start() throws Exception {
        runtime = RunningApp.runtime(temp);
        model =
                new SettingsViewModel(
                        runtime.proxyControl(),
                        settings(),
                        runtime.config(),
                        () -> runtime.database().accessKeyRepository().count(),
                        runtime.dataDir().root(),
                        opened::add,
                        new ImmediateWork(),
                        () -> statusReads++,
                        new SimpleObjectProperty<>(Theme.LIGHT));
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private SettingsRepository settings() {
        return runtime.database().settingsRepository();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0,false",
        "65536,false",
        "-1,false",
        "abc,false",
        "'',false",
        "1,true",
        "65535,true"
    })
    void acceptsPortsFromOneTo65535(String text, boolean ok) {
        assertThat(SettingsViewModel.checkPort(text).ok()).isEqualTo(ok);
    }

    @Test
    void refusesABadPortWithTheReasonAndKeepsTheProxy() {
        String before = runtime.proxy().baseUrl();
        model.portProperty().set("70000");
        model.applyAddress();
        assertThat(model.addressErrorProperty().get()).contains("1 to 65535");
        assertThat(runtime.proxy().baseUrl()).isEqualTo(before);
        assertThat(settings().get(SignalboxRuntime.PORT_SETTING)).isEmpty();
    }

    @Test
    void refusesLanWithoutAnAccessKeyAndSaysWhy() throws Exception {
        String before = runtime.proxy().baseUrl();
        model.portProperty().set(Integer.toString(freePort()));
        model.lanProperty().set(true);
        model.applyAddress();
        assertThat(model.addressErrorProperty().get())
                .contains("no access key")
                .contains("anyone on the network could use your providers' keys");
        assertThat(runtime.proxy().baseUrl()).isEqualTo(before);
        assertThat(runtime.proxy().isRunning()).isTrue();
        assertThat(settings().get(SignalboxRuntime.BIND_SETTING)).isEmpty();
    }

    @Test
    void appliesANewPortSavesItAndTellsTheStatusBar() throws Exception {
        int port = freePort();
        int readsBefore = statusReads;
        model.portProperty().set(Integer.toString(port));
        model.applyAddress();
        assertThat(model.addressErrorProperty().get()).isEmpty();
        assertThat(runtime.proxy().port()).isEqualTo(port);
        assertThat(model.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:" + port + "/v1");
        assertThat(settings().get(SignalboxRuntime.PORT_SETTING)).contains(Integer.toString(port));
        assertThat(settings().get(SignalboxRuntime.BIND_SETTING)).contains("127.0.0.1");
        assertThat(statusReads).isGreaterThan(readsBefore);
    }

    @Test
    void stopsAndStartsTheProxyOnTheSamePort() {
        int port = runtime.proxy().port();
        model.stopProxy();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(runtime.proxy().isRunning()).isFalse();
        model.startProxy();
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(runtime.proxy().port()).isEqualTo(port);
    }

    @Test
    void keepsTheStartOnLaunchChoice() {
        assertThat(model.startOnLaunchProperty().get()).isTrue();
        model.startOnLaunchProperty().set(false);
        assertThat(settings().get(SignalboxRuntime.START_ON_LAUNCH_SETTING)).contains("false");
    }

    @Test
    void opensTheDataFolder() {
        model.openDataFolder();
        assertThat(opened).containsExactly(runtime.dataDir().root());
        assertThat(model.folderErrorProperty().get()).isEmpty();
    }

    private void givenProviderWithKey() throws Exception {
        runtime.config()
                .replace(
                        new SignalboxConfig(
                                List.of(
                                        new ProviderConfig(
                                                "openrouter",
                                                ProviderConfig.TYPE_OPENAI,
                                                "https://openrouter.ai/api/v1",
                                                Optional.of("sk-or-secret-42"),
                                                Map.of(),
                                                List.of("gpt-4o-mini"),
                                                true)),
                                List.of(
                                        new RouteConfig(
                                                "chat",
                                                true,
                                                List.of(
                                                        new TargetConfig(
                                                                "openrouter",
                                                                "gpt-4o-mini",
                                                                100,
                                                                true)),
                                                List.of(),
                                                60)),
                                List.of()));
    }

    @Test
    void exportsWithoutProviderKeysUnlessAsked() throws Exception {
        givenProviderWithKey();
        Path plain = temp.resolve("plain.json");
        model.exportTo(plain);
        assertThat(Files.readString(plain))
                .contains("\"openrouter\"")
                .contains("\"chat\"")
                .doesNotContain("sk-or-secret-42");
        assertThat(model.transferNoticeProperty().get()).contains("without keys");

        Path withKeys = temp.resolve("with-keys.json");
        model.includeSecretsProperty().set(true);
        model.exportTo(withKeys);
        assertThat(Files.readString(withKeys)).contains("sk-or-secret-42");
    }

    @Test
    void importsAValidFile() throws Exception {
        Path file = temp.resolve("valid.json");
        Files.writeString(file, VALID, StandardCharsets.UTF_8);
        model.importFrom(file);
        assertThat(model.transferProblems()).isEmpty();
        assertThat(model.transferNoticeProperty().get()).contains("1 provider, 1 route");
        assertThat(runtime.config().current().providers())
                .extracting(ProviderConfig::name)
                .containsExactly("lab");
        assertThat(runtime.proxy().routingTable().routes()).hasSize(1);
    }

    @Test
    void rejectsAnInvalidFileNamingEachProblemAndChangesNothing() throws Exception {
        givenProviderWithKey();
        SignalboxConfig before = runtime.config().current();
        Path file = temp.resolve("invalid.json");
        Files.writeString(file, INVALID, StandardCharsets.UTF_8);
        model.importFrom(file);
        assertThat(model.transferProblems())
                .anySatisfy(problem -> assertThat(problem).startsWith("providers[0].name: "))
                .anySatisfy(
                        problem -> assertThat(problem).startsWith("routes[0].targets[0].weight: "));
        assertThat(model.transferNoticeProperty().get()).isEmpty();
        assertThat(runtime.config().current()).isEqualTo(before);
    }

    @Test
    void reportsAFileThatCannotBeRead() {
        model.importFrom(temp.resolve("missing.json"));
        assertThat(model.transferProblems()).singleElement().asString().contains("Could not read");
    }
}
