package io.signalbox.app.usage;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import io.signalbox.persistence.usage.GroupBy;
import java.io.File;
import java.io.IOException;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;

/**
 * The top of the Usage screen: its title, the range picker (with the days of a custom range), the
 * grouping, and the CSV export.
 */
final class UsageToolbar {

    private final UsageViewModel model;
    private Node root;

    UsageToolbar(UsageViewModel model) {
        this.model = model;
    }

    Node build() {
        Label title = new Label("Usage");
        title.getStyleClass().add(UsageStyles.TITLE);
        Label subtitle =
                new Label(
                        "Tokens through the proxy, updated as requests finish. Hover a bar for its"
                                + " numbers.");
        subtitle.getStyleClass().add(StyleClasses.MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ComboBox<GroupBy> groupBy = new ComboBox<>();
        groupBy.setId("usage-group-by");
        groupBy.getItems().setAll(GroupBy.ROUTE, GroupBy.PROVIDER, GroupBy.MODEL, GroupBy.KEY);
        groupBy.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(GroupBy value) {
                        return value == null ? "" : "By " + groupName(value);
                    }

                    @Override
                    public GroupBy fromString(String text) {
                        throw new UnsupportedOperationException();
                    }
                });
        groupBy.valueProperty().bindBidirectional(model.groupByProperty());
        groupBy.setTooltip(new Tooltip("What the chart, the share and the table are split by"));

        MenuItem table = new MenuItem("Table (one line per group)…");
        table.setId("usage-export-table");
        table.setOnAction(event -> export(false));
        MenuItem series = new MenuItem("Series (one line per bar and group)…");
        series.setId("usage-export-series");
        series.setOnAction(event -> export(true));
        MenuButton export =
                new MenuButton(
                        "Export CSV", Icons.icon(UsageStyles.ICON_EXPORT, 16), table, series);
        export.setId("usage-export");
        export.setTooltip(new Tooltip("Save the usage shown as a CSV file"));
        export.disableProperty()
                .bind(
                        javafx.beans.binding.Bindings.createBooleanBinding(
                                () ->
                                        model.reportProperty().get() == null
                                                || model.reportProperty().get().storedRequests()
                                                        == 0,
                                model.reportProperty()));

        ProgressIndicator reading = new ProgressIndicator();
        reading.setId("usage-busy");
        reading.setPrefSize(18, 18);
        reading.setMaxSize(18, 18);
        reading.visibleProperty().bind(model.readingProperty());
        reading.setTooltip(new Tooltip("Reading the usage for this choice"));
        HBox toolbar = new HBox(10, rangePicker(), customRange(), groupBy, reading, spacer, export);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        for (Node control : toolbar.getChildren()) {
            if (control instanceof Region region && control != spacer) {
                region.setMinWidth(Region.USE_PREF_SIZE); // never "24 h..." for lack of room
            }
        }
        VBox header = new VBox(2, title, subtitle, toolbar);
        VBox.setMargin(toolbar, new Insets(10, 0, 0, 0));
        header.getStyleClass().add(UsageStyles.HEADER);
        root = header;
        return header;
    }

    static String groupName(GroupBy groupBy) {
        return switch (groupBy) {
            case ROUTE -> "route";
            case PROVIDER -> "provider";
            case MODEL -> "model";
            case KEY -> "access key";
            case NONE -> "nothing";
        };
    }

    private Node rangePicker() {
        SegmentedButton picker = new SegmentedButton();
        picker.setId("usage-range");
        picker.getStyleClass().add(UsageStyles.RANGE_PICKER);
        ToggleGroup group = new ToggleGroup();
        picker.setToggleGroup(group);
        for (UsageRange range : UsageRange.values()) {
            ToggleButton button = new ToggleButton(range.label());
            button.setId("usage-range-" + range.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(range);
            button.setTooltip(new Tooltip(rangeTip(range)));
            button.setSelected(model.rangeProperty().get() == range);
            picker.getButtons().add(button);
        }
        group.selectedToggleProperty()
                .addListener(
                        (obs, old, selected) -> {
                            if (selected == null) {
                                // One range is always chosen: clicking it again keeps it.
                                group.selectToggle(old);
                            } else {
                                model.rangeProperty().set((UsageRange) selected.getUserData());
                            }
                        });
        return picker;
    }

    private static String rangeTip(UsageRange range) {
        return switch (range) {
            case LAST_HOUR -> "The last hour, a bar per minute";
            case LAST_DAY -> "The last 24 hours, a bar per hour";
            case LAST_WEEK -> "The last 7 days, a bar per hour";
            case LAST_MONTH -> "The last 30 days, a bar per day (UTC days)";
            case CUSTOM -> "From one day to another; bars as fine as the span allows";
        };
    }

    private Node customRange() {
        DatePicker from = new DatePicker();
        from.setId("usage-custom-from");
        from.valueProperty().bindBidirectional(model.customFromProperty());
        from.setTooltip(new Tooltip("The first day counted"));
        DatePicker to = new DatePicker();
        to.setId("usage-custom-to");
        to.valueProperty().bindBidirectional(model.customToProperty());
        to.setTooltip(new Tooltip("The last day counted (included)"));
        Label fromLabel = new Label("From", Icons.icon(UsageStyles.ICON_CALENDAR, 16));
        fromLabel.setLabelFor(from);
        Label toLabel = new Label("to");
        toLabel.setLabelFor(to);
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        HBox row = new HBox(6, fromLabel, from, toLabel, to);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(Region.USE_PREF_SIZE);
        row.visibleProperty().bind(model.rangeProperty().isEqualTo(UsageRange.CUSTOM));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private void export(boolean series) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(series ? "Export the usage series" : "Export the usage table");
        chooser.setInitialFileName(model.exportName(series));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file =
                chooser.showSaveDialog(
                        root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            if (series) {
                model.exportSeries(file.toPath());
            } else {
                model.exportTable(file.toPath());
            }
        } catch (IOException e) {
            new Alert(Alert.AlertType.ERROR, "Could not write " + file + ": " + e.getMessage())
                    .show();
        }
    }
}
