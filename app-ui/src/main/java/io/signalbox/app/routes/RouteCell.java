package io.signalbox.app.routes;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** One route in the list: switch, name and details, split bar, health dots, edit button. */
final class RouteCell extends ListCell<RouteSummary> {

    private final CheckBox enabled = new CheckBox();
    private final Label name = new Label();
    private final Label details = new Label();
    private final SplitBar bar = new SplitBar();
    private final HBox dots = new HBox(4);
    private final Label fallbacks = new Label();
    private final RouteStatusBadge status = new RouteStatusBadge();
    private final HBox row;

    RouteCell(RoutesViewModel model, Consumer<String> openEditor) {
        enabled.setTooltip(new Tooltip("Route on or off: a route that is off answers 404"));
        enabled.setOnAction(
                event -> {
                    if (getItem() != null) {
                        model.setEnabled(getItem().name(), enabled.isSelected());
                    }
                });
        name.getStyleClass().add(RouteStyles.ROUTE_NAME);
        details.getStyleClass().addAll(RouteStyles.DETAILS, StyleClasses.MUTED);
        VBox text = new VBox(2, name, details);
        text.setMinWidth(160);
        HBox.setHgrow(text, Priority.ALWAYS);
        bar.setMinWidth(180);
        bar.setMaxWidth(180);
        bar.setMaxHeight(10);
        dots.setAlignment(Pos.CENTER_LEFT);
        dots.setMinWidth(70);
        dots.setPrefWidth(70);
        fallbacks.getStyleClass().add(StyleClasses.MUTED);
        fallbacks.setMinWidth(90);
        fallbacks.setPrefWidth(90);
        Button edit = new Button(null, Icons.icon(RouteStyles.ICON_EDIT, 16));
        edit.getStyleClass().add(StyleClasses.ICON_BUTTON);
        edit.setTooltip(new Tooltip("Edit this route (Enter)"));
        edit.setOnAction(
                event -> {
                    if (getItem() != null) {
                        openEditor.accept(getItem().name());
                    }
                });
        row = new HBox(14, enabled, text, status, bar, dots, fallbacks, edit);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(RouteStyles.ROUTE_ROW);
        setOnMouseClicked(
                event -> {
                    if (event.getClickCount() == 2 && getItem() != null) {
                        openEditor.accept(getItem().name());
                    }
                });
    }

    @Override
    protected void updateItem(RouteSummary route, boolean empty) {
        super.updateItem(route, empty);
        if (empty || route == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        setId("route-" + route.name());
        enabled.setSelected(route.enabled());
        name.setText(route.name());
        details.setText(route.details());
        row.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass(RouteStyles.DISABLED_ROUTE),
                !route.enabled());
        bar.setSegments(route.split());
        status.show(route.status(), route.enabled());
        dots.getChildren().clear();
        for (TargetStatus status : route.health()) {
            Circle dot = new Circle(5);
            dot.getStyleClass()
                    .addAll(
                            RouteStyles.HEALTH_DOT,
                            RouteStyles.HEALTH_PREFIX
                                    + status.kind()
                                            .name()
                                            .toLowerCase(Locale.ROOT)
                                            .replace('_', '-'));
            Tooltip.install(dot, new Tooltip(status.description()));
            dots.getChildren().add(dot);
        }
        int count = route.fallbackCount();
        fallbacks.setText(
                count == 0 ? "no fallback" : count + (count == 1 ? " fallback" : " fallbacks"));
        setGraphic(row);
    }
}
