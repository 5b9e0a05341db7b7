package io.signalbox.app.routes;

import io.signalbox.app.common.Icons;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The palette: every provider's selected models in a tree with a filter field. Models are dragged
 * from here; for the keyboard, Enter adds the selected model as a target and Shift+Enter as a
 * fallback, as do the two buttons below the tree.
 */
final class ModelPalette {

    private final RouteEditorViewModel model;
    private final EditorDragAndDrop dragAndDrop;
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final TextField filter = new TextField();

    ModelPalette(RouteEditorViewModel model, EditorDragAndDrop dragAndDrop) {
        this.model = model;
        this.dragAndDrop = dragAndDrop;
    }

    TextField filterField() {
        return filter;
    }

    Node build() {
        Label title = new Label("Models");
        title.getStyleClass().add(RouteStyles.SECTION_TITLE);
        Label hint = new Label("Drag a model onto the targets or the fallbacks.");
        hint.getStyleClass().add(RouteStyles.HINT);
        hint.setWrapText(true);

        filter.setId("palette-filter");
        filter.setPromptText("Filter models (Ctrl+F)");
        filter.textProperty().bindBidirectional(model.paletteFilterProperty());
        Label filterIcon = new Label(null, Icons.icon(RouteStyles.ICON_FILTER, 16));
        HBox filterRow = new HBox(6, filterIcon, filter);
        filterRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(filter, Priority.ALWAYS);

        tree.setId("palette-tree");
        tree.getStyleClass().add(RouteStyles.PALETTE_TREE);
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new PaletteCell());
        tree.setOnKeyPressed(
                event -> {
                    if (event.getCode() == KeyCode.ENTER && selectedModel() != null) {
                        addSelected(event.isShiftDown());
                        event.consume();
                    }
                });
        model.visiblePalette().addListener((InvalidationListener) observable -> refill());
        // Cells note which models are in use; that changes with every drop.
        model.targets().addListener((InvalidationListener) observable -> tree.refresh());
        model.fallbacks().addListener((InvalidationListener) observable -> tree.refresh());
        refill();

        Button asTarget = new Button("Add target", Icons.icon(RouteStyles.ICON_ADD, 14));
        asTarget.setId("palette-add-target");
        asTarget.setTooltip(new Tooltip("Add the selected model as a target (Enter)"));
        asTarget.setOnAction(event -> addSelected(false));
        Button asFallback = new Button("Add fallback", Icons.icon(RouteStyles.ICON_ADD, 14));
        asFallback.setId("palette-add-fallback");
        asFallback.setTooltip(new Tooltip("Add the selected model as a fallback (Shift+Enter)"));
        asFallback.setOnAction(event -> addSelected(true));
        for (Button button : new Button[] {asTarget, asFallback}) {
            button.disableProperty()
                    .bind(
                            javafx.beans.binding.Bindings.createBooleanBinding(
                                    () -> selectedModel() == null,
                                    tree.getSelectionModel().selectedItemProperty()));
        }
        asTarget.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        asFallback.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox buttons = new HBox(6, asTarget, asFallback);

        // While a row is dragged the palette says it removes what is dropped on it.
        Label removeHint = new Label("Drop here to remove", Icons.icon(RouteStyles.ICON_TRASH, 20));
        removeHint.getStyleClass().add(RouteStyles.REMOVE_ZONE);
        removeHint.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        removeHint.visibleProperty().bind(dragAndDrop.rowDraggingProperty());
        removeHint.setMouseTransparent(true);
        StackPane treeArea = new StackPane(tree, removeHint);
        VBox.setVgrow(treeArea, Priority.ALWAYS);

        VBox palette = new VBox(8, title, hint, filterRow, treeArea, buttons);
        palette.setId("model-palette");
        palette.setMinWidth(270);
        palette.getStyleClass().add(RouteStyles.PALETTE);
        return palette;
    }

    private void refill() {
        TreeItem<Object> root = tree.getRoot();
        root.getChildren().clear();
        for (ProviderModels provider : model.visiblePalette()) {
            TreeItem<Object> branch = new TreeItem<>(provider);
            branch.setExpanded(true);
            provider.refs().forEach(ref -> branch.getChildren().add(new TreeItem<>(ref)));
            root.getChildren().add(branch);
        }
    }

    private ModelRef selectedModel() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof ModelRef ref ? ref : null;
    }

    private void addSelected(boolean asFallback) {
        ModelRef selected = selectedModel();
        if (selected == null) {
            return;
        }
        if (asFallback) {
            model.lists().addFallback(selected, model.fallbacks().size());
        } else {
            model.lists().addTarget(selected, model.targets().size());
        }
    }

    /** A provider (bold, not draggable) or one of its models (draggable, marked when in use). */
    private final class PaletteCell extends TreeCell<Object> {

        PaletteCell() {
            dragAndDrop.dragSource(
                    this,
                    () ->
                            getItem() instanceof ModelRef ref
                                    ? new EditorDragAndDrop.Payload(
                                            EditorDragAndDrop.Source.PALETTE, ref, -1)
                                    : null,
                    this);
            setOnMouseClicked(
                    event -> {
                        if (event.getClickCount() == 2 && getItem() instanceof ModelRef) {
                            addSelected(false);
                        }
                    });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(RouteStyles.PALETTE_PROVIDER, RouteStyles.PALETTE_IN_USE);
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                return;
            }
            if (item instanceof ProviderModels provider) {
                setText(provider.provider() + (provider.enabled() ? "" : "  (off)"));
                getStyleClass().add(RouteStyles.PALETTE_PROVIDER);
                if (provider.models().isEmpty()) {
                    setTooltip(new Tooltip("No models selected at this provider yet"));
                }
                return;
            }
            ModelRef ref = (ModelRef) item;
            String role = model.lists().roleOf(ref);
            setText(role == null ? ref.model() : ref.model() + "  · " + role);
            if (role != null) {
                getStyleClass().add(RouteStyles.PALETTE_IN_USE);
            }
            setTooltip(
                    new Tooltip(
                            ref.label()
                                    + "\nDrag onto the targets or fallbacks; Enter adds it as a"
                                    + " target, Shift+Enter as a fallback."));
        }
    }
}
