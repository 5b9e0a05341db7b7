package io.signalbox.app.e2e;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;

/**
 * Scrolls the scroll pane around a node until the node is in view, as a person scrolls before
 * clicking: the route editor is taller than the app's default 720 px window once targets carry
 * conditions, limits and canary controls, and TestFX does not scroll by itself.
 */
final class Reveal {

    private Reveal() {}

    static void node(FxRobot robot, Node node) {
        robot.interact(() -> scrollTo(node));
    }

    private static void scrollTo(Node node) {
        ScrollPane pane = enclosingScrollPane(node);
        if (pane == null) {
            return;
        }
        Node content = pane.getContent();
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewHeight = pane.getViewportBounds().getHeight();
        double scrollable = content.getLayoutBounds().getHeight() - viewHeight;
        if (scrollable <= 0) {
            return;
        }
        double top = pane.getVvalue() * scrollable;
        if (bounds.getMaxY() > top + viewHeight) {
            top = bounds.getMaxY() - viewHeight;
        }
        if (bounds.getMinY() < top) {
            top = bounds.getMinY();
        }
        pane.setVvalue(Math.max(0, Math.min(1, top / scrollable)));
        pane.layout();
    }

    private static ScrollPane enclosingScrollPane(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrollPane pane) {
                return pane;
            }
        }
        return null;
    }
}
