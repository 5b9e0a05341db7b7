package io.signalbox.app.routes;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One target: grip to drag it, colour of its part of the bar, model and provider, switch, weight
 * slider and spinner, live share, and a menu. Alt+Up/Down move it, Delete removes it.
 */
final class TargetRowView {

    static final String SLIDER = "weight-slider";
    static final String SPINNER = "weight-spinner";

    private final RouteEditorViewModel model;
    private final EditorDragAndDrop dragAndDrop;
    private final Consumer<TargetDraft> changeModel;
    private final Consumer<TargetDraft> focusLater;

    TargetRowView(
            RouteEditorViewModel model,
            EditorDragAndDrop dragAndDrop,
            Consumer<TargetDraft> changeModel,
            Consumer<TargetDraft> focusLater) {
        this.model = model;
        this.dragAndDrop = dragAndDrop;
        this.changeModel = changeModel;
        this.focusLater = focusLater;
    }

    Node build(TargetDraft target) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll(RouteStyles.SWATCH, RouteStyles.splitColor(target.color()));
        Label modelName = new Label();
        modelName.getStyleClass().add(RouteStyles.MODEL_NAME);
        modelName
                .textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> target.model().model(), target.modelProperty()));
        Label provider = new Label();
        provider.getStyleClass().add(StyleClasses.MUTED);
        provider.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> target.model().provider(), target.modelProperty()));
        VBox names = new VBox(1, modelName, provider);
        names.setMinWidth(120);
        HBox grip = new HBox(6, Icons.icon(RouteStyles.ICON_GRIP, 18), swatch, names);
        grip.setAlignment(Pos.CENTER_LEFT);
        grip.getStyleClass().add(RouteStyles.GRIP);
        HBox.setHgrow(grip, Priority.ALWAYS);
        Tooltip.install(grip, new Tooltip("Drag to reorder, onto the fallbacks, or out to remove"));

        CheckBox enabled = new CheckBox("On");
        enabled.getStyleClass().add("target-enabled");
        enabled.selectedProperty().bindBidirectional(target.enabledProperty());
        enabled.setTooltip(new Tooltip("A target that is off takes no traffic"));

        Slider slider =
                new Slider(
                        0,
                        io.signalbox.persistence.config.TargetConfig.MAX_WEIGHT,
                        target.weightProperty().get());
        slider.getStyleClass().add(SLIDER);
        slider.setBlockIncrement(10);
        slider.setPrefWidth(170);
        slider.setTooltip(
                new Tooltip(
                        "Weight 0 to 1000; the share is this weight over the sum of the enabled targets' weights"));
        // Every movement of the slider sets the weight, so share and bar follow while dragging.
        slider.valueProperty()
                .addListener(
                        (obs, old, value) ->
                                target.weightProperty().set((int) Math.round(value.doubleValue())));
        target.weightProperty()
                .addListener(
                        (obs, old, weight) -> {
                            if (Math.round(slider.getValue()) != weight.intValue()) {
                                slider.setValue(weight.intValue());
                            }
                        });

        Spinner<Integer> spinner = new Spinner<>();
        spinner.getStyleClass().add(SPINNER);
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(
                        0,
                        io.signalbox.persistence.config.TargetConfig.MAX_WEIGHT,
                        target.weightProperty().get(),
                        10);
        spinner.setValueFactory(values);
        spinner.setEditable(true);
        spinner.setPrefWidth(88);
        spinner.setTooltip(new Tooltip("Exact weight (0 to 1000)"));
        ObjectProperty<Integer> weightObject = target.weightProperty().asObject();
        values.valueProperty().bindBidirectional(weightObject);
        spinner.getProperties().put("weight-binding", weightObject); // the binding holds it weakly

        Label share = new Label();
        share.getStyleClass().add(RouteStyles.SHARE);
        share.setMinWidth(56);
        share.setAlignment(Pos.CENTER_RIGHT);
        share.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> target.shareTextProperty().get(),
                                target.shareTextProperty()));
        share.setTooltip(
                new Tooltip(
                        "This target's part of the calls it may take: by weight, or its turns in a"
                                + " round robin"));

        MenuButton more = new MenuButton(null, Icons.icon(RouteStyles.ICON_MORE, 16));
        more.getStyleClass().addAll(StyleClasses.ICON_BUTTON, RouteStyles.MORE_BUTTON);
        more.setTooltip(new Tooltip("More: move, make it a fallback, change model"));
        MenuItem up = new MenuItem("Move up (Alt+Up)");
        up.setOnAction(event -> move(target, -1));
        MenuItem down = new MenuItem("Move down (Alt+Down)");
        down.setOnAction(event -> move(target, +1));
        MenuItem toFallback = new MenuItem("Make it a fallback");
        toFallback.setOnAction(
                event -> model.lists().targetToFallback(index(target), model.fallbacks().size()));
        MenuItem change = new MenuItem("Change model…");
        change.setOnAction(event -> changeModel.accept(target));
        more.getItems().addAll(up, down, toFallback, change);

        Button remove = new Button(null, Icons.icon(RouteStyles.ICON_REMOVE, 16));
        remove.getStyleClass().add(StyleClasses.ICON_BUTTON);
        remove.setTooltip(new Tooltip("Remove this target (Delete)"));
        remove.setOnAction(event -> model.lists().removeTarget(index(target)));

        enabled.setMinWidth(Region.USE_PREF_SIZE);
        share.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, grip, enabled, share, more, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        // The weight gets its own line, so slider and spinner keep their size beside long names.
        Label weightLabel = new Label("Weight");
        weightLabel.getStyleClass().add(RouteStyles.HINT);
        weightLabel.setLabelFor(slider);
        weightLabel.setMinWidth(Region.USE_PREF_SIZE);
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        HBox weightLine = new HBox(10, weightLabel, slider, spinner);
        weightLine.setAlignment(Pos.CENTER_LEFT);
        weightLine.setPadding(new javafx.geometry.Insets(0, 0, 0, 42));
        line.setAlignment(Pos.CENTER_LEFT);
        Label problem = problemLabel(target.problemProperty());
        VBox row = new VBox(4, line, weightLine, options(target), problem);
        row.getStyleClass().addAll(RouteStyles.ROW, RouteStyles.TARGET_ROW);
        row.setFocusTraversable(true);
        row.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass(RouteStyles.ROW_OFF),
                !target.enabledProperty().get());
        target.enabledProperty()
                .addListener(
                        (obs, old, on) ->
                                row.pseudoClassStateChanged(
                                        javafx.css.PseudoClass.getPseudoClass(RouteStyles.ROW_OFF),
                                        !on));
        row.setOnMouseClicked(event -> row.requestFocus());
        row.addEventFilter(KeyEvent.KEY_PRESSED, event -> onKey(target, event));
        dragAndDrop.dragSource(
                grip,
                () ->
                        new EditorDragAndDrop.Payload(
                                EditorDragAndDrop.Source.TARGET, target.model(), index(target)),
                row);
        return row;
    }

    /**
     * The target's extra options under its weight, one line each (conditions first): a new
     * per-target widget is one more node in this list.
     */
    private Node options(TargetDraft target) {
        // The conditions take the row's width (their form opens under them); the limit and the
        // canary share one line, wrapping when the window is narrow, so three targets still fit
        // the editor's default window.
        javafx.scene.layout.FlowPane limits =
                new javafx.scene.layout.FlowPane(
                        16, 4, TpmMeter.build(target.tpm()), CanaryBadge.build(model, target));
        limits.setAlignment(Pos.CENTER_LEFT);
        VBox options = new VBox(4, new ConditionChips(model).build(target), limits);
        options.getStyleClass().add("target-options");
        options.setPadding(new javafx.geometry.Insets(0, 0, 0, 42));
        return options;
    }

    private void onKey(TargetDraft target, KeyEvent event) {
        if (event.isAltDown() && event.getCode() == KeyCode.UP) {
            move(target, -1);
        } else if (event.isAltDown() && event.getCode() == KeyCode.DOWN) {
            move(target, +1);
        } else if (event.getCode() == KeyCode.DELETE
                && !(event.getTarget() instanceof TextInputControl)
                && !ConditionChips.isChipKey(event)) {
            model.lists().removeTarget(index(target));
        } else {
            return;
        }
        event.consume();
    }

    private void move(TargetDraft target, int direction) {
        if (direction < 0) {
            model.lists().moveTargetUp(index(target));
        } else {
            model.lists().moveTargetDown(index(target));
        }
        focusLater.accept(target);
    }

    private int index(TargetDraft target) {
        return model.targets().indexOf(target);
    }

    static Label problemLabel(javafx.beans.value.ObservableStringValue problem) {
        Label label = new Label();
        label.getStyleClass().add(RouteStyles.PROBLEM);
        label.setGraphic(Icons.icon(RouteStyles.ICON_PROBLEM, 14));
        label.setWrapText(true);
        label.textProperty().bind(problem);
        label.visibleProperty().bind(Bindings.isNotEmpty(problem));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
