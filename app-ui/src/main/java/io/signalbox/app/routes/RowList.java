package io.signalbox.app.routes;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A drop zone holding an ordered list of rows, with the drop indicators: an insertion line in the
 * gap where a drop lands, or a highlighted row when a drop replaces that row's model. Rows are made
 * once per item and reused, so reordering keeps a row's focus and a slider's state.
 */
final class RowList<T> extends VBox {

    private final VBox rows = new VBox(6);
    private final Region line = new Region();
    private final Label placeholder;
    private final Map<T, Node> made = new IdentityHashMap<>();
    private final Function<T, Node> rowFactory;

    RowList(String id, String emptyText, Function<T, Node> rowFactory) {
        this.rowFactory = rowFactory;
        setId(id);
        getStyleClass().add(RouteStyles.DROP_ZONE);
        line.getStyleClass().add(RouteStyles.DROP_LINE);
        line.setManaged(false);
        line.setVisible(false);
        line.setMouseTransparent(true);
        placeholder = new Label(emptyText);
        placeholder.getStyleClass().add(RouteStyles.EMPTY_LIST);
        placeholder.setMaxWidth(Double.MAX_VALUE);
        placeholder.setWrapText(true);
        getChildren().addAll(rows, placeholder);
    }

    /**
     * Shows {@code items} in order; rows of items that left the list are dropped. When the row that
     * had the keyboard focus goes, its neighbour takes the focus (or the list itself), so the keys
     * keep working after a Delete.
     */
    void show(List<T> items) {
        int lostFocusAt = focusedRowLeaving(items);
        made.keySet().retainAll(new java.util.HashSet<>(items));
        List<Node> nodes =
                items.stream().map(item -> made.computeIfAbsent(item, rowFactory)).toList();
        rows.getChildren().setAll(nodes);
        rows.getChildren().add(line);
        placeholder.setVisible(items.isEmpty());
        placeholder.setManaged(items.isEmpty());
        if (lostFocusAt >= 0) {
            Node next = items.isEmpty() ? this : nodes.get(Math.min(lostFocusAt, nodes.size() - 1));
            next.requestFocus();
        }
    }

    private int focusedRowLeaving(List<T> items) {
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        for (Map.Entry<T, Node> entry : made.entrySet()) {
            if (!items.contains(entry.getKey()) && isWithin(focused, entry.getValue())) {
                return rows.getChildren().indexOf(entry.getValue());
            }
        }
        return -1;
    }

    private static boolean isWithin(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    Node rowOf(T item) {
        return made.get(item);
    }

    private int rowCount() {
        return rows.getChildren().size() - 1;
    }

    /**
     * The gap (0..rows) nearest to a point of the scene: before the first row whose middle is
     * below.
     */
    int gapAt(double sceneX, double sceneY) {
        Point2D local = rows.sceneToLocal(sceneX, sceneY);
        for (int i = 0; i < rowCount(); i++) {
            Node row = rows.getChildren().get(i);
            double middle =
                    row.getBoundsInParent().getMinY() + row.getBoundsInParent().getHeight() / 2;
            if (local.getY() < middle) {
                return i;
            }
        }
        return rowCount();
    }

    /**
     * The row whose middle band (not its top and bottom thirds) holds the point, or -1: a drop
     * there replaces the row's model, one near its edge goes into the gap.
     */
    int rowCentreAt(double sceneX, double sceneY) {
        Point2D local = rows.sceneToLocal(sceneX, sceneY);
        for (int i = 0; i < rowCount(); i++) {
            var bounds = rows.getChildren().get(i).getBoundsInParent();
            double band = bounds.getHeight() / 3;
            if (local.getY() > bounds.getMinY() + band && local.getY() < bounds.getMaxY() - band) {
                return i;
            }
        }
        return -1;
    }

    void showLine(int gap) {
        clearIndicators();
        pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass(RouteStyles.DROP_ACTIVE), true);
        int count = rowCount();
        if (count == 0) {
            return;
        }
        double y =
                gap < count
                        ? rows.getChildren().get(gap).getBoundsInParent().getMinY()
                                - rows.getSpacing() / 2
                        : rows.getChildren().get(count - 1).getBoundsInParent().getMaxY()
                                + rows.getSpacing() / 2;
        line.resizeRelocate(0, Math.max(0, y - 1.5), rows.getWidth(), 3);
        line.setVisible(true);
    }

    void highlightRow(int index) {
        clearIndicators();
        pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass(RouteStyles.DROP_ACTIVE), true);
        rows.getChildren().get(index).getStyleClass().add(RouteStyles.REPOINT);
    }

    void clearIndicators() {
        pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass(RouteStyles.DROP_ACTIVE), false);
        line.setVisible(false);
        rows.getChildren().forEach(row -> row.getStyleClass().remove(RouteStyles.REPOINT));
    }

    boolean isLineVisible() {
        return line.isVisible();
    }
}
