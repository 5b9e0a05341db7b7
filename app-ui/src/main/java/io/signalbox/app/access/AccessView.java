package io.signalbox.app.access;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Access screen: the key list with its commands, a new key's value while it is shown, and the
 * key editor in the list's place while a key is created or changed.
 */
public final class AccessView {

    private final AccessViewModel model;
    private final KeyEditorViewModel editorModel;
    private final Runnable statsChanged;
    private final StackPane root = new StackPane();
    private TableView<KeyRow> table;
    private Node listPane;
    private Node editorPane;
    private KeyEditorView editor;

    /** The key to keep selected when rows are replaced. */
    private String lastSelected;

    /**
     * @param statsChanged asks for the key stats to be read again (after a save or a revoke)
     */
    public AccessView(
            AccessViewModel model, KeyEditorViewModel editorModel, Runnable statsChanged) {
        this.model = model;
        this.editorModel = editorModel;
        this.statsChanged = statsChanged;
    }

    public Parent build() {
        editor = new KeyEditorView(editorModel, this::editorClosed);
        editorPane = editor.build();
        StackPane.setAlignment(editorPane, Pos.TOP_LEFT);
        listPane = listPane();
        root.setId("access-screen");
        root.getStyleClass().add(AccessStyles.SCREEN);
        root.getChildren().setAll(listPane);
        return root;
    }

    private Node listPane() {
        Label title = new Label("Access keys");
        title.getStyleClass().add(AccessStyles.TITLE);
        Label subtitle =
                new Label(
                        "Each person or program that shares this proxy gets its own key, limited"
                                + " to some routes and, if you like, to some tokens a day.");
        subtitle.getStyleClass().add(StyleClasses.MUTED);
        subtitle.setWrapText(true);
        // Wrapped text keeps its height when the table takes the rest, instead of ending in "...".
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        table = KeyTable.create(model, this::openEdit);
        keepSelection();

        Button add =
                toolButton("new-key", AccessStyles.ICON_ADD, "New key", "Create a key (Ctrl+N)");
        add.getStyleClass().add(AccessStyles.PRIMARY);
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(event -> openNew());
        Button edit =
                toolButton(
                        "edit-key",
                        AccessStyles.ICON_EDIT,
                        null,
                        "Change the selected key's routes and limit (Enter)");
        edit.setOnAction(event -> openEdit(selectedName()));
        Button revoke =
                toolButton(
                        "revoke-key",
                        AccessStyles.ICON_REVOKE,
                        null,
                        "Revoke the selected key (Delete)");
        revoke.setOnAction(event -> model.askRevoke(selectedName()));
        for (Button button : new Button[] {edit, revoke}) {
            button.disableProperty()
                    .bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox titles = new VBox(2, title, subtitle);
        HBox.setHgrow(titles, Priority.SOMETIMES);
        HBox header = new HBox(8, titles, spacer, edit, revoke, add);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(AccessStyles.HEADER);

        table.setOnKeyPressed(
                event -> {
                    String selected = selectedName();
                    if (event.getCode() == KeyCode.ENTER && selected != null) {
                        openEdit(selected);
                    } else if (event.getCode() == KeyCode.DELETE && selected != null) {
                        model.askRevoke(selected);
                    } else if (new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN)
                            .match(event)) {
                        openNew();
                    } else {
                        return;
                    }
                    event.consume();
                });

        Label footer =
                new Label(
                        "Keys are stored as hashes: a key's value is shown once, when it is"
                                + " created. Requests and tokens count since local midnight,"
                                + " when daily limits start again.");
        footer.setWrapText(true);
        footer.setMinHeight(Region.USE_PREF_SIZE);
        footer.getStyleClass().add(AccessStyles.HINT);

        VBox pane =
                new VBox(
                        12,
                        header,
                        NewKeyPane.create(model),
                        bar(
                                "access-message",
                                model.messageProperty(),
                                AccessStyles.ICON_PROBLEM,
                                AccessStyles.MESSAGE_BAR),
                        bar(
                                "access-notice",
                                model.noticeProperty(),
                                AccessStyles.ICON_DONE,
                                AccessStyles.NOTICE_BAR),
                        limitNotices(),
                        revokeBar(),
                        table,
                        footer);
        VBox.setVgrow(table, Priority.ALWAYS);
        return pane;
    }

    /**
     * A row replaced by a refresh (its last use, its tokens) or a list rebuilt after a change loses
     * the table's selection: select the same key again once the change is through.
     */
    private void keepSelection() {
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, selected) -> {
                            if (selected != null) {
                                lastSelected = selected.name();
                            }
                        });
        model.keys()
                .addListener(
                        (ListChangeListener<KeyRow>)
                                change ->
                                        javafx.application.Platform.runLater(
                                                () -> {
                                                    if (lastSelected != null
                                                            && table.getSelectionModel()
                                                                            .getSelectedItem()
                                                                    == null) {
                                                        select(lastSelected);
                                                    }
                                                }));
    }

    private static Node bar(
            String id,
            javafx.beans.property.ReadOnlyStringProperty text,
            String icon,
            String styleClass) {
        Label label = new Label(null, Icons.icon(icon, 16));
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().add(styleClass);
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** One line per key at 80% or more of its daily limit. */
    private Node limitNotices() {
        VBox box = new VBox(4);
        box.setId("limit-notices");
        Runnable fill =
                () -> {
                    box.getChildren().clear();
                    for (String notice : model.limitNotices()) {
                        Label line = new Label(notice, Icons.icon(AccessStyles.ICON_WARNING, 16));
                        line.setWrapText(true);
                        line.setMinHeight(Region.USE_PREF_SIZE);
                        line.setMaxWidth(Double.MAX_VALUE);
                        line.getStyleClass().add(AccessStyles.LIMIT_NOTICE);
                        box.getChildren().add(line);
                    }
                };
        model.limitNotices().addListener((ListChangeListener<String>) change -> fill.run());
        fill.run();
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.limitNotices()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node revokeBar() {
        Label question = new Label();
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.textProperty().bind(model.revokeQuestionProperty());
        HBox.setHgrow(question, Priority.ALWAYS);
        Button confirm = new Button("Revoke", Icons.icon(AccessStyles.ICON_REVOKE, 16));
        confirm.setId("confirm-revoke");
        confirm.getStyleClass().add(AccessStyles.DANGER);
        confirm.setOnAction(
                event -> {
                    if (model.confirmRevoke()) {
                        lastSelected = null;
                        statsChanged.run();
                    }
                    table.requestFocus();
                });
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-revoke");
        cancel.setOnAction(
                event -> {
                    model.cancelRevoke();
                    table.requestFocus();
                });
        // The buttons keep their text; the question wraps instead.
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, question, cancel, confirm);
        bar.setId("revoke-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(AccessStyles.CONFIRM_BAR);
        bar.visibleProperty().bind(model.revokeCandidateProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        // The safe choice has the focus, so an Enter pressed out of habit does not revoke.
        bar.visibleProperty()
                .addListener(
                        (obs, was, shown) -> {
                            if (shown) {
                                cancel.requestFocus();
                            }
                        });
        return bar;
    }

    private static Button toolButton(String id, String icon, String text, String tooltip) {
        Button button = new Button(text, Icons.icon(icon, 16));
        button.setId(id);
        if (text == null) {
            button.getStyleClass().add(StyleClasses.ICON_BUTTON);
        }
        button.setTooltip(new Tooltip(tooltip));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private String selectedName() {
        KeyRow selected = table.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.name();
    }

    private void openNew() {
        editorModel.openNew();
        showEditor();
    }

    private void openEdit(String name) {
        if (name != null && editorModel.openEdit(name)) {
            showEditor();
        }
    }

    private void showEditor() {
        model.cancelRevoke();
        model.clearNotice();
        root.getChildren().setAll(editorPane);
        editor.focus();
    }

    private void editorClosed(Optional<KeyEditorViewModel.Saved> saved) {
        root.getChildren().setAll(listPane);
        saved.ifPresent(
                done -> {
                    model.keySaved(done);
                    statsChanged.run();
                    select(done.name());
                });
        table.requestFocus();
    }

    private void select(String name) {
        lastSelected = name;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).name().equals(name)) {
                table.getSelectionModel().select(i);
                table.scrollTo(i);
                return;
            }
        }
    }
}
