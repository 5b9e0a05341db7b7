package io.signalbox.app.access;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The table of access keys: one row per key, its tokens today against its limit. */
final class KeyTable {

    private KeyTable() {}

    static TableView<KeyRow> create(AccessViewModel model, Consumer<String> openEditor) {
        TableView<KeyRow> table = new TableView<>(model.keys());
        table.setId("key-table");
        table.getStyleClass().add(AccessStyles.KEY_TABLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<KeyRow, String> requests =
                text("Requests", 90, row -> Numbers.grouped(row.requestsToday()), null);
        TableColumn<KeyRow, String> today = new TableColumn<>("Today (since midnight)");
        today.setReorderable(false);
        today.getColumns().setAll(List.of(requests, tokens()));
        table.getColumns()
                .setAll(
                        List.of(
                                text("Name", 100, KeyRow::name, AccessStyles.KEY_NAME),
                                text(
                                        "Key",
                                        115,
                                        row -> row.prefix().isEmpty() ? "" : row.prefix() + "…",
                                        AccessStyles.KEY_PREFIX),
                                text("Routes", 140, KeyRow::routesText, null),
                                text("Created", 105, KeyRow::created, null),
                                text("Last used", 105, KeyRow::lastUsed, null),
                                today));
        Label empty =
                new Label(
                        "No access keys yet. Without one, only programs on this machine can call"
                                + " the proxy. Create a key for each person or program.");
        empty.setWrapText(true);
        empty.getStyleClass().add(io.signalbox.app.common.StyleClasses.MUTED);
        table.setPlaceholder(empty);
        table.setRowFactory(
                view -> {
                    TableRow<KeyRow> row =
                            new TableRow<>() {
                                @Override
                                protected void updateItem(KeyRow item, boolean empty) {
                                    super.updateItem(item, empty);
                                    setId(empty || item == null ? null : "key-" + item.name());
                                }
                            };
                    row.setOnMouseClicked(
                            event -> {
                                if (event.getClickCount() == 2 && row.getItem() != null) {
                                    openEditor.accept(row.getItem().name());
                                }
                            });
                    return row;
                });
        return table;
    }

    private static TableColumn<KeyRow, String> text(
            String title, double width, Function<KeyRow, String> value, String styleClass) {
        TableColumn<KeyRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 80));
        column.setReorderable(false);
        column.setCellValueFactory(
                cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(
                col -> {
                    TableCell<KeyRow, String> cell =
                            new TableCell<>() {
                                @Override
                                protected void updateItem(String item, boolean empty) {
                                    super.updateItem(item, empty);
                                    setText(empty ? null : item);
                                    // A long value may be cut short; the tooltip has it whole.
                                    setTooltip(empty || item == null ? null : new Tooltip(item));
                                }
                            };
                    if (styleClass != null) {
                        cell.getStyleClass().add(styleClass);
                    }
                    return cell;
                });
        return column;
    }

    /** "1,234 of 5,000" over a bar that turns amber at 80% and red at the limit. */
    private static TableColumn<KeyRow, KeyRow> tokens() {
        TableColumn<KeyRow, KeyRow> column = new TableColumn<>("Tokens");
        column.setPrefWidth(200);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(
                col ->
                        new TableCell<>() {
                            private final Label text = new Label();
                            private final ProgressBar bar = new ProgressBar();
                            private final VBox box = new VBox(3, text, bar);

                            {
                                box.setAlignment(Pos.CENTER_LEFT);
                                box.getStyleClass().add(AccessStyles.TOKENS_CELL);
                                bar.getStyleClass().add(AccessStyles.TOKENS_BAR);
                                bar.setMaxWidth(Double.MAX_VALUE);
                                bar.setPrefHeight(6);
                            }

                            @Override
                            protected void updateItem(KeyRow row, boolean empty) {
                                super.updateItem(row, empty);
                                if (empty || row == null) {
                                    setGraphic(null);
                                    setTooltip(null);
                                    return;
                                }
                                for (KeyRow.LimitState state : KeyRow.LimitState.values()) {
                                    box.getStyleClass().remove(AccessStyles.limitState(state));
                                }
                                box.getStyleClass().add(AccessStyles.limitState(row.limitState()));
                                text.setText(row.tokensText());
                                boolean limited = row.dailyTokenLimit().isPresent();
                                bar.setVisible(limited);
                                bar.setManaged(limited);
                                bar.setProgress(row.limitShare());
                                setTooltip(
                                        new Tooltip(
                                                limited
                                                        ? "Daily limit: requests get 429 once it is"
                                                                + " reached, until midnight"
                                                        : "No daily token limit"));
                                setGraphic(box);
                            }
                        });
        return column;
    }
}
