package io.signalbox.app.usage;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The table under the charts: per group, the same numbers as the cards above. Rows are replaced
 * only where their numbers changed, so a live update keeps the selection and the scroll position.
 */
final class UsageTable {

    private final ObservableList<GroupRow> rows = FXCollections.observableArrayList();
    private final TableView<GroupRow> table = new TableView<>();
    private final ToIntFunction<String> colorOf;

    UsageTable(ToIntFunction<String> colorOf) {
        this.colorOf = colorOf;
        table.setId("usage-table");
        table.getStyleClass().add(UsageStyles.TABLE);
        SortedList<GroupRow> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No requests in this range."));
        table.setPrefHeight(rowsHeight(0));

        TableColumn<GroupRow, GroupRow> group = new TableColumn<>("Group");
        group.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        group.setCellFactory(column -> new GroupCell());
        group.setComparator((a, b) -> a.label().compareToIgnoreCase(b.label()));
        group.setPrefWidth(170);
        group.setMinWidth(110);
        table.getColumns().add(group);
        table.getColumns().add(number("Requests", GroupRow::requests));
        table.getColumns().add(number("Errors", GroupRow::errors));
        table.getColumns()
                .add(
                        text(
                                "Error rate",
                                row -> row.errorRate(),
                                row -> UsageFormat.percent(row.errorRate())));
        table.getColumns().add(number("Prompt", GroupRow::promptTokens));
        table.getColumns().add(number("Completion", GroupRow::completionTokens));
        TableColumn<GroupRow, GroupRow> total =
                text(
                        "Total",
                        row -> row.totalTokens(),
                        row ->
                                (row.estimated() ? "~ " : "")
                                        + UsageFormat.count(row.totalTokens()));
        table.getColumns().add(total);
        table.getColumns()
                .add(text("Share", row -> row.share(), row -> UsageFormat.percent(row.share())));
        table.getColumns().add(number("Estimated", GroupRow::estimatedRequests));
    }

    TableView<GroupRow> node() {
        return table;
    }

    void show(List<GroupRow> next) {
        table.setPrefHeight(rowsHeight(next.size()));
        for (int i = 0; i < next.size(); i++) {
            if (i >= rows.size()) {
                rows.add(next.get(i));
            } else if (!rows.get(i).equals(next.get(i))) {
                rows.set(i, next.get(i));
            }
        }
        if (rows.size() > next.size()) {
            rows.remove(next.size(), rows.size());
        }
    }

    /** As tall as its rows (two to five, then it scrolls), so the chart gets the rest. */
    private static double rowsHeight(int rows) {
        return 32 + 26 * Math.max(2, Math.min(5, rows));
    }

    private static TableColumn<GroupRow, GroupRow> number(
            String title, Function<GroupRow, Long> value) {
        return text(title, value::apply, row -> UsageFormat.count(value.apply(row)));
    }

    /** A right-aligned column that sorts by the number and shows it as {@code text} says. */
    private static TableColumn<GroupRow, GroupRow> text(
            String title, Function<GroupRow, Number> value, Function<GroupRow, String> text) {
        TableColumn<GroupRow, GroupRow> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(
                unused ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(GroupRow row, boolean empty) {
                                super.updateItem(row, empty);
                                setText(empty || row == null ? null : text.apply(row));
                            }
                        });
        column.setComparator(
                (a, b) ->
                        Double.compare(value.apply(a).doubleValue(), value.apply(b).doubleValue()));
        column.getStyleClass().add(UsageStyles.NUMBER);
        // Wide enough for the header: numbers are shorter than "Completion".
        column.setMinWidth(Math.max(64, 8 * title.length() + 12));
        column.setPrefWidth(column.getMinWidth() + 8);
        return column;
    }

    /** The group's name with the swatch of its colour on the chart. */
    private final class GroupCell extends TableCell<GroupRow, GroupRow> {
        private final Region swatch = new Region();

        GroupCell() {
            swatch.getStyleClass().add(UsageStyles.SWATCH);
            setAlignment(Pos.CENTER_LEFT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(GroupRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(row.label());
            swatch.getStyleClass().removeIf(c -> c.startsWith(UsageStyles.COLOR_PREFIX));
            swatch.getStyleClass().add(UsageStyles.color(colorOf.applyAsInt(row.group())));
            setGraphic(swatch);
            setTooltip(
                    row.estimated()
                            ? new Tooltip(
                                    UsageFormat.count(row.estimatedRequests())
                                            + " of its requests have estimated token counts")
                            : null);
        }
    }
}
