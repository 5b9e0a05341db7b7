package io.signalbox.app.requests;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import io.signalbox.app.usage.FirstRequestView;
import io.signalbox.persistence.usage.StatusClass;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/**
 * The Requests screen: filters, the live table of recent requests (newest on top), and the selected
 * request's attempt trace below it.
 */
public final class RequestsView {

    private static final String ALL_ROUTES = "All routes";
    private static final String ALL_KEYS = "All keys";

    private final RequestsViewModel model;
    private final ZoneId zone;
    private final TextField search = new TextField();

    public RequestsView(RequestsViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
    }

    public Parent build() {
        Label title = new Label("Requests");
        title.getStyleClass().add(RequestStyles.TITLE);
        Label subtitle =
                new Label(
                        "The newest requests through the proxy, live. Select one to see every"
                                + " target it tried.");
        subtitle.getStyleClass().add(StyleClasses.MUTED);
        VBox header = new VBox(2, title, subtitle, filters());
        VBox.setMargin(header.getChildren().get(2), new Insets(10, 0, 0, 0));
        header.getStyleClass().add(RequestStyles.HEADER);

        SplitPane split =
                new SplitPane(
                        new RequestTable(model, zone).build(), new TraceView(model, zone).build());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        Node empty =
                FirstRequestView.build(
                        "requests",
                        model.firstRequestAdviceProperty(),
                        model.firstRequestProperty());
        empty.visibleProperty().bind(model.logEmptyProperty());
        split.visibleProperty().bind(model.logEmptyProperty().not());
        StackPane body = new StackPane(split, empty);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label problem = new Label();
        problem.getStyleClass().add(RequestStyles.PROBLEM);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox root = new VBox(12, header, problem, body);
        root.setId("requests-screen");
        root.getStyleClass().add(RequestStyles.SCREEN);
        root.addEventHandler(
                javafx.scene.input.KeyEvent.KEY_PRESSED,
                event -> {
                    if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN)
                            .match(event)) {
                        search.requestFocus();
                        event.consume();
                    }
                });
        return root;
    }

    private Node filters() {
        search.setId("requests-search");
        search.setPromptText("Filter: route, model, key, status, error, id…  (Ctrl+F)");
        search.textProperty().bindBidirectional(model.textProperty());
        search.setPrefWidth(300);
        search.setMinWidth(140);
        HBox.setHgrow(search, Priority.SOMETIMES);
        search.setOnKeyPressed(
                event -> {
                    if (event.getCode() == KeyCode.ESCAPE) {
                        search.clear();
                    }
                });
        ComboBox<String> routes =
                choice("requests-route", ALL_ROUTES, model.routeChoices(), model.routeProperty());
        routes.setTooltip(new Tooltip("Only requests for this route"));
        ComboBox<String> keys =
                choice("requests-key", ALL_KEYS, model.keyChoices(), model.keyProperty());
        keys.setTooltip(new Tooltip("Only requests made with this access key"));

        SegmentedButton statuses = new SegmentedButton();
        statuses.setId("requests-status");
        statuses.getStyleClass().add(RequestStyles.STATUS_PICKER);
        ToggleGroup group = new ToggleGroup();
        statuses.setToggleGroup(group);
        statuses.getButtons().add(statusButton("Any status", null, "Every status"));
        for (StatusClass status : StatusClass.values()) {
            statuses.getButtons()
                    .add(
                            statusButton(
                                    status.label(), status, "Only " + status.label() + " answers"));
        }
        group.selectToggle(statuses.getButtons().get(0));
        group.selectedToggleProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now == null) {
                                group.selectToggle(old);
                            } else {
                                model.statusProperty().set((StatusClass) now.getUserData());
                            }
                        });

        Label live = new Label();
        live.setId("requests-live");
        live.textProperty()
                .bind(Bindings.when(model.readingProperty()).then("Paused").otherwise("Live"));
        live.graphicProperty()
                .bind(
                        Bindings.when(model.readingProperty())
                                .then((Node) Icons.icon(RequestStyles.ICON_PAUSED, 16))
                                .otherwise((Node) Icons.icon(RequestStyles.ICON_LIVE, 16)));
        model.readingProperty()
                .addListener(
                        (obs, was, now) ->
                                live.getStyleClass()
                                        .setAll(
                                                "label",
                                                now ? RequestStyles.PAUSED : RequestStyles.LIVE));
        live.getStyleClass().add(RequestStyles.LIVE);
        live.setTooltip(
                new Tooltip(
                        "New requests appear at the top. While a row is selected or the list is"
                                + " scrolled down they wait, so nothing moves under your eyes;"
                                + " Escape or the \"new requests\" button brings them in."));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, search, routes, keys, statuses, spacer, live);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(RequestStyles.FILTERS);
        // The search and the combo boxes give way first when the window is narrow.
        routes.setMinWidth(100);
        keys.setMinWidth(100);
        statuses.setMinWidth(Region.USE_PREF_SIZE);
        live.setMinWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    private static ToggleButton statusButton(String text, StatusClass status, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setId("requests-status-" + (status == null ? "any" : status.label()));
        button.setUserData(status);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    /** A combo box of {@code all} and the choices; {@code all} stands for no filter. */
    private static ComboBox<String> choice(
            String id, String all, ObservableList<String> choices, ObjectProperty<String> filter) {
        ObservableList<String> items = FXCollections.observableArrayList(all);
        items.addAll(choices);
        ComboBox<String> box = new ComboBox<>(items);
        choices.addListener(
                (ListChangeListener<String>)
                        change -> {
                            // Replacing the items clears the selection: keep the chosen one.
                            String chosen = box.getValue();
                            List<String> next = new java.util.ArrayList<>(List.of(all));
                            next.addAll(choices);
                            items.setAll(next);
                            box.setValue(chosen == null ? all : chosen);
                        });
        box.setId(id);
        box.setValue(all);
        box.valueProperty()
                .addListener(
                        (obs, old, now) -> filter.set(now == null || now.equals(all) ? null : now));
        return box;
    }
}
