package io.signalbox.app.access;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The form of a new or changed access key: name, the routes it may call (a checklist; none ticked
 * means every route) and an optional daily token limit. Save (Ctrl+S) and Cancel (Escape) return to
 * the list.
 */
final class KeyEditorView {

    private final KeyEditorViewModel model;
    private final Consumer<Optional<KeyEditorViewModel.Saved>> close;
    private final TextField name = new TextField();

    /**
     * @param close called with what was saved, or empty on cancel
     */
    KeyEditorView(KeyEditorViewModel model, Consumer<Optional<KeyEditorViewModel.Saved>> close) {
        this.model = model;
        this.close = close;
    }

    Parent build() {
        Label title = new Label();
        title.getStyleClass().add(AccessStyles.TITLE);
        title.textProperty().bind(model.titleProperty());

        name.setId("key-name");
        name.setPromptText("e.g. alice, ci-runner, laptop-notebooks");
        name.textProperty().bindBidirectional(model.nameProperty());
        name.disableProperty().bind(model.editingProperty());

        VBox checklist = new VBox(6);
        checklist.setId("route-checklist");
        checklist.getStyleClass().add(AccessStyles.ROUTE_CHECKLIST);
        model.routes()
                .addListener(
                        (ListChangeListener<KeyEditorViewModel.RouteChoice>)
                                change -> fillChecklist(checklist));
        fillChecklist(checklist);
        ScrollPane routes = new ScrollPane(checklist);
        routes.getStyleClass().add(AccessStyles.ROUTE_CHECKLIST_PANE);
        routes.setFitToWidth(true);
        routes.setPrefViewportHeight(140);
        routes.setMaxHeight(180);

        CheckBox limited = new CheckBox("Limit tokens per day");
        limited.setId("key-limited");
        limited.selectedProperty().bindBidirectional(model.limitedProperty());
        TextField limit = new TextField();
        limit.setId("key-limit");
        limit.setPromptText("200,000");
        limit.setPrefColumnCount(10);
        limit.textProperty().bindBidirectional(model.limitTextProperty());
        limit.disableProperty().bind(model.limitedProperty().not());
        Label tokens = new Label("tokens");
        HBox limitRow = new HBox(10, limited, limit, tokens);
        limitRow.setAlignment(Pos.CENTER_LEFT);

        GridPane form = new GridPane();
        form.getStyleClass().add(AccessStyles.FORM);
        form.setHgap(14);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, label("Name"), name);
        // An empty name is not a mistake yet: say so once the user typed or left the field.
        BooleanProperty nameTouched = new SimpleBooleanProperty(false);
        name.textProperty().addListener((obs, old, now) -> nameTouched.set(true));
        name.focusedProperty()
                .addListener((obs, was, now) -> nameTouched.set(nameTouched.get() || was));
        Node nameProblem = problem("key-name-problem", model.nameProblemProperty());
        nameProblem.visibleProperty().unbind();
        nameProblem
                .visibleProperty()
                .bind(nameTouched.and(Bindings.isNotEmpty(model.nameProblemProperty())));
        form.add(nameProblem, 1, row++);
        form.addRow(row++, label("Routes"), routes);
        form.add(hint("key-routes-summary", model.routesSummaryProperty()), 1, row++);
        form.addRow(row++, label("Routers"), KeyRouterChecklist.build(model.routers()));
        form.add(hint("key-routers-summary", model.routers().summaryProperty()), 1, row++);
        form.addRow(row++, label("Daily limit"), limitRow);
        form.add(problem("key-limit-problem", model.limitProblemProperty()), 1, row++);
        Label limitHint =
                new Label(
                        "Counts the tokens the providers report for this key's requests since"
                                + " local midnight. From 80% its answers carry the header"
                                + " x-signalbox-key-tokens-remaining; at the limit its requests"
                                + " get 429 until midnight. A request already running finishes.");
        limitHint.setWrapText(true);
        limitHint.setMinHeight(Region.USE_PREF_SIZE);
        limitHint.getStyleClass().add(AccessStyles.HINT);
        form.add(limitHint, 1, row++);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(routes, Priority.ALWAYS);

        Label saveProblem = new Label(null, Icons.icon(AccessStyles.ICON_PROBLEM, 16));
        saveProblem.setId("key-save-problem");
        saveProblem.setWrapText(true);
        saveProblem.setMinHeight(Region.USE_PREF_SIZE);
        saveProblem.getStyleClass().add(AccessStyles.MESSAGE_BAR);
        saveProblem.textProperty().bind(model.formProblemProperty());
        saveProblem.visibleProperty().bind(model.formProblemProperty().isNotEmpty());
        saveProblem.managedProperty().bind(saveProblem.visibleProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("cancel-key");
        cancel.setOnAction(event -> close.accept(Optional.empty()));
        Button save = new Button();
        save.setId("save-key");
        save.getStyleClass().add(AccessStyles.PRIMARY);
        save.textProperty()
                .bind(Bindings.when(model.editingProperty()).then("Save").otherwise("Create key"));
        save.disableProperty().bind(model.validProperty().not());
        save.setOnAction(event -> save());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, save);

        VBox editor = new VBox(14, title, form, saveProblem, buttons);
        editor.setId("key-editor");
        editor.getStyleClass().add(AccessStyles.EDITOR);
        editor.setMaxWidth(760);
        editor.addEventFilter(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                event -> {
                    if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN)
                            .match(event)) {
                        save();
                        event.consume();
                    } else if (event.getCode() == KeyCode.ESCAPE) {
                        close.accept(Optional.empty());
                        event.consume();
                    }
                });
        return editor;
    }

    /** Puts the focus where typing starts: the name of a new key, the routes of an old one. */
    void focus() {
        if (!name.isDisabled()) {
            name.requestFocus();
        }
    }

    private void save() {
        if (model.validProperty().get()) {
            model.save().ifPresent(saved -> close.accept(Optional.of(saved)));
        }
    }

    private void fillChecklist(VBox checklist) {
        checklist.getChildren().clear();
        if (model.routes().isEmpty()) {
            Label none = new Label("There are no routes yet; the key may call every route.");
            none.getStyleClass().add(StyleClasses.MUTED);
            checklist.getChildren().add(none);
            return;
        }
        for (KeyEditorViewModel.RouteChoice choice : model.routes()) {
            CheckBox box = new CheckBox(choice.name());
            box.setId("route-choice-" + choice.name());
            box.selectedProperty().bindBidirectional(choice.selected());
            checklist.getChildren().add(box);
        }
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(AccessStyles.FORM_LABEL);
        label.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        return label;
    }

    private static Node problem(String id, ObservableStringValue text) {
        Label label = new Label(null, Icons.icon(AccessStyles.ICON_PROBLEM, 14));
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(AccessStyles.PROBLEM);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Node hint(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(AccessStyles.HINT);
        label.textProperty().bind(text);
        return label;
    }
}
