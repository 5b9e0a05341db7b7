package io.signalbox.app.routes;

import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.paint.Color;

/**
 * The editor's drag and drop, on JavaFX's own drag-and-drop API: a palette model, a target row or a
 * fallback row is dragged; the targets list, the fallbacks list and the rest of the editor (drag
 * out to remove) take the drop. What is dragged is kept here, in-process; the dragboard carries the
 * model's name as text, so a drop into another program pastes {@code provider / model}.
 */
final class EditorDragAndDrop {

    enum Source {
        PALETTE,
        TARGET,
        FALLBACK
    }

    /** What is being dragged: a model, and for a row its index when the drag began. */
    record Payload(Source source, ModelRef model, int index) {}

    private final RouteEditorViewModel model;
    private final BooleanProperty rowDragging = new SimpleBooleanProperty();
    private Payload current;

    EditorDragAndDrop(RouteEditorViewModel model) {
        this.model = model;
    }

    /** True while a target or fallback row is dragged: the palette then shows it can remove it. */
    BooleanProperty rowDraggingProperty() {
        return rowDragging;
    }

    /** Makes {@code handle} start a drag of what {@code payload} gives (null: nothing to drag). */
    void dragSource(Node handle, Supplier<Payload> payload, Node image) {
        handle.setOnDragDetected(
                event -> {
                    Payload dragged = payload.get();
                    if (dragged == null) {
                        return;
                    }
                    current = dragged;
                    Dragboard board =
                            handle.startDragAndDrop(
                                    dragged.source() == Source.PALETTE
                                            ? TransferMode.COPY
                                            : TransferMode.MOVE);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(dragged.model().label());
                    board.setContent(content);
                    SnapshotParameters parameters = new SnapshotParameters();
                    parameters.setFill(Color.TRANSPARENT);
                    board.setDragView(image.snapshot(parameters, null));
                    rowDragging.set(dragged.source() != Source.PALETTE);
                    event.consume();
                });
        handle.setOnDragDone(
                event -> {
                    current = null;
                    rowDragging.set(false);
                    event.consume();
                });
    }

    /** The targets list: add, reorder, take a fallback back, or re-point the row under the drop. */
    void targetsDropZone(RowList<TargetDraft> zone) {
        zone.setOnDragOver(
                event -> {
                    if (!ours(event)) {
                        return;
                    }
                    int row = repointRow(zone, event);
                    if (row >= 0) {
                        zone.highlightRow(row);
                    } else {
                        zone.showLine(zone.gapAt(event.getSceneX(), event.getSceneY()));
                    }
                    event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                    event.consume();
                });
        zone.setOnDragExited(event -> zone.clearIndicators());
        zone.setOnDragDropped(
                event -> {
                    if (!ours(event)) {
                        return;
                    }
                    Payload dropped = current;
                    int gap = zone.gapAt(event.getSceneX(), event.getSceneY());
                    int row = repointRow(zone, event);
                    RouteLists lists = model.lists();
                    if (row >= 0) {
                        lists.changeTargetModel(row, dropped.model());
                    } else {
                        switch (dropped.source()) {
                            case PALETTE -> lists.addTarget(dropped.model(), gap);
                            case TARGET -> lists.moveTarget(dropped.index(), gap);
                            case FALLBACK -> lists.fallbackToTarget(dropped.index(), gap);
                        }
                    }
                    finish(zone, event);
                });
    }

    /** Only a palette model re-points a row; a dragged row always goes into a gap. */
    private int repointRow(RowList<TargetDraft> zone, DragEvent event) {
        if (current.source() != Source.PALETTE) {
            return -1;
        }
        return zone.rowCentreAt(event.getSceneX(), event.getSceneY());
    }

    /** The fallbacks list: add, reorder, or turn a target into a fallback. */
    void fallbacksDropZone(RowList<FallbackDraft> zone) {
        zone.setOnDragOver(
                event -> {
                    if (!ours(event)) {
                        return;
                    }
                    zone.showLine(zone.gapAt(event.getSceneX(), event.getSceneY()));
                    event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                    event.consume();
                });
        zone.setOnDragExited(event -> zone.clearIndicators());
        zone.setOnDragDropped(
                event -> {
                    if (!ours(event)) {
                        return;
                    }
                    Payload dropped = current;
                    int gap = zone.gapAt(event.getSceneX(), event.getSceneY());
                    RouteLists lists = model.lists();
                    switch (dropped.source()) {
                        case PALETTE -> lists.addFallback(dropped.model(), gap);
                        case TARGET -> lists.targetToFallback(dropped.index(), gap);
                        case FALLBACK -> lists.moveFallback(dropped.index(), gap);
                    }
                    finish(zone, event);
                });
    }

    /**
     * Anywhere else in the editor: a row dropped there is removed ("drag out"). The lists consume
     * their own drag events, so this only sees drops outside them.
     */
    void removeZone(Node editor) {
        editor.setOnDragOver(
                event -> {
                    if (ours(event) && current.source() != Source.PALETTE) {
                        event.acceptTransferModes(TransferMode.MOVE);
                        event.consume();
                    }
                });
        editor.setOnDragDropped(
                event -> {
                    if (!ours(event) || current.source() == Source.PALETTE) {
                        return;
                    }
                    if (current.source() == Source.TARGET) {
                        model.lists().removeTarget(current.index());
                    } else {
                        model.lists().removeFallback(current.index());
                    }
                    event.setDropCompleted(true);
                    event.consume();
                });
    }

    /** A drag that began in this editor; anything else (a file, text) is not taken. */
    private boolean ours(DragEvent event) {
        return current != null && event.getGestureSource() != null;
    }

    private static void finish(RowList<?> zone, DragEvent event) {
        zone.clearIndicators();
        event.setDropCompleted(true);
        event.consume();
    }
}
