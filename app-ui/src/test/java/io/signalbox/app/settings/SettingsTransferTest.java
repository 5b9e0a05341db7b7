package io.signalbox.app.settings;

import static io.signalbox.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.Theme;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.config.ProviderConfig;
import io.signalbox.persistence.config.RouteConfig;
import io.signalbox.persistence.config.SignalboxConfig;
import io.signalbox.persistence.config.TargetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Export then import through the Settings screen's buttons, on a real runtime and real files; only
 * the native file dialog is replaced by a fixed path (Monocle cannot show one).
 */
@ExtendWith(ApplicationExtension.class)
class SettingsTransferTest {

    @TempDir static Path temp;

    private SignalboxRuntime runtime;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        runtime = RunningApp.runtime(temp);
        file = temp.resolve("config-" + System.nanoTime() + ".json");
        SettingsView.Files fixed =
                new SettingsView.Files() {
                    @Override
                    public Optional<Path> exportTo(Window owner) {
                        return Optional.of(file);
                    }

                    @Override
                    public Optional<Path> importFrom(Window owner) {
                        return Optional.of(file);
                    }
                };
        Scene scene =
                new Scene(
                        (javafx.scene.Parent)
                                SettingsScreen.create(
                                        runtime,
                                        new SimpleObjectProperty<>(Theme.LIGHT),
                                        () -> {},
                                        fixed,
                                        Optional.empty()),
                        1000,
                        700);
        scene.getStylesheets()
                .add(getClass().getResource("/io/signalbox/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void exportThenImportRoundTripsTheConfiguration(FxRobot robot) throws Exception {
        SignalboxConfig original =
                runtime.config()
                        .replace(
                                new SignalboxConfig(
                                        List.of(
                                                new ProviderConfig(
                                                        "groq",
                                                        ProviderConfig.TYPE_OPENAI,
                                                        "https://api.groq.com/openai/v1",
                                                        Optional.of("gsk-secret-9"),
                                                        Map.of("X-Team", "ml"),
                                                        List.of("llama-3.1-8b-instant"),
                                                        true)),
                                        List.of(
                                                new RouteConfig(
                                                        "chat",
                                                        true,
                                                        List.of(
                                                                new TargetConfig(
                                                                        "groq",
                                                                        "llama-3.1-8b-instant",
                                                                        100,
                                                                        true)),
                                                        List.of(),
                                                        30)),
                                        List.of()));
        robot.clickOn("#settings-include-secrets");
        robot.clickOn("#settings-export");
        until(() -> Files.exists(file) && Files.readString(file).contains("gsk-secret-9"));

        runtime.config().replace(SignalboxConfig.empty());
        assertThat(runtime.config().current().providers()).isEmpty();

        robot.clickOn("#settings-import");
        until(() -> runtime.config().current().equals(original));
        assertThat(runtime.proxy().routingTable().routes()).hasSize(1);
        until(
                () ->
                        robot.lookup("#transfer-notice")
                                .queryLabeled()
                                .getText()
                                .startsWith("Imported"));
    }
}
