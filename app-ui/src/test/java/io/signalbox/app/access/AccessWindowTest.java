package io.signalbox.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.SignalboxApp;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.AccessKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
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
 * The Access screen in the real app on a running proxy and store, driven with the mouse and keys: a
 * key created here is listed, stored only as its hash, works at once, and stops working when
 * revoked; a key with a small daily limit is refused once its tokens pass it.
 */
@ExtendWith(ApplicationExtension.class)
class AccessWindowTest {

    @TempDir static Path temp;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TokenUpstream upstream;
    private SignalboxRuntime runtime;
    private boolean closed;

    @Start
    void start(Stage stage) throws Exception {
        upstream = new TokenUpstream();
        Path config = temp.resolve("config-" + System.nanoTime() + ".json");
        Files.writeString(
                config,
                """
                { "providers": [ { "name": "local", "baseUrl": "%s", "models": ["m"] } ],
                  "routes": [ { "name": "chat", "targets": [ { "provider": "local", "model": "m" } ] },
                              { "name": "code", "targets": [ { "provider": "local", "model": "m" } ] } ] }
                """
                        .formatted(upstream.baseUrl()));
        runtime = RunningApp.runtime(temp, config);
        SignalboxApp.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        if (!closed) {
            runtime.close();
        }
        upstream.close();
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Creates a key through the editor and returns the value the screen shows once. */
    private String createKey(FxRobot robot, String name, String route, String limit)
            throws Exception {
        robot.clickOn("#nav-access");
        robot.clickOn("#new-key");
        robot.clickOn("#key-name").write(name);
        if (route != null) {
            robot.clickOn("#route-choice-" + route);
        }
        if (limit != null) {
            robot.clickOn("#key-limited");
            robot.clickOn("#key-limit").write(limit);
        }
        robot.clickOn("#save-key");
        until(() -> robot.lookup("#new-key-pane").query().isVisible());
        return robot.lookup("#new-key-value").queryAs(TextField.class).getText();
    }

    private HttpResponse<String> chat(String key) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(runtime.proxy().baseUrl() + "/chat/completions"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key)
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every statement of an H2 dump of the running database (it shares the open database). */
    private List<String> databaseDump() throws Exception {
        String url =
                "jdbc:h2:file:"
                        + runtime.database().dataDir().resolve("signalbox")
                        + ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        List<String> dump = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "signalbox", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SCRIPT")) {
            while (rows.next()) {
                dump.add(rows.getString(1));
            }
        }
        return dump;
    }

    private static List<String> shownTexts(Node node) {
        List<String> texts = new ArrayList<>();
        collectTexts(node, texts);
        return texts;
    }

    private static void collectTexts(Node node, List<String> texts) {
        if (node instanceof Text text && text.getText() != null) {
            texts.add(text.getText());
        }
        if (node instanceof TextInputControl field && field.getText() != null) {
            texts.add(field.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectTexts(child, texts));
        }
    }

    @Test
    void aCreatedKeyIsListedShownOnceAndStoredOnlyAsItsHash(FxRobot robot) throws Exception {
        String key = createKey(robot, "alice", "chat", null);

        assertThat(key).startsWith(AccessKeys.KEY_PREFIX);
        assertThat(robot.lookup("#key-alice").tryQuery()).isPresent();
        robot.clickOn("#copy-new-key");
        String copied =
                WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                        .get(10, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(key);
        assertThat(chat(key).statusCode()).as("the key works at once").isEqualTo(200);

        robot.clickOn("#dismiss-new-key");
        WaitForAsyncUtils.waitForFxEvents();
        Node screen = robot.lookup("#access-screen").query();
        assertThat(WaitForAsyncUtils.asyncFx(() -> shownTexts(screen)).get())
                .as("the key is gone from the window; its prefix stays")
                .noneMatch(text -> text.contains(key))
                .anyMatch(text -> text.equals(key.substring(0, 10) + "…"));

        List<String> dump = databaseDump();
        assertThat(dump).noneMatch(line -> line.contains(key));
        assertThat(dump).anyMatch(line -> line.contains(AccessKeys.hash(key)));

        // Nothing in the data dir's files, not even in H2's free pages or the logs.
        runtime.close();
        closed = true;
        try (Stream<Path> files = Files.walk(runtime.dataDir().root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString())
                        .doesNotContain(key);
            }
        }
    }

    @Test
    void anUntouchedNameIsNotCalledAMistakeButAnErasedOneIs(FxRobot robot) throws Exception {
        robot.clickOn("#nav-access");
        robot.clickOn("#new-key");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#key-name-problem").query().isVisible()).isFalse();
        assertThat(robot.lookup("#save-key").queryButton().isDisabled()).isTrue();

        robot.clickOn("#key-name").write("a").eraseText(1);
        until(() -> robot.lookup("#key-name-problem").query().isVisible());
        assertThat(robot.lookup("#key-name-problem").queryLabeled().getText())
                .startsWith("Give the key a name");
    }

    @Test
    void aRevokedKeyGets401FromItsNextRequest(FxRobot robot) throws Exception {
        // Two keys: with none left, a loopback proxy needs no key at all (CONTRACT section 3).
        createKey(robot, "alice", null, null);
        robot.clickOn("#dismiss-new-key");
        String key = createKey(robot, "bob", null, null);
        robot.clickOn("#dismiss-new-key");
        assertThat(chat(key).statusCode()).isEqualTo(200);

        robot.clickOn("#key-bob");
        robot.clickOn("#revoke-key");
        until(() -> robot.lookup("#revoke-bar").query().isVisible());
        robot.clickOn("#confirm-revoke");
        until(() -> robot.lookup("#key-bob").tryQuery().isEmpty());

        HttpResponse<String> refused = chat(key);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid_api_key");
        assertThat(runtime.database().accessKeyRepository().findByKey(key)).isEmpty();
        assertThat(robot.lookup("#access-notice").queryAs(Label.class).getText())
                .contains("Revoked 'bob'");
    }

    @Test
    void aKeyWithASmallDailyLimitIsRefusedOnceTheReportedTokensPassIt(FxRobot robot)
            throws Exception {
        // 30 tokens a call: the first two pass (0, then 30 of 50 used), the third finds 60.
        String key = createKey(robot, "capped", null, "50");
        robot.clickOn("#dismiss-new-key");

        assertThat(chat(key).statusCode()).isEqualTo(200);
        until(() -> runtime.proxy().keyTokensToday().usedToday("capped") == 30);
        HttpResponse<String> second = chat(key);
        until(() -> runtime.proxy().keyTokensToday().usedToday("capped") == 60);
        HttpResponse<String> third = chat(key);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("x-signalbox-key-tokens-remaining"))
                .as("30 of 50 used: below 80%")
                .isEmpty();
        assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
        assertThat(third.body()).contains("daily_token_limit_reached", "daily limit of 50 tokens");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(upstream.calls.get()).as("the refused call never reached it").isEqualTo(2);
        // The screen reads the request log every few seconds and says the limit is reached.
        until(
                () ->
                        robot.lookup("#limit-notices .label").queryAllAs(Label.class).stream()
                                .anyMatch(
                                        label ->
                                                label.getText()
                                                        .startsWith(
                                                                "'capped' reached its daily limit (60 of 50")));
    }
}
