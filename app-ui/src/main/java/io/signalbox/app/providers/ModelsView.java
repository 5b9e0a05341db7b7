package io.signalbox.app.providers;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.signalbox.app.common.Icons;
import io.signalbox.app.common.Sizing;
import io.signalbox.app.common.StyleClasses;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The models of a provider: Discover (with progress and Cancel), what it found or why it failed,
 * the searchable checklist, and Test and Create route for the focused model.
 */
final class ModelsView {

    private final ModelsViewModel model;

    ModelsView(ModelsViewModel model) {
        this.model = model;
    }

    Node build() {
        ListView<ModelRow> list = modelList();
        VBox section =
                new VBox(
                        10,
                        toolbar(),
                        status(),
                        problem(),
                        missingTargets(),
                        filterRow(),
                        list,
                        modelActions());
        VBox.setVgrow(list, Priority.ALWAYS);
        return section;
    }

    private Node toolbar() {
        Label title = new Label("Models");
        title.getStyleClass().add(Styles.TITLE_4);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("discovery-progress");
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.discoveringProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Button cancel = new Button("Cancel", Icons.icon(Icons.CANCEL, 14));
        cancel.setId("cancel-discovery");
        cancel.setTooltip(new Tooltip("Stop waiting for the provider"));
        cancel.setOnAction(event -> model.cancelDiscovery());

        Button discover = new Button("_Discover models", Icons.icon(Icons.DISCOVER, 16));
        discover.setId("discover");
        discover.getStyleClass().add(Styles.ACCENT);
        discover.setTooltip(
                new Tooltip("Ask the provider which models it serves (GET {base URL}/models)"));

        // While the provider is asked the focus waits on Cancel, and comes back to Discover after.
        // Otherwise it falls to the next field as Discover is disabled and Cancel hidden, and
        // keyboard users lose their place. Registered before the bindings below, so it sees the
        // focus while Cancel is still shown.
        boolean[] focusBack = {false};
        model.discoveringProperty()
                .addListener(
                        (Observable changed) ->
                                focusBack[0] =
                                        !model.discoveringProperty().get() && cancel.isFocused());
        cancel.visibleProperty().bind(model.discoveringProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        discover.disableProperty().bind(model.discoveringProperty());
        model.discoveringProperty()
                .addListener(
                        (obs, was, running) -> {
                            if (!running && focusBack[0]) {
                                discover.requestFocus();
                            }
                        });
        discover.setOnAction(
                event -> {
                    boolean focused = discover.isFocused();
                    model.discover();
                    if (focused && model.discoveringProperty().get()) {
                        cancel.requestFocus();
                    }
                });

        Sizing.neverNarrower(cancel, discover);
        HBox toolbar = new HBox(8, title, summary(), new Spacer(), progress, cancel, discover);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add(StyleClasses.SECTION_TITLE);
        return toolbar;
    }

    private Node status() {
        Label status = new Label();
        status.setId("discovery-status");
        status.getStyleClass().add(StyleClasses.MUTED);
        Sizing.wrap(status);
        status.textProperty().bind(model.discoveryStatusProperty());
        status.visibleProperty().bind(Bindings.isNotEmpty(model.discoveryStatusProperty()));
        status.managedProperty().bind(status.visibleProperty());
        return status;
    }

    /** A failed discovery, in place: the headline and what to check. */
    private Node problem() {
        Label title = new Label(null, Icons.icon(Icons.WARNING, 16));
        title.getStyleClass().add(StyleClasses.PROBLEM_TITLE);
        title.textProperty().bind(model.errorTitleProperty());
        Label text = new Label();
        text.setId("discovery-error-text");
        Sizing.wrap(text);
        text.textProperty().bind(model.errorTextProperty());
        VBox box = new VBox(4, title, text);
        box.setId("discovery-error");
        box.getStyleClass().add(StyleClasses.PROBLEM_BOX);
        box.visibleProperty().bind(Bindings.isNotEmpty(model.errorTitleProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node missingTargets() {
        Label missing = new Label(null, Icons.icon(Icons.WARNING, 14));
        missing.setId("missing-targets");
        missing.getStyleClass().add(StyleClasses.WARNING_TEXT);
        Sizing.wrap(missing);
        missing.textProperty().bind(model.missingTargetsProperty());
        missing.visibleProperty().bind(Bindings.isNotEmpty(model.missingTargetsProperty()));
        missing.managedProperty().bind(missing.visibleProperty());
        return missing;
    }

    private Node filterRow() {
        CustomTextField filter = new CustomTextField();
        filter.setId("model-filter");
        filter.setPromptText("Filter models");
        filter.setLeft(Icons.icon(Icons.SEARCH, 16));
        filter.textProperty().bindBidirectional(model.checklist().filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button all = new Button("Select shown", Icons.icon(Icons.SELECT_ALL, 16));
        all.setId("select-shown");
        all.setTooltip(new Tooltip("Select every model the filter shows"));
        all.setOnAction(event -> model.checklist().setAllShown(true));

        Button none = new Button("Clear shown", Icons.icon(Icons.SELECT_NONE, 16));
        none.setId("clear-shown");
        none.setTooltip(new Tooltip("Unselect every model the filter shows"));
        none.setOnAction(event -> model.checklist().setAllShown(false));

        Sizing.neverNarrower(all, none);
        HBox row = new HBox(8, filter, all, none);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node summary() {
        Label summary = new Label();
        summary.setId("model-summary");
        summary.getStyleClass().add(StyleClasses.MUTED);
        summary.textProperty().bind(model.checklist().summaryProperty());
        return summary;
    }

    private ListView<ModelRow> modelList() {
        ListView<ModelRow> list = new ListView<>(model.checklist().shown());
        list.setId("model-list");
        Label empty = Sizing.wrap(new Label("Discover models to see what this provider serves."));
        empty.getStyleClass().add(StyleClasses.MUTED);
        list.setPlaceholder(empty);
        list.getStyleClass().add(Styles.DENSE);
        list.setMinHeight(150);
        list.setPrefHeight(240);
        list.setCellFactory(view -> new ModelCell());
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, row) ->
                                model.focusedModelProperty().set(row == null ? null : row.id()));
        // Space checks the focused model, as in any checklist.
        list.addEventFilter(
                KeyEvent.KEY_PRESSED,
                event -> {
                    ModelRow focused = list.getFocusModel().getFocusedItem();
                    if (event.getCode() == KeyCode.SPACE && focused != null) {
                        focused.checkedProperty().set(!focused.checked());
                        event.consume();
                    }
                });
        list.setTooltip(new Tooltip("Space selects the focused model"));
        return list;
    }

    private Node modelActions() {
        Button test = new Button("_Test", Icons.icon(Icons.TEST, 16));
        test.setId("test-model");
        test.setTooltip(new Tooltip("Send the focused model a one-token request and time it"));
        test.disableProperty()
                .bind(model.focusedModelProperty().isNull().or(model.testingProperty()));
        test.setOnAction(event -> model.testFocusedModel());

        Button createRoute = new Button("Create _route", Icons.icon(Icons.CREATE_ROUTE, 16));
        createRoute.setId("create-route");
        createRoute.setTooltip(
                new Tooltip("Add a route named after the focused model, with it as the target"));
        createRoute
                .disableProperty()
                .bind(
                        model.focusedModelProperty()
                                .isNull()
                                .or(model.storedNameProperty().isEmpty()));
        createRoute.setOnAction(event -> model.createRouteFromFocusedModel());

        ProgressIndicator testing = new ProgressIndicator();
        testing.setPrefSize(16, 16);
        testing.visibleProperty().bind(model.testingProperty());
        testing.managedProperty().bind(testing.visibleProperty());

        Label result = new Label();
        result.setId("action-result");
        Sizing.wrap(result);
        result.textProperty().bind(model.actionResultProperty());
        model.actionFailedProperty().addListener((obs, old, failed) -> styleResult(result, failed));
        styleResult(result, model.actionFailedProperty().get());
        HBox.setHgrow(result, Priority.ALWAYS);

        Label hint = Sizing.wrap(new Label("Save the provider to create routes from its models."));
        hint.getStyleClass().add(StyleClasses.MUTED);
        HBox.setHgrow(hint, Priority.ALWAYS);
        Sizing.neverNarrower(test, createRoute);
        hint.visibleProperty().bind(model.storedNameProperty().isEmpty());
        hint.managedProperty().bind(hint.visibleProperty());

        HBox actions = new HBox(8, test, createRoute, testing, result, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    private static void styleResult(Label result, boolean failed) {
        result.getStyleClass().removeAll(StyleClasses.RESULT_OK, StyleClasses.RESULT_FAILED);
        result.getStyleClass().add(failed ? StyleClasses.RESULT_FAILED : StyleClasses.RESULT_OK);
    }

    /** A check box, the model id and its mark; the check box follows the row's state. */
    private static final class ModelCell extends ListCell<ModelRow> {

        private final CheckBox check = new CheckBox();
        private final Label id = new Label();
        private final Label badge = new Label();
        private final HBox content = new HBox(10, check, id, new Spacer(), badge);
        private ModelRow bound;

        ModelCell() {
            content.setAlignment(Pos.CENTER_LEFT);
            content.getStyleClass().add(StyleClasses.MODEL_CELL);
            // The list keeps the focus; Space there checks the row.
            check.setFocusTraversable(false);
            badge.getStyleClass().add(StyleClasses.BADGE);
        }

        @Override
        protected void updateItem(ModelRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                check.selectedProperty().unbindBidirectional(bound.checkedProperty());
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bound = row;
            check.selectedProperty().bindBidirectional(row.checkedProperty());
            id.setText(row.id());
            badge.getStyleClass().removeAll(StyleClasses.BADGE_NEW, StyleClasses.BADGE_GONE);
            switch (row.mark()) {
                case ADDED -> {
                    badge.setText("new");
                    badge.getStyleClass().add(StyleClasses.BADGE_NEW);
                    badge.setTooltip(new Tooltip("Listed now, not at the discovery before"));
                }
                case GONE -> {
                    badge.setText("removed");
                    badge.getStyleClass().add(StyleClasses.BADGE_GONE);
                    badge.setTooltip(new Tooltip("The provider does not list this model any more"));
                }
                case NONE -> {
                    badge.setText("");
                    badge.setTooltip(null);
                }
            }
            badge.setVisible(row.mark() != ModelRow.Mark.NONE);
            setGraphic(content);
            setText(null);
        }
    }
}
