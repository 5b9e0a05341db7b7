package io.signalbox.app.routes;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Routes screen: the route list with its commands, and the route editor in its place while a
 * route is open. Save or Cancel in the editor comes back to the list.
 */
public final class RoutesView {

    /** How long a deleted route can be brought back from the undo bar. */
    static final Duration UNDO_TIME = Duration.seconds(10);

    private final RoutesViewModel model;
    private final RouteEditorViewModel editorModel;
    private final StackPane root = new StackPane();
    private final ListView<RouteSummary> list = new ListView<>();
    private final PauseTransition undoTimer = new PauseTransition(UNDO_TIME);

    /** The route to keep selected when the list is refilled after a save. */
    private String lastSelected;

    private Node listPane;
    private Node editorPane;

    /** Shown under the route list only (the Routers panel); null for none. */
    private Node footer;

    public RoutesView(RoutesViewModel model, RouteEditorViewModel editorModel) {
        this.model = model;
        this.editorModel = editorModel;
    }

    /** Puts {@code node} under the route list, hidden while the editor is open. */
    public RoutesView withFooter(Node node) {
        this.footer = node;
        return this;
    }

    public Parent build() {
        listPane = listPane();
        editorPane = new RouteEditorView(editorModel, this::showList).build();
        root.getStyleClass().add(RouteStyles.SCREEN);
        root.setId("routes-screen");
        root.getChildren().setAll(listPane);
        return root;
    }

    private Node listPane() {
        Label title = new Label("Routes");
        title.getStyleClass().add(RouteStyles.TITLE);
        Label subtitle =
                new Label(
                        "Each route is a model name your clients call; its traffic goes to the targets below.");
        subtitle.getStyleClass().add(StyleClasses.MUTED);
        subtitle.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button add =
                toolButton("add-route", RouteStyles.ICON_ADD, "New route", "Add a route (Ctrl+N)");
        add.getStyleClass().add(RouteStyles.PRIMARY);
        add.setOnAction(event -> openNew());
        Button rename =
                toolButton(
                        "rename-route",
                        RouteStyles.ICON_RENAME,
                        null,
                        "Rename the selected route (F2)");
        rename.setOnAction(event -> renameSelected());
        Button duplicate =
                toolButton(
                        "duplicate-route",
                        RouteStyles.ICON_DUPLICATE,
                        null,
                        "Duplicate the selected route (Ctrl+D)");
        duplicate.setOnAction(event -> duplicateSelected());
        Button delete =
                toolButton(
                        "delete-route",
                        RouteStyles.ICON_DELETE,
                        null,
                        "Delete the selected route (Delete)");
        delete.setOnAction(event -> deleteSelected());
        for (Button button : new Button[] {rename, duplicate, delete}) {
            button.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        HBox header =
                new HBox(8, new VBox(2, title, subtitle), spacer, rename, duplicate, delete, add);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(RouteStyles.HEADER);

        list.setId("route-list");
        list.getStyleClass().add(RouteStyles.ROUTE_LIST);
        list.setItems(model.routes());
        list.setCellFactory(view -> new RouteCell(model, this::openRoute));
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, selected) -> {
                            if (selected != null) {
                                lastSelected = selected.name();
                            }
                        });
        // A save refills the list (the config listener), and the list's own listener drops the
        // selection after ours has run: select again once the refill is done.
        model.routes()
                .addListener(
                        (javafx.beans.InvalidationListener)
                                observable ->
                                        javafx.application.Platform.runLater(
                                                () -> {
                                                    if (lastSelected != null
                                                            && list.getSelectionModel()
                                                                            .getSelectedItem()
                                                                    == null) {
                                                        select(lastSelected);
                                                    }
                                                }));
        Label empty = new Label("No routes yet. Add one, then drag models into it.");
        empty.getStyleClass().add(StyleClasses.MUTED);
        list.setPlaceholder(empty);
        list.setOnKeyPressed(
                event -> {
                    String selected = selectedName();
                    if (event.getCode() == KeyCode.ENTER && selected != null) {
                        openRoute(selected);
                    } else if (event.getCode() == KeyCode.F2) {
                        renameSelected();
                    } else if (event.getCode() == KeyCode.DELETE) {
                        deleteSelected();
                    } else if (new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN)
                            .match(event)) {
                        duplicateSelected();
                    } else if (new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN)
                            .match(event)) {
                        openNew();
                    } else {
                        return;
                    }
                    event.consume();
                });

        VBox pane = new VBox(12, header, messageBar(), list, undoBar());
        if (footer != null) {
            pane.getChildren().add(footer);
        }
        VBox.setVgrow(list, Priority.ALWAYS);
        pane.getStyleClass().add(RouteStyles.SCREEN);
        return pane;
    }

    private Node messageBar() {
        Label message = new Label();
        message.setId("routes-message");
        message.getStyleClass().add(RouteStyles.MESSAGE_BAR);
        message.setGraphic(Icons.icon(RouteStyles.ICON_PROBLEM, 16));
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private Node undoBar() {
        Label text = new Label();
        text.textProperty().bind(model.undoTextProperty());
        Button undo = new Button("Undo", Icons.icon(RouteStyles.ICON_UNDO, 14));
        undo.setId("undo-delete");
        undo.setTooltip(new Tooltip("Put the deleted route back (Ctrl+Z)"));
        undo.setOnAction(event -> undoDelete());
        Button close = toolButton("close-undo", RouteStyles.ICON_REMOVE, null, "Hide this message");
        close.setOnAction(event -> model.forgetUndo());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, text, spacer, undo, close);
        bar.setId("undo-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(RouteStyles.UNDO_BAR);
        bar.visibleProperty().bind(model.undoTextProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        undoTimer.setOnFinished(event -> model.forgetUndo());
        list.addEventHandler(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                event -> {
                    if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN)
                            .match(event)) {
                        undoDelete();
                        event.consume();
                    }
                });
        return bar;
    }

    private static Button toolButton(String id, String icon, String text, String tooltip) {
        Button button = new Button(text, Icons.icon(icon, 16));
        button.setId(id);
        // Never cut to "New r…": the theme's font is wider than the layout assumed.
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (text == null) {
            button.getStyleClass().add(StyleClasses.ICON_BUTTON);
        }
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private String selectedName() {
        RouteSummary selected = list.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.name();
    }

    private void select(String name) {
        lastSelected = name;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).name().equals(name)) {
                list.getSelectionModel().select(i);
                list.scrollTo(i);
                return;
            }
        }
    }

    private void openRoute(String name) {
        if (editorModel.open(name)) {
            showEditor();
        }
    }

    private void openNew() {
        editorModel.openNew();
        showEditor();
    }

    private void showEditor() {
        model.clearMessage();
        root.getChildren().setAll(editorPane);
        editorPane.requestFocus();
    }

    private void showList() {
        String edited = editorModel.storedName();
        root.getChildren().setAll(listPane);
        if (edited != null) {
            select(edited);
        }
        list.requestFocus();
    }

    private void renameSelected() {
        String selected = selectedName();
        if (selected == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog(selected);
        dialog.setTitle("Rename route");
        dialog.setHeaderText("Clients call the route by this name; access keys follow the rename.");
        dialog.setContentText("New name:");
        dialog.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        Optional<String> name = dialog.showAndWait();
        name.filter(value -> model.rename(selected, value))
                .ifPresent(value -> select(value.strip()));
    }

    private void duplicateSelected() {
        String selected = selectedName();
        if (selected != null) {
            String copy = model.duplicate(selected);
            if (copy != null) {
                select(copy);
            }
        }
    }

    private void deleteSelected() {
        String selected = selectedName();
        if (selected != null && model.delete(selected)) {
            undoTimer.playFromStart();
        }
    }

    private void undoDelete() {
        undoTimer.stop();
        String name = model.undoDelete();
        if (name != null) {
            select(name);
        }
    }
}
