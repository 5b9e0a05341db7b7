package io.signalbox.app.usage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The tokens-over-time chart: a stacked bar per bucket, a layer per group. A new frame changes the
 * chart in place: bar heights that moved are set, a window that slid on by a bucket drops its
 * oldest bar and adds the new one, and layers come and go one by one. Only a new range or grouping
 * rebuilds it. So a live update costs what changed, not hundreds of new nodes.
 */
final class UsageChart {

    private final CategoryAxis buckets = new CategoryAxis();
    private final NumberAxis tokens = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(buckets, tokens);
    private final Map<String, XYChart.Series<String, Number>> layers = new LinkedHashMap<>();
    private final ToIntFunction<String> colorOf;

    /** Each layer's labels, kept for the bars' tooltips. */
    private final Map<String, String> layerLabels = new LinkedHashMap<>();

    /**
     * @param colorOf a group's palette index (negative for "other")
     */
    UsageChart(ToIntFunction<String> colorOf) {
        this.colorOf = colorOf;
        chart.setId("usage-chart");
        chart.getStyleClass().add(UsageStyles.CHART);
        chart.setAnimated(false);
        chart.setLegendVisible(false); // the view's legend shares colours with the share bars
        chart.setCategoryGap(1);
        chart.setVerticalGridLinesVisible(false);
        buckets.setAnimated(false);
        // Fixed categories: an auto-ranging axis turns crowded labels upright, while a fixed one
        // keeps them level and leaves out those that would overlap.
        buckets.setAutoRanging(false);
        buckets.setTickMarkVisible(false);
        tokens.setAnimated(false);
        tokens.setMinorTickVisible(false);
        tokens.setForceZeroInRange(true);
        tokens.setTickLabelFormatter(
                new StringConverter<>() {
                    @Override
                    public String toString(Number value) {
                        return UsageFormat.compact(value.doubleValue());
                    }

                    @Override
                    public Number fromString(String text) {
                        throw new UnsupportedOperationException();
                    }
                });
        chart.setMinHeight(180);
    }

    Node node() {
        return chart;
    }

    StackedBarChart<String, Number> chart() {
        return chart;
    }

    void show(UsageFrame frame) {
        List<String> old = List.copyOf(buckets.getCategories());
        int slide = slide(old, frame.labels());
        if (slide < 0) {
            rebuild(frame);
            return;
        }
        if (slide > 0) {
            for (XYChart.Series<String, Number> layer : layers.values()) {
                layer.getData().remove(0, Math.min(slide, layer.getData().size()));
            }
            buckets.getCategories().remove(0, slide);
        }
        List<String> added = frame.labels().subList(old.size() - slide, frame.labels().size());
        buckets.getCategories().addAll(added);
        for (XYChart.Series<String, Number> layer : layers.values()) {
            for (String label : added) {
                layer.getData().add(new XYChart.Data<>(label, 0L));
            }
        }
        Set<String> groups = new HashSet<>();
        frame.series().forEach(series -> groups.add(series.group()));
        for (String gone : new ArrayList<>(layers.keySet())) {
            if (!groups.contains(gone)) {
                chart.getData().remove(layers.remove(gone));
                layerLabels.remove(gone);
            }
        }
        for (ChartSeries series : frame.series()) {
            XYChart.Series<String, Number> layer = layers.get(series.group());
            if (layer == null) {
                addLayer(series, frame.labels());
            } else {
                update(layer, series, frame.labels());
            }
        }
    }

    /**
     * How many buckets {@code next} moved on from {@code old}: 0 for the same buckets (perhaps with
     * new ones after them), k when it drops the first k and continues them, -1 when it is another
     * range altogether.
     */
    static int slide(List<String> old, List<String> next) {
        if (old.isEmpty()) {
            return -1;
        }
        for (int k = 0; k < old.size(); k++) {
            List<String> kept = old.subList(k, old.size());
            if (kept.size() <= next.size() && next.subList(0, kept.size()).equals(kept)) {
                return k;
            }
        }
        return -1;
    }

    private void rebuild(UsageFrame frame) {
        chart.getData().clear();
        layers.clear();
        layerLabels.clear();
        // setAll on the axis' own list: setCategories with a new list left the old tick labels
        // on the axis (JavaFX 21) while the bars moved to the new categories.
        buckets.getCategories().setAll(frame.labels());
        for (ChartSeries series : frame.series()) {
            addLayer(series, frame.labels());
        }
    }

    private void addLayer(ChartSeries series, List<String> labels) {
        XYChart.Series<String, Number> layer = new XYChart.Series<>();
        layer.setName(series.label());
        for (int i = 0; i < labels.size(); i++) {
            layer.getData().add(new XYChart.Data<>(labels.get(i), series.tokens().get(i)));
        }
        layers.put(series.group(), layer);
        layerLabels.put(series.group(), series.label());
        // Added last, the layer sits on top of the stack; "other" stays the topmost.
        XYChart.Series<String, Number> other = layers.get(UsageFrame.OTHER);
        int at = chart.getData().indexOf(other);
        if (other != null && other != layer && at >= 0) {
            chart.getData().add(at, layer);
        } else {
            chart.getData().add(layer);
        }
        for (int i = 0; i < labels.size(); i++) {
            style(layer.getData().get(i), series, i);
        }
    }

    private void update(
            XYChart.Series<String, Number> layer, ChartSeries series, List<String> labels) {
        if (!series.label().equals(layer.getName())) {
            layer.setName(series.label());
            layerLabels.put(series.group(), series.label());
        }
        for (int i = 0; i < labels.size(); i++) {
            XYChart.Data<String, Number> bar = layer.getData().get(i);
            Long value = series.tokens().get(i);
            if (bar.getYValue().longValue() != value) {
                bar.setYValue(value);
            }
            style(bar, series, i);
        }
    }

    /** Colour, hatching for estimated tokens, and the tooltip that names bar and number. */
    private void style(XYChart.Data<String, Number> bar, ChartSeries series, int index) {
        Node node = bar.getNode();
        if (node == null) {
            return;
        }
        // Pseudo-classes, not style classes: the chart resets every bar's style classes whenever
        // a layer comes or goes (StackedBarChart.seriesChanged), which turned live bars grey.
        PseudoClass color = UsageStyles.barColor(colorOf.applyAsInt(series.group()));
        Object worn = node.getProperties().get(PseudoClass.class);
        if (worn != color) {
            if (worn instanceof PseudoClass old) {
                node.pseudoClassStateChanged(old, false);
            }
            node.pseudoClassStateChanged(color, true);
            node.getProperties().put(PseudoClass.class, color);
        }
        boolean estimated = series.estimated().get(index);
        node.pseudoClassStateChanged(UsageStyles.BAR_ESTIMATED, estimated);
        String text =
                series.label()
                        + " · "
                        + bar.getXValue()
                        + "\n"
                        + UsageFormat.count(series.tokens().get(index))
                        + " tokens"
                        + (estimated ? " (some estimated)" : "");
        Object installed = node.getProperties().get(Tooltip.class);
        if (installed instanceof Tooltip tooltip) {
            if (!tooltip.getText().equals(text)) {
                tooltip.setText(text);
            }
        } else {
            Tooltip tooltip = new Tooltip(text);
            Tooltip.install(node, tooltip);
            node.getProperties().put(Tooltip.class, tooltip);
        }
    }
}
