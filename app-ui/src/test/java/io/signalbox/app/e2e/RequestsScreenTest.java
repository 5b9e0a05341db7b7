package io.signalbox.app.e2e;

import static io.signalbox.app.e2e.ProxyCalls.chat;
import static io.signalbox.app.e2e.ProxyCalls.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.app.shell.SignalboxApp;
import io.signalbox.app.ui.RunningApp;
import io.signalbox.persistence.RequestRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Requests screen in the real app, fed by real calls through the proxy. */
@ExtendWith(ApplicationExtension.class)
class RequestsScreenTest {

    @TempDir static Path temp;

    private TinyUpstream upstream;
    private TinyUpstream limited;
    private SignalboxRuntime runtime;

    @Start
    void start(Stage stage) throws Exception {
        upstream = TinyUpstream.serving();
        limited = TinyUpstream.rateLimited();
        runtime = RunningApp.runtime(temp, ProxyCalls.config(temp, upstream, limited));
        SignalboxApp.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        runtime.close();
        upstream.close();
        limited.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<RequestRecord> table(FxRobot robot) {
        return robot.lookup("#requests-table").queryAs(TableView.class);
    }

    /**
     * Clicks the visible row that shows {@code request}. A plain lookup of row cells may find the
     * table's hidden measuring cell or a recycled one first.
     */
    private static void clickRow(FxRobot robot, RequestRecord request) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(); // the row is drawn on the next pulse
        waitUntil(() -> visibleRow(robot, request).isPresent());
        robot.clickOn(visibleRow(robot, request).get());
        waitUntil(() -> table(robot).getSelectionModel().getSelectedItem() == request);
    }

    private static Optional<TableRow<RequestRecord>> visibleRow(
            FxRobot robot, RequestRecord request) {
        return robot.lookup("#requests-table .table-row-cell")
                .match(
                        (TableRow<RequestRecord> row) ->
                                row.isVisible() && request.equals(row.getItem()))
                .tryQuery();
    }

    /** The texts of the labels inside a node, in order. */
    private static List<String> texts(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return robot.from(node).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
    }

    @Test
    void aFallbackShowsBothAttemptsAndWhyTheFirstFailed(FxRobot robot) throws Exception {
        assertThat(chat(runtime.proxy().baseUrl(), "safe", false)).isEqualTo(200);
        robot.clickOn("#nav-requests");
        waitUntil(() -> table(robot).getItems().size() == 1);
        RequestRecord request = table(robot).getItems().get(0);
        assertThat(request.route()).isEqualTo("safe");
        assertThat(request.attemptCount()).isEqualTo(2);

        clickRow(robot, request);

        assertThat(robot.lookup("#trace-verdict").queryAs(Label.class).getText())
                .isEqualTo(
                        "Fallback used: served by local / model-a (fallback 1) after 1 failed"
                                + " attempt.");
        assertThat(texts(robot, "#trace-step-1"))
                .contains("1", "busy / model-r", "target", "rate limited (HTTP 429)");
        assertThat(texts(robot, "#trace-step-2"))
                .contains("2", "local / model-a", "fallback 1", "answered (HTTP 200)");
        assertThat(robot.lookup("#trace-step-2").query().getStyleClass())
                .contains("trace-step-served");
        assertThat(texts(robot, "#trace-facts")).contains("Request id", request.id(), "safe");
    }

    @Test
    void newRequestsWaitWhileTheUserReadsAndTheButtonBringsThemIn(FxRobot robot) throws Exception {
        String proxy = runtime.proxy().baseUrl();
        robot.clickOn("#nav-requests");
        waitUntil(() -> robot.lookup("#requests-first-request").query().isVisible());

        assertThat(chat(proxy, "chat", false)).isEqualTo(200);
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(robot.lookup("#requests-first-request").query().isVisible()).isFalse();
        WaitForAsyncUtils.waitForFxEvents(); // the row is drawn on the next pulse
        clickRow(robot, table(robot).getItems().get(0));
        assertThat(robot.lookup("#requests-live").queryAs(Label.class).getText())
                .isEqualTo("Paused");

        assertThat(chat(proxy, "chat", true)).isEqualTo(200);
        waitUntil(() -> robot.lookup("#requests-new").query().isVisible());
        assertThat(robot.lookup("#requests-new").queryAs(Button.class).getText())
                .isEqualTo("1 new request");
        assertThat(table(robot).getItems()).hasSize(1); // nothing moved under the reader

        robot.clickOn("#requests-new");
        assertThat(table(robot).getItems()).hasSize(2);
        assertThat(table(robot).getItems().get(0).stream()).isTrue(); // the newest on top
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isNull();
        assertThat(robot.lookup("#requests-live").queryAs(Label.class).getText()).isEqualTo("Live");

        assertThat(chat(proxy, "chat", false)).isEqualTo(200);
        waitUntil(() -> table(robot).getItems().size() == 3); // live again: no button needed
        assertThat(robot.lookup("#requests-new").query().isVisible()).isFalse();
    }
}
