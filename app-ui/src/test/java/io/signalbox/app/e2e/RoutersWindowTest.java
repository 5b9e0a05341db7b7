package io.signalbox.app.e2e;

import static io.signalbox.app.ui.FxWait.onFx;
import static io.signalbox.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.SignalboxApp;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.config.AccessKeyConfig;
import io.signalbox.persistence.config.RouterConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Routers in the real app (ADR 0013): made, renamed and switched in the Routers panel, given a
 * route in the route editor, a key limited to one in the Access screen, each checked in the store
 * and with real calls to the router's endpoint.
 */
@ExtendWith(ApplicationExtension.class)
class RoutersWindowTest {

    @TempDir static Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private TinyUpstream upstream;
    private SignalboxRuntime runtime;

    @Start
    void start(Stage stage) throws Exception {
        upstream = TinyUpstream.serving();
        Path config = temp.resolve("config-" + System.nanoTime() + ".json");
        Files.writeString(
                config,
                """
                { "version": 1,
                  "providers": [ { "name": "local", "baseUrl": "%s", "models": ["model-a"] } ],
                  "routes": [
                    { "name": "chat", "targets": [ { "provider": "local", "model": "model-a" } ] },
                    { "name": "embed", "targets": [ { "provider": "local", "model": "model-a" } ] } ],
                  "routers": [ { "slug": "lab", "active": true, "routes": ["embed"] } ] }
                """
                        .formatted(upstream.baseUrl()));
        runtime = RunningApp.runtime(temp, config);
        SignalboxApp.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        runtime.close();
        upstream.close();
    }

    private Optional<RouterConfig> stored(String slug) {
        return runtime.config().current().routers().stream()
                .filter(router -> router.slug().equals(slug))
                .findFirst();
    }

    private String root() {
        String base = runtime.proxy().baseUrl();
        return base.substring(0, base.length() - "/v1".length());
    }

    private HttpResponse<String> chat(String url, String model, String key) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url + "/chat/completions"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"
                                                .formatted(model)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRouterMadeInThePanelServesTheRoutePickedInTheEditor(FxRobot robot) throws Exception {
        robot.clickOn("#nav-routes");
        robot.clickOn("#add-router");
        until(() -> stored("router").isPresent());

        robot.doubleClickOn("#router-slug-router").write("team-a").type(KeyCode.ENTER);
        until(() -> stored("team-a").isPresent());
        assertThat(stored("router")).isEmpty();
        until(() -> robot.lookup("#router-url-team-a").tryQuery().isPresent());
        String url = root() + "/router/team-a/v1";
        assertThat(robot.lookup("#router-url-team-a").queryAs(TextField.class).getText())
                .isEqualTo(url);
        robot.clickOn("#copy-router-url-team-a");
        assertThat(
                        WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                                .get(10, TimeUnit.SECONDS))
                .isEqualTo(url);
        assertThat(chat(url, "chat", null).statusCode())
                .as("the new router serves no route yet")
                .isEqualTo(404);

        robot.doubleClickOn("#route-chat");
        until(() -> robot.lookup("#router-chip-team-a").tryQuery().isPresent());
        assertThat(robot.lookup("#router-chip-lab").queryAs(ToggleButton.class).isSelected())
                .isFalse();
        robot.clickOn("#router-chip-team-a");
        assertThat(robot.lookup("#unsaved-changes").query().isVisible()).isTrue();
        robot.clickOn("#save-route");
        until(() -> stored("team-a").orElseThrow().routes().equals(List.of("chat")));
        assertThat(stored("lab").orElseThrow().routes()).containsExactly("embed");

        HttpResponse<String> served = chat(url, "chat", null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("x-signalbox-router")).contains("team-a");
        assertThat(chat(url, "embed", null).statusCode()).isEqualTo(404);

        until(() -> robot.lookup("#router-active-team-a").tryQuery().isPresent());
        robot.clickOn("#router-active-team-a");
        until(() -> !stored("team-a").orElseThrow().active());
        HttpResponse<String> off = chat(url, "chat", null);
        assertThat(off.statusCode()).isEqualTo(404);
        assertThat(off.body()).contains("router_not_found");
    }

    @Test
    void aBadSlugIsRefusedWithAMessageAndChangesNothing(FxRobot robot) throws Exception {
        robot.clickOn("#nav-routes");
        robot.doubleClickOn("#router-slug-lab").write("Lab A").type(KeyCode.ENTER);

        until(() -> robot.lookup("#routers-message").query().isVisible());
        assertThat(stored("lab")).isPresent();
        assertThat(runtime.config().current().routers()).hasSize(1);
    }

    @Test
    void aKeyLimitedToARouterMayCallOnlyThatRouter(FxRobot robot) throws Exception {
        robot.clickOn("#nav-access");
        robot.clickOn("#new-key");
        robot.clickOn("#key-name").write("team");
        robot.clickOn("#router-choice-lab");
        assertThat(
                        onFx(
                                () ->
                                        robot.lookup("#router-choice-lab")
                                                .queryAs(CheckBox.class)
                                                .isSelected()))
                .isTrue();
        robot.clickOn("#save-key");
        until(() -> robot.lookup("#new-key-pane").query().isVisible());
        String key = robot.lookup("#new-key-value").queryAs(TextField.class).getText();

        AccessKeyConfig team = runtime.config().current().accessKeys().get(0);
        assertThat(team.routers()).containsExactly("lab");
        HttpResponse<String> onDefault = chat(runtime.proxy().baseUrl(), "embed", key);
        assertThat(onDefault.statusCode()).isEqualTo(403);
        assertThat(onDefault.body()).contains("router_not_allowed");
        assertThat(chat(root() + "/router/lab/v1", "embed", key).statusCode()).isEqualTo(200);
    }
}
