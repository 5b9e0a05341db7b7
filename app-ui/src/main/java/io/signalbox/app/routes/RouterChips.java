package io.signalbox.app.routes;

import io.signalbox.app.common.StyleClasses;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * A row of toggle chips in the route editor, one per router: a pressed chip means that router's
 * endpoint serves this route (ADR 0013). Routers are made on the route list's Routers panel.
 */
final class RouterChips {

    static final String CHIP = "router-chip";

    private final RouterChoices choices;
    private final FlowPane row = new FlowPane(6, 6);

    RouterChips(RouterChoices choices) {
        this.choices = choices;
    }

    Node build() {
        row.setId("router-chips");
        row.setAlignment(Pos.CENTER_LEFT);
        choices.choices().addListener((InvalidationListener) observable -> fill());
        fill();
        return row;
    }

    private void fill() {
        row.getChildren().clear();
        Label title = new Label("Routers");
        title.setTooltip(
                new Tooltip(
                        "Pressed: the router's endpoint /router/SLUG/v1 serves this route too."
                                + " /v1 always serves it."));
        row.getChildren().add(title);
        if (choices.choices().isEmpty()) {
            Label none =
                    new Label("No routers yet; add one in the Routers panel of the route list.");
            none.getStyleClass().add(StyleClasses.MUTED);
            row.getChildren().add(none);
            return;
        }
        for (RouterChoices.Choice choice : choices.choices()) {
            ToggleButton chip = new ToggleButton(choice.slug());
            chip.setId("router-chip-" + choice.slug());
            chip.getStyleClass().add(CHIP);
            chip.selectedProperty().bindBidirectional(choice.selected());
            if (!choice.active()) {
                chip.setText(choice.slug() + " (off)");
                chip.setTooltip(new Tooltip("This router is switched off: it serves nothing now"));
            }
            row.getChildren().add(chip);
        }
    }
}
