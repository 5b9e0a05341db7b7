package io.signalbox.app.access;

import io.signalbox.app.common.StyleClasses;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/** The key editor's router checklist: one box per router; none ticked means no router limit. */
final class KeyRouterChecklist {

    private KeyRouterChecklist() {}

    static Node build(KeyRouters routers) {
        FlowPane boxes = new FlowPane(12, 6);
        boxes.setId("router-checklist");
        routers.choices()
                .addListener(
                        (ListChangeListener<KeyRouters.Choice>)
                                change -> {
                                    // A tick is an update of the list: only other changes (the
                                    // routers themselves) rebuild the boxes.
                                    while (change.next()) {
                                        if (!change.wasUpdated()) {
                                            fill(boxes, routers);
                                            return;
                                        }
                                    }
                                });
        fill(boxes, routers);
        return boxes;
    }

    private static void fill(FlowPane boxes, KeyRouters routers) {
        boxes.getChildren().clear();
        if (routers.choices().isEmpty()) {
            Label none = new Label("There are no routers; make them on the Routes screen.");
            none.getStyleClass().add(StyleClasses.MUTED);
            boxes.getChildren().add(none);
            return;
        }
        for (KeyRouters.Choice choice : routers.choices()) {
            CheckBox box = new CheckBox(choice.active() ? choice.slug() : choice.slug() + " (off)");
            box.setId("router-choice-" + choice.slug());
            box.selectedProperty().bindBidirectional(choice.selected());
            boxes.getChildren().add(box);
        }
    }
}
