package io.signalbox.app.routes;

import io.signalbox.app.common.Icons;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A target's match conditions as chips ("user-type = premium", "?beta = true", "path /v1/chat/*"),
 * with an inline form to add or edit one. A chip's text opens it for editing, its close button
 * removes it; both are buttons, so Tab and Space reach them. The form checks a condition as the
 * configuration validator would and keeps what was typed while it says what is wrong.
 */
final class ConditionChips {

    static final String CHIPS = "condition-chips";
    static final String CHIP = "condition-chip";
    static final String CHIP_TEXT = "condition-chip-text";
    static final String CHIP_REMOVE = "condition-chip-remove";
    static final String ADD = "add-condition";
    static final String FORM = "condition-form";
    static final String KIND = "condition-kind";
    static final String NAME = "condition-name";
    static final String VALUE = "condition-value";
    static final String SUBMIT = "condition-submit";
    static final String CANCEL = "condition-cancel";
    static final String PROBLEM = "condition-problem";

    private final RouteEditorViewModel model;

    ConditionChips(RouteEditorViewModel model) {
        this.model = model;
    }

    Node build(TargetDraft target) {
        FlowPane chips = new FlowPane(6, 4);
        chips.getStyleClass().add(CHIPS);
        chips.setAlignment(Pos.CENTER_LEFT);
        Form form = new Form(target);
        Button add = new Button("Condition", Icons.icon(RouteStyles.ICON_ADD, 14));
        add.getStyleClass().addAll(ADD, "condition-add-button");
        add.setTooltip(
                new Tooltip(
                        "Send only matching requests to this target: a header, a query parameter"
                                + " or the path"));
        add.setOnAction(event -> form.open(-1, null));
        Runnable refresh =
                () -> {
                    chips.getChildren().clear();
                    List<MatchCondition> conditions = target.conditions();
                    for (int i = 0; i < conditions.size(); i++) {
                        chips.getChildren().add(chip(target, conditions.get(i), i, form));
                    }
                    chips.getChildren().add(add);
                };
        refresh.run();
        InvalidationListener onMatch = observable -> refresh.run();
        target.matchProperty().addListener(onMatch);
        chips.getProperties().put(ConditionChips.class, onMatch);
        return new VBox(4, chips, form.node);
    }

    /** Whether a key is meant for a condition chip (Delete there removes the condition only). */
    static boolean isChipKey(KeyEvent event) {
        for (Object node = event.getTarget();
                node instanceof Node current;
                node = current.getParent()) {
            if (current.getStyleClass().contains(CHIP)) {
                return true;
            }
        }
        return false;
    }

    private Node chip(TargetDraft target, MatchCondition condition, int index, Form form) {
        Button text = new Button(condition.chipText());
        text.getStyleClass().add(CHIP_TEXT);
        text.setMnemonicParsing(false);
        text.setTooltip(new Tooltip(condition.description() + ". Click to edit."));
        text.setOnAction(event -> form.open(index, condition));
        Button remove = new Button(null, Icons.icon(RouteStyles.ICON_REMOVE, 14));
        remove.getStyleClass().add(CHIP_REMOVE);
        remove.setAccessibleText("Remove the condition " + condition.chipText());
        remove.setTooltip(new Tooltip("Remove this condition"));
        remove.setOnAction(event -> model.removeCondition(target, index));
        HBox chip = new HBox(0, text, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add(CHIP);
        // Delete on a focused chip removes the condition, not the whole target row.
        chip.addEventFilter(
                KeyEvent.KEY_PRESSED,
                event -> {
                    if (event.getCode() == KeyCode.DELETE
                            || event.getCode() == KeyCode.BACK_SPACE) {
                        model.removeCondition(target, index);
                        event.consume();
                    }
                });
        return chip;
    }

    /** The inline form under the chips: kind, name, value, with its problem line. */
    private final class Form {

        private final TargetDraft target;
        private final ComboBox<MatchCondition.Kind> kind = new ComboBox<>();
        private final TextField name = new TextField();
        private final TextField value = new TextField();
        private final Button submit = new Button("Add");
        private final Label problem = new Label();
        private final VBox node;
        private int editing = -1;

        Form(TargetDraft target) {
            this.target = target;
            kind.getItems().setAll(MatchCondition.Kind.values());
            kind.getStyleClass().add(KIND);
            kind.setConverter(
                    new StringConverter<>() {
                        @Override
                        public String toString(MatchCondition.Kind value) {
                            return value == null ? "" : value.label();
                        }

                        @Override
                        public MatchCondition.Kind fromString(String text) {
                            return null;
                        }
                    });
            kind.valueProperty().addListener((obs, old, now) -> showKind(now));
            name.getStyleClass().add(NAME);
            name.setPrefColumnCount(8);
            value.getStyleClass().add(VALUE);
            value.setPrefColumnCount(9);
            submit.getStyleClass().addAll(SUBMIT, RouteStyles.PRIMARY);
            submit.setDefaultButton(false);
            submit.setOnAction(event -> submit());
            Button cancel = new Button("Cancel");
            cancel.getStyleClass().add(CANCEL);
            cancel.setOnAction(event -> close());
            // The buttons keep their words; the two fields give way on a narrow editor.
            submit.setMinWidth(Region.USE_PREF_SIZE);
            cancel.setMinWidth(Region.USE_PREF_SIZE);
            kind.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(90);
            value.setMinWidth(80);
            HBox.setHgrow(value, Priority.SOMETIMES);
            HBox fields = new HBox(6, kind, name, value, submit, cancel);
            fields.setAlignment(Pos.CENTER_LEFT);
            problem.getStyleClass().addAll(RouteStyles.PROBLEM, PROBLEM);
            problem.setGraphic(Icons.icon(RouteStyles.ICON_PROBLEM, 14));
            problem.setWrapText(true);
            problem.managedProperty().bind(problem.visibleProperty());
            problem.setVisible(false);
            node = new VBox(4, fields, problem);
            node.getStyleClass().add(FORM);
            node.managedProperty().bind(node.visibleProperty());
            node.setVisible(false);
            // Enter adds, Escape closes the form only (not the whole editor, which also listens).
            node.addEventHandler(
                    KeyEvent.KEY_PRESSED,
                    event -> {
                        if (event.getCode() == KeyCode.ENTER) {
                            submit();
                            event.consume();
                        } else if (event.getCode() == KeyCode.ESCAPE) {
                            close();
                            event.consume();
                        }
                    });
        }

        void open(int index, MatchCondition condition) {
            editing = index;
            MatchCondition start = condition != null ? condition : MatchCondition.header("", "");
            kind.setValue(start.kind());
            showKind(start.kind());
            name.setText(start.name());
            value.setText(start.value());
            submit.setText(index < 0 ? "Add" : "Save");
            problem.setVisible(false);
            node.setVisible(true);
            Platform.runLater(
                    () -> (start.kind() == MatchCondition.Kind.PATH ? value : name).requestFocus());
        }

        private void showKind(MatchCondition.Kind chosen) {
            boolean path = chosen == MatchCondition.Kind.PATH;
            name.setVisible(!path);
            name.setManaged(!path);
            name.setPromptText(
                    chosen == MatchCondition.Kind.QUERY
                            ? "parameter, e.g. beta"
                            : "e.g. user-type");
            value.setPromptText(path ? "/v1/chat/*" : "exact value, e.g. premium");
        }

        private void submit() {
            MatchCondition.Kind chosen = kind.getValue();
            MatchCondition condition =
                    chosen == MatchCondition.Kind.PATH
                            ? MatchCondition.path(value.getText())
                            : new MatchCondition(chosen, name.getText(), value.getText());
            String refused = model.replaceCondition(target, editing, condition);
            if (refused != null) {
                problem.setText(refused);
                problem.setVisible(true);
                return;
            }
            close();
        }

        private void close() {
            node.setVisible(false);
            problem.setVisible(false);
            editing = -1;
        }
    }
}
