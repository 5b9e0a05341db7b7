package io.signalbox.app.requests;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import io.signalbox.persistence.RequestRecord;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;

/**
 * The live table of requests, newest on top, with the "N new requests" button over it. While the
 * user reads (a row selected, or the list scrolled down) new rows wait; Escape or the button brings
 * them in and follows the newest again.
 */
final class RequestTable {

    private final RequestsViewModel model;
    private final ZoneId zone;
    private final TableView<RequestRecord> table = new TableView<>();

    RequestTable(RequestsViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
    }

    Node build() {
        table.setId("requests-table");
        table.getStyleClass().add(RequestStyles.TABLE);
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label("No requests match these filters.");
        placeholder.getStyleClass().add(StyleClasses.MUTED);
        table.setPlaceholder(placeholder);
        addColumns();
        table.getColumns().forEach(column -> column.setSortable(false)); // newest first, always

        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, now) -> model.selectedProperty().set(now));
        table.setOnKeyPressed(
                event -> {
                    if (event.getCode() == KeyCode.ESCAPE) {
                        resume();
                        event.consume();
                    }
                });
        table.skinProperty().addListener((obs, old, skin) -> watchReading());

        Button more = new Button();
        more.setId("requests-new");
        more.getStyleClass().add(RequestStyles.NEW_BUTTON);
        more.setGraphic(Icons.icon(RequestStyles.ICON_NEW, 14));
        more.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> {
                                    int n = model.pendingProperty().get();
                                    return n + " new request" + (n == 1 ? "" : "s");
                                },
                                model.pendingProperty()));
        more.setTooltip(new Tooltip("Show them and follow new requests again (Escape)"));
        more.visibleProperty().bind(model.pendingProperty().greaterThan(0));
        more.setOnAction(event -> resume());
        StackPane pane = new StackPane(table, more);
        StackPane.setAlignment(more, Pos.TOP_CENTER);
        StackPane.setMargin(more, new Insets(34, 0, 0, 0));
        return pane;
    }

    private void addColumns() {
        table.getColumns()
                .add(
                        column(
                                "Time",
                                90,
                                r -> RequestFormat.time(r.startedAt(), zone),
                                r -> RequestFormat.fullTime(r.startedAt(), zone)));
        table.getColumns().add(column("Key", 80, RequestFormat::key, null));
        table.getColumns().add(column("Route", 100, RequestRecord::route, null));
        table.getColumns()
                .add(
                        column(
                                "Target",
                                180,
                                RequestFormat::target,
                                r -> "The target that served it"));
        table.getColumns().add(statusColumn());
        table.getColumns().add(attemptsColumn());
        TableColumn<RequestRecord, RequestRecord> latency =
                column("Latency", 80, r -> RequestFormat.latency(r.latencyMs()), null);
        TableColumn<RequestRecord, RequestRecord> tokens =
                column("Tokens", 80, RequestFormat::tokens, RequestFormat::tokenDetail);
        latency.getStyleClass().add(RequestStyles.NUMBER);
        tokens.getStyleClass().add(RequestStyles.NUMBER);
        table.getColumns().add(latency);
        table.getColumns().add(tokens);
        table.getColumns().add(column("Stream", 72, r -> r.stream() ? "yes" : "–", null));
    }

    /** Clears the selection, brings in the waiting requests and shows the newest. */
    private void resume() {
        table.getSelectionModel().clearSelection();
        model.showPending();
        table.scrollTo(0);
        table.requestFocus();
    }

    /** Reading: a row is selected, or the list is scrolled away from the newest rows. */
    private void watchReading() {
        // The scroll bar exists once the skin has laid the table out.
        Platform.runLater(
                () -> {
                    ScrollBar bar =
                            table.lookupAll(".scroll-bar").stream()
                                    .filter(node -> node instanceof ScrollBar)
                                    .map(node -> (ScrollBar) node)
                                    .filter(b -> b.getOrientation() == Orientation.VERTICAL)
                                    .findFirst()
                                    .orElse(null);
                    BooleanExpression selected =
                            table.getSelectionModel().selectedItemProperty().isNotNull();
                    model.readingProperty()
                            .bind(
                                    bar == null
                                            ? selected
                                            : selected.or(
                                                    bar.valueProperty()
                                                            .greaterThan(bar.minProperty())));
                });
    }

    private static TableColumn<RequestRecord, RequestRecord> statusColumn() {
        TableColumn<RequestRecord, RequestRecord> column = new TableColumn<>("Status");
        column.setPrefWidth(70);
        column.setMinWidth(70);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(
                unused ->
                        new TableCell<>() {
                            private final Label pill = new Label();

                            {
                                pill.getStyleClass().add(RequestStyles.STATUS);
                            }

                            @Override
                            protected void updateItem(RequestRecord request, boolean empty) {
                                super.updateItem(request, empty);
                                if (empty || request == null) {
                                    setGraphic(null);
                                    return;
                                }
                                pill.setText(String.valueOf(request.status()));
                                pill.getStyleClass()
                                        .removeIf(c -> c.startsWith(RequestStyles.STATUS_PREFIX));
                                pill.getStyleClass()
                                        .add(
                                                RequestStyles.STATUS_PREFIX
                                                        + RequestFormat.statusClass(
                                                                request.status()));
                                setGraphic(pill);
                            }
                        });
        return column;
    }

    /** The number of attempts; more than one gets the fork icon, so fallbacks stand out. */
    private static TableColumn<RequestRecord, RequestRecord> attemptsColumn() {
        TableColumn<RequestRecord, RequestRecord> column = new TableColumn<>("Attempts");
        column.setPrefWidth(92);
        column.setMinWidth(92);
        column.getStyleClass().add(RequestStyles.NUMBER);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(
                unused ->
                        new TableCell<>() {
                            private final Node fork = Icons.icon(RequestStyles.ICON_FALLBACK, 14);

                            {
                                fork.getStyleClass().add(RequestStyles.RETRIED);
                                setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
                            }

                            @Override
                            protected void updateItem(RequestRecord request, boolean empty) {
                                super.updateItem(request, empty);
                                boolean retried =
                                        !empty && request != null && request.attemptCount() > 1;
                                setText(
                                        empty || request == null
                                                ? null
                                                : String.valueOf(request.attemptCount()));
                                setGraphic(retried ? fork : null);
                                setTooltip(
                                        retried
                                                ? new Tooltip(
                                                        request.attemptCount()
                                                                + " attempts: select the row to see why")
                                                : null);
                            }
                        });
        return column;
    }

    /** A text column; with a tooltip when {@code tip} gives one for the row. */
    private static TableColumn<RequestRecord, RequestRecord> column(
            String title,
            double width,
            Function<RequestRecord, String> text,
            Function<RequestRecord, String> tip) {
        TableColumn<RequestRecord, RequestRecord> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // Short columns keep their width, so a narrow window shortens target and route names
        // rather than headers and numbers.
        if (width <= 90) {
            column.setMinWidth(width);
        }
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(
                unused ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(RequestRecord request, boolean empty) {
                                super.updateItem(request, empty);
                                setText(empty || request == null ? null : text.apply(request));
                                String hint =
                                        empty || request == null || tip == null
                                                ? null
                                                : tip.apply(request);
                                setTooltip(hint == null ? null : new Tooltip(hint));
                            }
                        });
        return column;
    }
}
