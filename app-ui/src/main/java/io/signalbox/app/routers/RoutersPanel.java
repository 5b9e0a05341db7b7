package io.signalbox.app.routers;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import io.signalbox.app.runtime.ConfigService;
import io.signalbox.app.runtime.SignalboxRuntime;
import io.signalbox.persistence.config.InvalidConfigException;
import io.signalbox.persistence.config.SignalboxConfig;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Routers panel under the route list (ADR 0013): each router with its slug (edit and press
 * Enter to rename), its switch, its full endpoint URL with a copy button, its routes, and delete.
 * Which routes a router serves is chosen in each route's editor.
 */
public final class RoutersPanel {

    static final String ICON_COPY = "mdi2c-content-copy";
    static final String ICON_DELETE = "mdi2d-delete-outline";
    static final String ICON_ADD = "mdi2p-plus";
    static final String ROUTER_ROW = "router-row";
    static final String ROUTER_URL = "router-url";

    private final RoutersViewModel model;
    private final VBox rows = new VBox(6);

    public RoutersPanel(RoutersViewModel model) {
        this.model = model;
    }

    /** The panel wired to the running app: its configuration service and the proxy's URL. */
    public static Node create(SignalboxRuntime runtime) {
        ConfigService service = runtime.config();
        RoutersViewModel model =
                new RoutersViewModel(
                        new RouterStore() {
                            @Override
                            public SignalboxConfig current() {
                                return service.current();
                            }

                            @Override
                            public SignalboxConfig replace(SignalboxConfig next)
                                    throws InvalidConfigException {
                                return service.replace(next);
                            }
                        },
                        () -> runtime.proxy().baseUrl());
        model.reload();
        // Changes may come from an HTTP worker (the management API): hop to the FX thread.
        service.addListener(config -> Platform.runLater(() -> model.configChanged(config)));
        return new RoutersPanel(model).build();
    }

    public Node build() {
        Label hint =
                new Label(
                        "A router is an OpenAI endpoint of its own that serves only the routes"
                                + " you pick for it in a route's editor; /v1 keeps serving every"
                                + " route. Access keys can be limited to routers.");
        hint.setWrapText(true);
        hint.getStyleClass().add(StyleClasses.MUTED);
        Button add = new Button("New router", Icons.icon(ICON_ADD, 14));
        add.setId("add-router");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(event -> model.add());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, hint, spacer, add);
        HBox.setHgrow(hint, Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("routers-message");
        message.setWrapText(true);
        message.getStyleClass().add("routes-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        rows.setId("router-rows");
        model.routers().addListener((InvalidationListener) observable -> fill());
        fill();

        TitledPane pane = new TitledPane("Routers", new VBox(8, top, message, rows));
        pane.setId("routers-panel");
        pane.setExpanded(true);
        return pane;
    }

    private void fill() {
        rows.getChildren().clear();
        if (model.routers().isEmpty()) {
            Label none = new Label("No routers yet.");
            none.getStyleClass().add(StyleClasses.MUTED);
            rows.getChildren().add(none);
            return;
        }
        model.routers().forEach(router -> rows.getChildren().add(row(router)));
    }

    private Node row(RouterRow router) {
        String slug = router.slug();
        TextField name = new TextField(slug);
        name.setId("router-slug-" + slug);
        name.setPrefColumnCount(12);
        name.setTooltip(new Tooltip("The slug in /router/SLUG/v1; edit and press Enter to rename"));
        name.setOnAction(event -> rename(name, slug));
        name.setOnKeyPressed(
                event -> {
                    if (event.getCode() == KeyCode.ESCAPE) {
                        name.setText(slug);
                        model.clearMessage();
                    }
                });
        name.focusedProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (was && !now && !name.getText().strip().equals(slug)) {
                                rename(name, slug);
                            }
                        });

        CheckBox active = new CheckBox("Active");
        active.setId("router-active-" + slug);
        active.setSelected(router.active());
        active.setTooltip(new Tooltip("A router that is off answers 404 router_not_found"));
        active.setOnAction(event -> model.setActive(slug, active.isSelected()));

        TextField url = new TextField(router.url());
        url.setId("router-url-" + slug);
        url.setEditable(false);
        url.getStyleClass().add(ROUTER_URL);
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button(null, Icons.icon(ICON_COPY, 14));
        copy.setId("copy-router-url-" + slug);
        copy.setTooltip(new Tooltip("Copy the endpoint URL"));
        copy.setOnAction(
                event -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(router.url());
                    Clipboard.getSystemClipboard().setContent(content);
                });
        Button delete = new Button(null, Icons.icon(ICON_DELETE, 14));
        delete.setId("delete-router-" + slug);
        delete.setTooltip(new Tooltip("Delete this router (its routes stay)"));
        delete.setOnAction(event -> model.delete(slug));

        Label routes = new Label(router.routesText());
        routes.setId("router-routes-" + slug);
        routes.getStyleClass().add(StyleClasses.MUTED);
        HBox line = new HBox(8, name, active, url, copy, delete);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, line, routes);
        row.getStyleClass().add(ROUTER_ROW);
        return row;
    }

    private void rename(TextField name, String slug) {
        if (!model.rename(slug, name.getText())) {
            name.setText(slug);
        }
    }
}
