package io.signalbox.app.usage;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Usage screen: range and grouping on top, the totals, the tokens chart with its share chart
 * beside it, and the table with the same numbers per group. Without any request yet it shows how to
 * send the first one instead.
 */
public final class UsageView {

    private final UsageViewModel model;
    private final UsageChart chart;
    private final ShareBars share;
    private final UsageTable table;
    private final Map<Card, Label[]> cards = new EnumMap<>(Card.class);
    private final FlowPane legend = new FlowPane(14, 6);
    private final Label windowText = new Label();
    private final Label estimatedNote = new Label();

    private enum Card {
        REQUESTS("Requests"),
        PROMPT("Prompt tokens"),
        COMPLETION("Completion tokens"),
        TOTAL("Total tokens"),
        ERRORS("Error rate");

        final String title;

        Card(String title) {
            this.title = title;
        }
    }

    public UsageView(UsageViewModel model) {
        this.model = model;
        this.chart = new UsageChart(model::colorOf);
        this.share = new ShareBars(model::colorOf);
        this.table = new UsageTable(model::colorOf);
    }

    public Parent build() {
        Node charts = charts();
        VBox content = new VBox(12, cards(), estimatedNote(), charts, table.node());
        // The charts take the room; the table is as tall as its rows (UsageTable) but keeps two.
        VBox.setVgrow(charts, Priority.ALWAYS);
        table.node().setMinHeight(Region.USE_PREF_SIZE);
        Node empty =
                FirstRequestView.build(
                        "usage", model.firstRequestAdviceProperty(), model.firstRequestProperty());
        Label reading = new Label("Reading the usage…");
        reading.setId("usage-reading");
        reading.getStyleClass().add(StyleClasses.MUTED);
        reading.visibleProperty()
                .bind(model.reportProperty().isNull().and(model.problemProperty().isEmpty()));
        // Until the report for a new choice is back, the old one shows faded.
        content.opacityProperty()
                .bind(
                        javafx.beans.binding.Bindings.when(model.readingProperty())
                                .then(0.55)
                                .otherwise(1.0));
        StackPane body = new StackPane(content, empty, reading);
        VBox.setVgrow(body, Priority.ALWAYS);
        model.reportProperty()
                .addListener(
                        (obs, old, report) -> {
                            boolean none = report != null && report.storedRequests() == 0;
                            empty.setVisible(none);
                            content.setVisible(report != null && !none);
                            if (report != null) {
                                show(report);
                            }
                        });
        empty.setVisible(false);
        content.setVisible(false);

        VBox root = new VBox(12, new UsageToolbar(model).build(), problem(), body);
        root.setId("usage-screen");
        root.getStyleClass().add(UsageStyles.SCREEN);
        return root;
    }

    private Node problem() {
        Label problem = new Label();
        problem.setId("usage-problem");
        problem.getStyleClass().add(UsageStyles.PROBLEM);
        problem.setGraphic(Icons.icon(UsageStyles.ICON_PROBLEM, 16));
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private Node cards() {
        HBox row = new HBox(12);
        row.getStyleClass().add(UsageStyles.CARDS);
        for (Card card : Card.values()) {
            Label title = new Label(card.title);
            title.getStyleClass().add(UsageStyles.CARD_LABEL);
            Label value = new Label("0");
            value.setId("usage-" + card.name().toLowerCase(java.util.Locale.ROOT));
            value.getStyleClass().add(UsageStyles.CARD_VALUE);
            Label detail = new Label();
            detail.getStyleClass().add(UsageStyles.CARD_DETAIL);
            VBox box = new VBox(2, title, value, detail);
            box.getStyleClass().add(UsageStyles.CARD);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMaxWidth(Double.MAX_VALUE);
            cards.put(card, new Label[] {value, detail});
            row.getChildren().add(box);
        }
        return row;
    }

    private Node estimatedNote() {
        estimatedNote.setId("usage-estimated-note");
        estimatedNote.getStyleClass().add(UsageStyles.ESTIMATED_NOTE);
        estimatedNote.setGraphic(Icons.icon(UsageStyles.ICON_ESTIMATED, 16));
        estimatedNote.setWrapText(true);
        estimatedNote.setMinHeight(Region.USE_PREF_SIZE);
        estimatedNote.managedProperty().bind(estimatedNote.visibleProperty());
        estimatedNote.setVisible(false);
        return estimatedNote;
    }

    private Node charts() {
        Label chartTitle = new Label("Tokens over time");
        chartTitle.getStyleClass().add(UsageStyles.PANEL_TITLE);
        windowText.setId("usage-window");
        windowText.getStyleClass().add(UsageStyles.NOTE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox chartHeader = new HBox(10, chartTitle, gap, windowText);
        chartHeader.setAlignment(Pos.BASELINE_LEFT);
        legend.setId("usage-legend");
        legend.getStyleClass().add(UsageStyles.LEGEND);
        VBox tokens = new VBox(6, chartHeader, chart.node(), legend);
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        tokens.getStyleClass().add(UsageStyles.PANEL);
        HBox.setHgrow(tokens, Priority.ALWAYS);

        Label shareTitle = new Label("Share of tokens");
        shareTitle.getStyleClass().add(UsageStyles.PANEL_TITLE);
        ScrollPane shareList = new ScrollPane(share.node());
        shareList.setFitToWidth(true);
        shareList.getStyleClass().add(UsageStyles.SHARE_LIST);
        VBox.setVgrow(shareList, Priority.ALWAYS);
        VBox shares = new VBox(10, shareTitle, shareList);
        shares.getStyleClass().add(UsageStyles.PANEL);
        shares.setPrefWidth(340);
        shares.setMinWidth(220);
        HBox row = new HBox(12, tokens, shares);
        row.setMinHeight(200);
        row.setPrefHeight(280);
        return row;
    }

    private void show(UsageReport report) {
        UsageSummary sum = report.summary();
        card(Card.REQUESTS, UsageFormat.count(sum.requests()), groupsText(report));
        card(
                Card.PROMPT,
                UsageFormat.count(sum.promptTokens()),
                sum.cachedTokens() > 0 ? UsageFormat.count(sum.cachedTokens()) + " cached" : "");
        card(
                Card.COMPLETION,
                UsageFormat.count(sum.completionTokens()),
                sum.reasoningTokens() > 0
                        ? UsageFormat.count(sum.reasoningTokens()) + " reasoning"
                        : "");
        card(
                Card.TOTAL,
                UsageFormat.count(sum.totalTokens()),
                sum.estimatedRequests() > 0 ? "~ partly estimated" : "as the upstreams reported");
        card(
                Card.ERRORS,
                sum.requests() == 0 ? "–" : UsageFormat.percent(sum.errorRate()),
                UsageFormat.count(sum.errors()) + " failed");
        String note = UsageViewModel.estimatedNote(sum);
        estimatedNote.setText(note);
        estimatedNote.setVisible(note != null);
        windowText.setText(model.windowText(report.window()));
        chart.show(report.frame());
        showLegend(report.frame());
        share.show(report.rows(), sum.totalTokens());
        table.show(report.rows());
    }

    private static String groupsText(UsageReport report) {
        int groups = report.rows().size();
        return groups + " " + UsageToolbar.groupName(report.groupBy()) + (groups == 1 ? "" : "s");
    }

    private void card(Card card, String value, String detail) {
        Label[] labels = cards.get(card);
        labels[0].setText(value);
        labels[1].setText(detail);
    }

    private void showLegend(UsageFrame frame) {
        legend.getChildren().clear();
        boolean anyEstimated = false;
        for (ChartSeries series : frame.series()) {
            legend.getChildren()
                    .add(
                            key(
                                    series.label(),
                                    UsageStyles.color(model.colorOf(series.group())),
                                    false));
            anyEstimated |= series.estimated().contains(true);
        }
        if (anyEstimated) {
            legend.getChildren().add(key("estimated", UsageStyles.COLOR_OTHER, true));
        }
    }

    private static Label key(String text, String colorClass, boolean hatched) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll(UsageStyles.SWATCH, colorClass);
        if (hatched) {
            swatch.getStyleClass().add(UsageStyles.ESTIMATED);
        }
        Label key = new Label(text, swatch);
        key.setGraphicTextGap(6);
        return key;
    }
}
