package io.signalbox.app.routes;

import atlantafx.base.theme.Styles;
import io.signalbox.persistence.config.RouteSelection;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The route's selection as a segmented toggle: Weighted or Round robin, one always chosen. */
final class SelectionToggle {

    static final String WEIGHTED_ID = "selection-weighted";
    static final String ROUND_ROBIN_ID = "selection-round-robin";

    private SelectionToggle() {}

    static Node build(ObjectProperty<RouteSelection> selection) {
        ToggleButton weighted = new ToggleButton("Weighted");
        weighted.setId(WEIGHTED_ID);
        weighted.getStyleClass().add(Styles.LEFT_PILL);
        weighted.setUserData(RouteSelection.WEIGHTED);
        weighted.setTooltip(new Tooltip("Each call goes to a target picked at random by weight"));
        ToggleButton roundRobin = new ToggleButton("Round robin");
        roundRobin.setId(ROUND_ROBIN_ID);
        roundRobin.getStyleClass().add(Styles.RIGHT_PILL);
        roundRobin.setUserData(RouteSelection.ROUND_ROBIN);
        roundRobin.setTooltip(
                new Tooltip(
                        "Calls take turns over the targets that are on; weights only switch a"
                                + " target off (0)"));
        ToggleGroup group = new ToggleGroup();
        group.getToggles().addAll(weighted, roundRobin);
        group.selectToggle(selection.get() == RouteSelection.ROUND_ROBIN ? roundRobin : weighted);
        group.selectedToggleProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now == null) {
                                // A click on the chosen button would leave none chosen: keep it.
                                group.selectToggle(old);
                            } else {
                                selection.set((RouteSelection) now.getUserData());
                            }
                        });
        selection.addListener(
                (obs, old, now) ->
                        group.selectToggle(
                                now == RouteSelection.ROUND_ROBIN ? roundRobin : weighted));
        HBox toggle = new HBox(0, weighted, roundRobin);
        toggle.getStyleClass().add("selection-toggle");
        return toggle;
    }
}
