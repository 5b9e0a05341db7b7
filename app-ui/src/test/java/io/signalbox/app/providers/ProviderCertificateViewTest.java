package io.signalbox.app.providers;

import static io.signalbox.app.providers.Fixture.provider;
import static io.signalbox.app.ui.FxWait.onFx;
import static io.signalbox.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * The provider editor's certificate row (headless Monocle, real store): "Add certificate…" asks for
 * a file with the window as owner, shows whom the certificate names and until when, and Save stores
 * it. The file dialog itself is the platform's; here it is a chooser returning a file.
 */
@ExtendWith(ApplicationExtension.class)
class ProviderCertificateViewTest {

    @TempDir Path temp;

    private Fixture fixture;
    private final AtomicReference<Path> chosen = new AtomicReference<>();
    private final AtomicReference<Window> askedWith = new AtomicReference<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = new Fixture(temp.resolve("data"), InlineWork.immediate());
        fixture.store(
                List.of(provider("gpu-box", "https://gpu-box-one.lan:8443/v1", "qwen")), List.of());
        ProviderEditorViewModel model =
                new ProviderEditorViewModel(
                        fixture.services,
                        Optional.of(fixture.stored("gpu-box")),
                        (old, name, stored) -> {});
        CertificateFiles files =
                owner -> {
                    askedWith.set(owner);
                    return Optional.ofNullable(chosen.get());
                };
        stage.setScene(
                new Scene(
                        (javafx.scene.Parent)
                                new ProviderEditorView(model, () -> {}, files).build(),
                        900,
                        700));
        stage.show();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void anAddedCertificateIsShownAndSavedAndCanBeRemoved(FxRobot robot) throws Exception {
        assertThat(text(robot, "#certificate-summary"))
                .isEqualTo("None: only certificates of public authorities are trusted");
        assertThat(onFx(() -> robot.lookup("#remove-certificate").queryButton().isDisabled()))
                .isTrue();
        Path pem = temp.resolve("gpu-box.pem");
        Files.writeString(pem, ProviderCertificateTest.pem("self-signed.pem"));
        chosen.set(pem);

        robot.clickOn("#add-certificate");

        until(() -> text(robot, "#certificate-summary").startsWith("CN=gpu-box-one.lan"));
        assertThat(text(robot, "#certificate-summary")).endsWith("valid until 2035-12-30");
        assertThat(askedWith.get()).isSameAs(stage);
        robot.clickOn("#save-provider");
        until(() -> fixture.stored("gpu-box").trustedCertificate().isPresent());

        robot.clickOn("#remove-certificate");
        until(
                () ->
                        text(robot, "#certificate-summary").startsWith("None")
                                && !robot.lookup("#save-provider")
                                        .queryAs(Button.class)
                                        .isDisabled());
        robot.clickOn("#save-provider");
        until(() -> fixture.stored("gpu-box").trustedCertificate().isEmpty());
    }

    @Test
    void aFileThatIsNoCertificateIsReportedBesideTheRow(FxRobot robot) throws Exception {
        chosen.set(Files.writeString(temp.resolve("notes.txt"), "hello"));

        robot.clickOn("#add-certificate");

        until(() -> robot.lookup("#error-certificate").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#error-certificate")).startsWith("This file is not a certificate");
        assertThat(text(robot, "#certificate-summary")).startsWith("None");
    }
}
