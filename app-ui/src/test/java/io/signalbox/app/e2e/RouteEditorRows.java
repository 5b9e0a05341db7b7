package io.signalbox.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.persistence.config.RouteConfig;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the route editor's window tests share: opening a route from the list, finding a target's row
 * by its model, reading the shares, and the route as the running app stored it.
 */
final class RouteEditorRows {

    private RouteEditorRows() {}

    /** The route as the running app's configuration holds it now. */
    static RouteConfig storedRoute(SignalboxRuntime runtime, String name) {
        return runtime.config().current().routes().stream()
                .filter(route -> route.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Double-clicks the route in the list, as a person opens it, and checks the editor shows. */
    static void open(FxRobot robot, String route) {
        robot.doubleClickOn("#route-" + route);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#route-editor").tryQuery()).isPresent();
    }

    /** The editor's row of the target with this model. */
    static Node targetRow(FxRobot robot, String model) {
        return robot.lookup(".target-row")
                .match(
                        (Node row) ->
                                robot.from(row)
                                        .lookup(".model-name")
                                        .queryAs(Label.class)
                                        .getText()
                                        .equals(model))
                .query();
    }

    /** Every target's share text, in list order. */
    static List<String> shares(FxRobot robot) {
        return robot.lookup("#target-list .target-share").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
    }
}
