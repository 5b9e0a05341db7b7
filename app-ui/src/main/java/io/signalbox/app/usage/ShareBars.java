package io.signalbox.app.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The share-by-group chart: one horizontal bar per group on the tokens chart, as long as its share
 * of all tokens, in the same colour. Rows are kept per group and only their numbers change.
 */
final class ShareBars {

    /** One group's row and the parts of it that change. */
    private static final class Row {
        final HBox node;
        final Region swatch = new Region();
        final Label name = new Label();
        final Label detail = new Label();
        final Region fill = new Region();
        final Label value = new Label();
        final Tooltip tooltip = new Tooltip();
        final DoubleProperty share = new SimpleDoubleProperty();

        Row() {
            swatch.getStyleClass().add(UsageStyles.SWATCH);
            fill.getStyleClass().add(UsageStyles.SHARE_FILL);
            StackPane track = new StackPane(fill);
            track.setAlignment(Pos.CENTER_LEFT);
            track.getStyleClass().add(UsageStyles.SHARE_TRACK);
            HBox.setHgrow(track, Priority.ALWAYS);
            track.setMinWidth(40);
            value.getStyleClass().add(UsageStyles.SHARE_VALUE);
            value.setMinWidth(48);
            value.setAlignment(Pos.CENTER_RIGHT);
            detail.getStyleClass().add(UsageStyles.SHARE_DETAIL);
            VBox names = new VBox(0, name, detail);
            names.setMinWidth(60);
            names.setPrefWidth(165);
            node = new HBox(8, swatch, names, track, value);
            node.setAlignment(Pos.CENTER_LEFT);
            node.getStyleClass().add(UsageStyles.SHARE_ROW);
            Tooltip.install(node, tooltip);
            // The fill is a share of the track's width, whatever width the panel gets.
            fill.maxWidthProperty().bind(track.widthProperty().multiply(share));
        }
    }

    private final VBox box = new VBox(8);
    private final Map<String, Row> rows = new HashMap<>();
    private final ToIntFunction<String> colorOf;

    ShareBars(ToIntFunction<String> colorOf) {
        this.colorOf = colorOf;
        box.setId("usage-share");
    }

    VBox node() {
        return box;
    }

    /** Shows the groups of the chart (the biggest first) and "other" for the rest together. */
    void show(List<GroupRow> groups, long allTokens) {
        List<HBox> children = new ArrayList<>();
        Map<String, Row> kept = new HashMap<>();
        int own = Math.min(UsageFrame.MAX_SERIES, groups.size());
        for (int i = 0; i < own; i++) {
            GroupRow group = groups.get(i);
            Row row = rowFor(group.group());
            fill(
                    row,
                    group.label(),
                    group.share(),
                    group.totalTokens(),
                    colorOf.applyAsInt(group.group()));
            row.detail.setText(detail(group.requests(), group.totalTokens()));
            kept.put(group.group(), row);
            children.add(row.node);
        }
        if (groups.size() > own) {
            long rest =
                    groups.subList(own, groups.size()).stream()
                            .mapToLong(GroupRow::totalTokens)
                            .sum();
            Row row = rowFor(UsageFrame.OTHER);
            fill(
                    row,
                    "Other (" + (groups.size() - own) + ")",
                    allTokens == 0 ? 0 : (double) rest / allTokens,
                    rest,
                    -1);
            long requests =
                    groups.subList(own, groups.size()).stream().mapToLong(GroupRow::requests).sum();
            row.detail.setText(detail(requests, rest));
            kept.put(UsageFrame.OTHER, row);
            children.add(row.node);
        }
        rows.keySet().retainAll(kept.keySet());
        if (!box.getChildren().equals(children)) {
            box.getChildren().setAll(children);
        }
    }

    private static String detail(long requests, long tokens) {
        return UsageFormat.count(requests)
                + (requests == 1 ? " request · " : " requests · ")
                + UsageFormat.compact(tokens)
                + " tokens";
    }

    private Row rowFor(String group) {
        Row row = rows.computeIfAbsent(group, unused -> new Row());
        row.node.setId("usage-share-" + group.replaceAll("[^A-Za-z0-9_-]", "_"));
        return row;
    }

    private static void fill(Row row, String label, double share, long tokens, int color) {
        row.name.setText(label);
        row.value.setText(UsageFormat.percent(share));
        row.tooltip.setText(
                label
                        + ": "
                        + UsageFormat.count(tokens)
                        + " tokens, "
                        + UsageFormat.percent(share));
        row.share.set(share);
        String colorClass = UsageStyles.color(color);
        for (Region part : new Region[] {row.swatch, row.fill}) {
            if (!part.getStyleClass().contains(colorClass)) {
                part.getStyleClass().removeIf(c -> c.startsWith(UsageStyles.COLOR_PREFIX));
                part.getStyleClass().add(colorClass);
            }
        }
    }
}
