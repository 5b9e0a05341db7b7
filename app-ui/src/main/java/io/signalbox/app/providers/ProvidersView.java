package io.signalbox.app.providers;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.signalbox.app.common.Icons;
import io.signalbox.app.common.Sizing;
import io.signalbox.app.common.StyleClasses;
import io.signalbox.persistence.config.ProviderConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Providers screen: the list on the left, the open provider's editor on the right, and the
 * first run's start in place of both while there is no provider.
 */
final class ProvidersView {

    private final ProvidersViewModel model;
    private final Runnable openRoutes;
    private final ListView<ProviderConfig> list;
    private final StackPane detail = new StackPane();
    private final Map<ProviderEditorViewModel, Node> editors = new HashMap<>();
    private Node firstRun;

    /** True while the list's selection is set from the view model, not by the user. */
    private boolean syncing;

    ProvidersView(ProvidersViewModel model, Runnable openRoutes) {
        this.model = model;
        this.openRoutes = openRoutes;
        this.list = new ListView<>(model.providers());
    }

    Node build() {
        Node listPane = listPane();
        listPane.visibleProperty().bind(model.firstRunProperty().not());
        listPane.managedProperty().bind(listPane.visibleProperty());
        VBox right = new VBox(confirmBar(), detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        BorderPane screen = new BorderPane(right);
        screen.setLeft(listPane);
        screen.setId("providers-screen");
        screen.getStyleClass().add(StyleClasses.SCREEN);

        model.editorProperty().addListener((obs, old, editor) -> showDetail());
        model.firstRunProperty().addListener((obs, old, first) -> showDetail());
        model.selectedNameProperty().addListener((obs, old, name) -> syncSelection());
        model.providers()
                .addListener((ListChangeListener<ProviderConfig>) change -> syncSelection());
        showDetail();
        syncSelection();
        return screen;
    }

    private Node listPane() {
        Label title = new Label("Providers");
        title.getStyleClass().add(Styles.TITLE_4);
        Button add = new Button(null, Icons.icon(Icons.ADD, 18));
        add.setId("add-provider");
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        add.setTooltip(new Tooltip("Add a provider"));
        add.setOnAction(event -> model.addProvider(Optional.empty()));
        HBox header = new HBox(8, title, new Spacer(), add);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(StyleClasses.PANE_HEADER);

        list.setId("provider-list");
        list.setCellFactory(view -> new ProviderCell());
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, old, provider) -> {
                            if (!syncing && provider != null) {
                                model.select(provider.name());
                            }
                        });
        list.setOnKeyPressed(
                event -> {
                    if (event.getCode() == KeyCode.DELETE) {
                        model.requestRemove();
                        event.consume();
                    }
                });
        list.setTooltip(new Tooltip("Delete removes the selected provider (asks first)"));
        VBox pane = new VBox(header, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        pane.getStyleClass().add(StyleClasses.LIST_PANE);
        return pane;
    }

    private void syncSelection() {
        syncing = true;
        try {
            String name = model.selectedNameProperty().get();
            Optional<ProviderConfig> selected =
                    list.getItems().stream().filter(p -> p.name().equals(name)).findFirst();
            if (selected.isPresent()) {
                list.getSelectionModel().select(selected.get());
            } else {
                list.getSelectionModel().clearSelection();
            }
        } finally {
            syncing = false;
        }
    }

    private void showDetail() {
        ProviderEditorViewModel editor = model.editorProperty().get();
        if (editor == null) {
            if (firstRun == null) {
                firstRun = new FirstRunView(model).build();
            }
            detail.getChildren().setAll(firstRun);
            return;
        }
        // Each editor's view is kept, with its scroll position and revealed key state.
        detail.getChildren()
                .setAll(
                        editors.computeIfAbsent(
                                editor,
                                unused ->
                                        new ProviderEditorView(
                                                        editor,
                                                        model::requestRemove,
                                                        CertificateFiles.NATIVE)
                                                .build()));
        editors.keySet().removeIf(cached -> !model.hasEditor(cached) && cached != editor);
    }

    /** Asks before a removal, or says why the provider cannot be removed yet. */
    private Node confirmBar() {
        Label text = new Label();
        text.setId("removal-text");
        Sizing.wrap(text);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button confirm = new Button("Remove", Icons.icon(Icons.REMOVE, 14));
        confirm.setId("confirm-remove");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setOnAction(event -> model.confirmRemove());
        Button routes = new Button("Open Routes", Icons.icon(Icons.ROUTES, 14));
        routes.setId("open-routes");
        routes.setOnAction(
                event -> {
                    model.cancelRemove();
                    openRoutes.run();
                });
        Button cancel = new Button("Keep");
        cancel.setId("cancel-remove");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> model.cancelRemove());
        Sizing.neverNarrower(confirm, routes, cancel);
        HBox bar = new HBox(10, text, confirm, routes, cancel);
        bar.setId("removal-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(StyleClasses.CONFIRM_BAR);
        bar.setVisible(false);
        bar.setManaged(false);
        model.removalProperty()
                .addListener(
                        (obs, old, prompt) -> {
                            bar.setVisible(prompt != null);
                            bar.setManaged(prompt != null);
                            if (prompt == null) {
                                return;
                            }
                            text.setText(prompt.text());
                            confirm.setVisible(!prompt.blocked());
                            confirm.setManaged(!prompt.blocked());
                            routes.setVisible(prompt.blocked());
                            routes.setManaged(prompt.blocked());
                            cancel.setText(prompt.blocked() ? "OK" : "Keep");
                            // The safe answer has the focus: Space or Escape keeps the provider.
                            cancel.requestFocus();
                        });
        return bar;
    }

    /** A provider in the list: name, base URL, how many models are selected, and if it is off. */
    private static final class ProviderCell extends ListCell<ProviderConfig> {

        @Override
        protected void updateItem(ProviderConfig provider, boolean empty) {
            super.updateItem(provider, empty);
            if (empty || provider == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name =
                    new Label(
                            provider.name(),
                            Icons.icon(
                                    LocalServer.isOnThisMachine(provider.baseUrl())
                                            ? Icons.LOCAL_SERVER
                                            : Icons.CLOUD,
                                    16));
            name.getStyleClass().add(StyleClasses.PROVIDER_NAME);
            Label url = new Label(provider.baseUrl());
            url.getStyleClass().addAll(StyleClasses.MUTED, Styles.TEXT_SMALL);
            int count = provider.models().size();
            Label models = new Label(count == 1 ? "1 model" : count + " models");
            models.getStyleClass().addAll(StyleClasses.MUTED, Styles.TEXT_SMALL);
            HBox line = new HBox(6, name, new Spacer(), models);
            line.setAlignment(Pos.CENTER_LEFT);
            if (!provider.enabled()) {
                Label off = new Label("off");
                off.getStyleClass().addAll(StyleClasses.BADGE, StyleClasses.BADGE_OFF);
                line.getChildren().add(off);
            }
            VBox content = new VBox(2, line, url);
            content.getStyleClass().add(StyleClasses.PROVIDER_CELL);
            setGraphic(content);
            setText(null);
        }
    }
}
