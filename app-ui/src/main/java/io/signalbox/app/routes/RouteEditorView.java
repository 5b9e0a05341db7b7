package io.signalbox.app.routes;

import io.signalbox.app.common.Icons;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The route editor: name, switch and timeout on top; the model palette on the left; the weighted
 * targets with their live split and the ordered fallbacks on the right. Ctrl+S saves, Escape
 * cancels, Ctrl+F goes to the palette's filter.
 */
final class RouteEditorView {

    private final RouteEditorViewModel model;
    private final Runnable close;
    private final EditorDragAndDrop dragAndDrop;
    private RowList<TargetDraft> targetList;
    private RowList<FallbackDraft> fallbackList;

    RouteEditorView(RouteEditorViewModel model, Runnable close) {
        this.model = model;
        this.close = close;
        this.dragAndDrop = new EditorDragAndDrop(model);
    }

    Parent build() {
        ModelPalette palette = new ModelPalette(model, dragAndDrop);
        Node paletteNode = palette.build();
        VBox lists = new VBox(22, targetsSection(), fallbacksSection());
        lists.setPadding(new javafx.geometry.Insets(0, 6, 8, 16));
        ScrollPane right = new ScrollPane(lists);
        right.setFitToWidth(true);
        right.getStyleClass().add("edge-to-edge");
        SplitPane body = new SplitPane(paletteNode, right);
        body.setDividerPositions(0.3);
        body.getStyleClass().add(RouteStyles.EDITOR_BODY);
        SplitPane.setResizableWithParent(paletteNode, false);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label general = TargetRowView.problemLabel(model.problems().generalProperty());
        general.setId("problem-general");
        VBox editor = new VBox(12, header(), general, form(), body);
        editor.setId("route-editor");
        editor.getStyleClass().add(RouteStyles.EDITOR);
        editor.addEventHandler(KeyEvent.KEY_PRESSED, event -> onKey(event, palette));
        dragAndDrop.removeZone(editor);
        return editor;
    }

    private Node header() {
        Label title = new Label();
        title.setId("editor-title");
        title.getStyleClass().add(RouteStyles.TITLE);
        title.textProperty()
                .bind(
                        Bindings.when(model.newRouteProperty())
                                .then("New route")
                                .otherwise("Edit route"));
        Label dirty = new Label("Unsaved changes");
        dirty.setId("unsaved-changes");
        dirty.getStyleClass().add(RouteStyles.DIRTY);
        dirty.visibleProperty().bind(model.dirtyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-route");
        cancel.setTooltip(new Tooltip("Discard the changes and go back to the list (Escape)"));
        cancel.setOnAction(event -> cancel());
        Button save = new Button("Save", Icons.icon("mdi2c-content-save-outline", 16));
        save.setId("save-route");
        save.getStyleClass().add(RouteStyles.PRIMARY);
        save.setTooltip(new Tooltip("Save and apply to the running proxy at once (Ctrl+S)"));
        save.disableProperty().bind(model.dirtyProperty().not().or(model.problems().anyProperty()));
        save.setOnAction(event -> save());
        HBox header = new HBox(12, title, dirty, spacer, cancel, save);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(RouteStyles.HEADER);
        return header;
    }

    private Node form() {
        TextField name = new TextField();
        name.setId("route-name");
        name.setPrefColumnCount(22);
        name.setPromptText("e.g. chat or gpt-4o-mini");
        name.textProperty().bindBidirectional(model.nameProperty());
        name.setTooltip(
                new Tooltip("The model name clients send; a glob such as claude-* matches many"));
        Label nameProblem = TargetRowView.problemLabel(model.problems().nameProperty());
        nameProblem.setId("problem-name");

        CheckBox enabled = new CheckBox("Route on");
        enabled.setId("route-enabled");
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
        enabled.setTooltip(new Tooltip("A route that is off answers 404 to its clients"));

        Spinner<Integer> timeout = new Spinner<>();
        timeout.setId("route-timeout");
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(
                        RouteChecks.MIN_TIMEOUT_SECONDS,
                        RouteChecks.MAX_TIMEOUT_SECONDS,
                        model.timeoutSecondsProperty().get(),
                        5);
        timeout.setValueFactory(values);
        timeout.setEditable(true);
        timeout.setPrefWidth(96);
        timeout.setTooltip(
                new Tooltip("The longest wait for a target's first answer, 1 to 3600 seconds"));
        ObjectProperty<Integer> timeoutObject = model.timeoutSecondsProperty().asObject();
        values.valueProperty().bindBidirectional(timeoutObject);
        timeout.getProperties().put("timeout-binding", timeoutObject); // held weakly by the binding
        Label timeoutProblem = TargetRowView.problemLabel(model.problems().timeoutProperty());

        Label nameLabel = new Label("Name");
        nameLabel.setLabelFor(name);
        Label timeoutLabel = new Label("Timeout");
        timeoutLabel.setLabelFor(timeout);
        HBox fields = new HBox(10, nameLabel, name, enabled);
        fields.setAlignment(Pos.CENTER_LEFT);
        Label retriesLabel = new Label("Retries");
        Spinner<String> retries = RetriesField.build(model.options().retriesProperty());
        retriesLabel.setLabelFor(retries);
        Label selectionLabel = new Label("Selection");
        // The route's options, one control each: a new route-wide option is one more node here.
        HBox options =
                new HBox(
                        10,
                        timeoutLabel,
                        timeout,
                        new Label("seconds"),
                        gap(),
                        retriesLabel,
                        retries,
                        gap(),
                        selectionLabel,
                        SelectionToggle.build(model.options().selectionProperty()));
        options.setId("route-options");
        options.setAlignment(Pos.CENTER_LEFT);
        Label retriesProblem = TargetRowView.problemLabel(model.problems().retriesProperty());
        retriesProblem.setId("problem-retries");
        return new VBox(
                6,
                fields,
                options,
                nameProblem,
                timeoutProblem,
                retriesProblem,
                new RouterChips(model.routers()).build());
    }

    private static Region gap() {
        Region gap = new Region();
        gap.setMinWidth(8);
        return gap;
    }

    private Node targetsSection() {
        Label title = new Label("Targets");
        title.getStyleClass().add(RouteStyles.SECTION_TITLE);
        Label hint = new Label();
        hint.setId("split-explanation");
        hint.textProperty().bind(model.splitExplanationProperty());
        hint.getStyleClass().add(RouteStyles.HINT);
        hint.setWrapText(true);
        SplitBar bar = new SplitBar();
        bar.setId("editor-split-bar");
        bar.setPrefHeight(14);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setSegments(model.splitProperty().get());
        model.splitProperty().addListener((obs, old, split) -> bar.setSegments(split));
        Label problem = TargetRowView.problemLabel(model.problems().targetsProperty());
        problem.setId("problem-targets");

        TargetRowView rows =
                new TargetRowView(model, dragAndDrop, this::chooseModel, this::focusTarget);
        targetList =
                new RowList<>(
                        "target-list", "Drag models here from the list on the left.", rows::build);
        model.targets()
                .addListener((InvalidationListener) observable -> targetList.show(model.targets()));
        targetList.show(model.targets());
        dragAndDrop.targetsDropZone(targetList);
        return new VBox(8, title, hint, bar, problem, targetList);
    }

    private Node fallbacksSection() {
        Label title = new Label("Fallbacks");
        title.getStyleClass().add(RouteStyles.SECTION_TITLE);
        Label hint = new Label("Tried in this order, only when every target failed.");
        hint.getStyleClass().add(RouteStyles.HINT);
        FallbackRowView rows = new FallbackRowView(model, dragAndDrop, this::focusFallback);
        fallbackList =
                new RowList<>(
                        "fallback-list", "Drag models here, or choose one below.", rows::build);
        model.fallbacks()
                .addListener(
                        (InvalidationListener) observable -> fallbackList.show(model.fallbacks()));
        fallbackList.show(model.fallbacks());
        dragAndDrop.fallbacksDropZone(fallbackList);

        ComboBox<ModelRef> choice = new ComboBox<>(model.fallbackChoices());
        choice.setId("fallback-choice");
        choice.setPromptText("Choose a fallback…");
        choice.setTooltip(new Tooltip("Models that are not a target or a fallback yet"));
        Button add = new Button("Add fallback", Icons.icon(RouteStyles.ICON_ADD, 14));
        add.setId("add-fallback");
        add.setTooltip(new Tooltip("Add the chosen model at the end of the fallbacks"));
        add.disableProperty().bind(choice.valueProperty().isNull());
        add.setOnAction(
                event -> {
                    ModelRef chosen = choice.getValue();
                    if (chosen != null) {
                        model.lists().addFallback(chosen, model.fallbacks().size());
                        choice.setValue(null);
                    }
                });
        HBox picker = new HBox(8, choice, add);
        picker.setAlignment(Pos.CENTER_LEFT);
        Label problem = TargetRowView.problemLabel(model.problems().fallbacksProperty());
        return new VBox(8, title, hint, problem, fallbackList, picker);
    }

    /** The "Change model…" action: a keyboard way to the model upgrade flow. */
    private void chooseModel(TargetDraft target) {
        List<ModelRef> all = model.palette().stream().flatMap(p -> p.refs().stream()).toList();
        ChoiceDialog<ModelRef> dialog = new ChoiceDialog<>(target.model(), all);
        dialog.setTitle("Change model");
        dialog.setHeaderText("The route keeps its name; calls to it go to the new model.");
        dialog.setContentText("Model:");
        if (targetList.getScene() != null) {
            dialog.initOwner(targetList.getScene().getWindow());
        }
        dialog.showAndWait()
                .ifPresent(
                        chosen ->
                                model.lists()
                                        .changeTargetModel(
                                                model.targets().indexOf(target), chosen));
    }

    private void focusTarget(TargetDraft target) {
        Platform.runLater(
                () -> {
                    Node row = targetList.rowOf(target);
                    if (row != null) {
                        row.requestFocus();
                    }
                });
    }

    private void focusFallback(FallbackDraft fallback) {
        Platform.runLater(
                () -> {
                    Node row = fallbackList.rowOf(fallback);
                    if (row != null) {
                        row.requestFocus();
                    }
                });
    }

    private void onKey(KeyEvent event, ModelPalette palette) {
        if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(event)) {
            save();
        } else if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(event)) {
            palette.filterField().requestFocus();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            cancel();
        } else {
            return;
        }
        event.consume();
    }

    private void save() {
        if (model.save()) {
            close.run();
        }
    }

    private void cancel() {
        model.cancel();
        close.run();
    }
}
