package io.signalbox.app.routes;

import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * A stacked bar of a route's split: one coloured part per target, as wide as its share. Drawn by
 * its own layout so that a slider's every movement only resizes the parts.
 */
final class SplitBar extends Region {

    private List<SplitSegment> segments = List.of();

    SplitBar() {
        getStyleClass().add(RouteStyles.SPLIT_BAR);
        setMinHeight(8);
        setPrefHeight(10);
        rebuild();
    }

    void setSegments(List<SplitSegment> next) {
        boolean sameParts =
                next.size() == segments.size()
                        && java.util.stream.IntStream.range(0, next.size())
                                .allMatch(
                                        i ->
                                                next.get(i).color() == segments.get(i).color()
                                                        && next.get(i)
                                                                .label()
                                                                .equals(segments.get(i).label()));
        segments = List.copyOf(next);
        if (!sameParts) {
            rebuild();
        } else {
            for (int i = 0; i < segments.size(); i++) {
                Tooltip.install(getChildren().get(i), tooltip(segments.get(i)));
            }
        }
        requestLayout();
    }

    List<SplitSegment> segments() {
        return segments;
    }

    private void rebuild() {
        getChildren().clear();
        for (SplitSegment segment : segments) {
            Region part = new Region();
            part.getStyleClass()
                    .addAll(RouteStyles.SPLIT_SEGMENT, RouteStyles.splitColor(segment.color()));
            Tooltip.install(part, tooltip(segment));
            getChildren().add(part);
        }
        Region empty = new Region();
        empty.getStyleClass().add(RouteStyles.SPLIT_EMPTY);
        Tooltip.install(empty, new Tooltip("No target takes traffic"));
        getChildren().add(empty);
    }

    private static Tooltip tooltip(SplitSegment segment) {
        return new Tooltip(segment.label() + ": " + SplitShares.percent(segment.share()));
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        double total = segments.stream().mapToDouble(SplitSegment::share).sum();
        for (int i = 0; i < segments.size(); i++) {
            double partWidth = width * segments.get(i).share();
            getChildren().get(i).resizeRelocate(x, y, partWidth, height);
            getChildren().get(i).setVisible(partWidth > 0);
            x += partWidth;
        }
        // A grey track shows when nothing takes traffic, so the bar never disappears.
        Region empty = (Region) getChildren().get(getChildren().size() - 1);
        empty.setVisible(total == 0);
        empty.resizeRelocate(snappedLeftInset(), y, width, height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 160;
    }
}
