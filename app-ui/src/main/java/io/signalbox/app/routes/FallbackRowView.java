package io.signalbox.app.routes;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One fallback: its place in the order, the model, and buttons to move it, make it a target or
 * remove it. No weight: fallbacks are tried one after the other, never split.
 */
final class FallbackRowView {

    private final RouteEditorViewModel model;
    private final EditorDragAndDrop dragAndDrop;
    private final Consumer<FallbackDraft> focusLater;

    FallbackRowView(
            RouteEditorViewModel model,
            EditorDragAndDrop dragAndDrop,
            Consumer<FallbackDraft> focusLater) {
        this.model = model;
        this.dragAndDrop = dragAndDrop;
        this.focusLater = focusLater;
    }

    Node build(FallbackDraft fallback) {
        Label order = new Label();
        order.getStyleClass().add(RouteStyles.ORDER);
        order.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> (index(fallback) + 1) + ".", model.fallbacks()));
        Label modelName = new Label(fallback.model().model());
        modelName.getStyleClass().add(RouteStyles.MODEL_NAME);
        Label provider = new Label(fallback.model().provider());
        provider.getStyleClass().add(StyleClasses.MUTED);
        HBox grip =
                new HBox(
                        8,
                        Icons.icon(RouteStyles.ICON_GRIP, 18),
                        order,
                        new VBox(1, modelName, provider));
        grip.setAlignment(Pos.CENTER_LEFT);
        grip.getStyleClass().add(RouteStyles.GRIP);
        HBox.setHgrow(grip, Priority.ALWAYS);
        Tooltip.install(grip, new Tooltip("Drag to reorder, onto the targets, or out to remove"));

        Button up = iconButton(RouteStyles.ICON_UP, "Try earlier (Alt+Up)");
        up.setOnAction(event -> move(fallback, -1));
        Button down = iconButton(RouteStyles.ICON_DOWN, "Try later (Alt+Down)");
        down.setOnAction(event -> move(fallback, +1));
        Button toTarget = new Button("Make target");
        toTarget.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        toTarget.setTooltip(new Tooltip("Move it into the weighted targets"));
        toTarget.setOnAction(
                event -> model.lists().fallbackToTarget(index(fallback), model.targets().size()));
        Button remove = iconButton(RouteStyles.ICON_REMOVE, "Remove this fallback (Delete)");
        remove.setOnAction(event -> model.lists().removeFallback(index(fallback)));

        HBox line = new HBox(8, grip, up, down, toTarget, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(4, line, TargetRowView.problemLabel(fallback.problemProperty()));
        row.getStyleClass().addAll(RouteStyles.ROW, RouteStyles.FALLBACK_ROW);
        row.setFocusTraversable(true);
        row.setOnMouseClicked(event -> row.requestFocus());
        row.addEventFilter(
                KeyEvent.KEY_PRESSED,
                event -> {
                    if (event.isAltDown() && event.getCode() == KeyCode.UP) {
                        move(fallback, -1);
                    } else if (event.isAltDown() && event.getCode() == KeyCode.DOWN) {
                        move(fallback, +1);
                    } else if (event.getCode() == KeyCode.DELETE) {
                        model.lists().removeFallback(index(fallback));
                    } else {
                        return;
                    }
                    event.consume();
                });
        dragAndDrop.dragSource(
                grip,
                () ->
                        new EditorDragAndDrop.Payload(
                                EditorDragAndDrop.Source.FALLBACK,
                                fallback.model(),
                                index(fallback)),
                row);
        return row;
    }

    private void move(FallbackDraft fallback, int direction) {
        if (direction < 0) {
            model.lists().moveFallbackUp(index(fallback));
        } else {
            model.lists().moveFallbackDown(index(fallback));
        }
        focusLater.accept(fallback);
    }

    private int index(FallbackDraft fallback) {
        return model.fallbacks().indexOf(fallback);
    }

    private static Button iconButton(String icon, String tooltip) {
        Button button = new Button(null, Icons.icon(icon, 16));
        button.getStyleClass().add(StyleClasses.ICON_BUTTON);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }
}
