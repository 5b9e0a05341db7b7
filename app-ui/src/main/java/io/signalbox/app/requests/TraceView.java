package io.signalbox.app.requests;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import io.signalbox.persistence.RequestRecord;
import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected request's details under the table: the verdict, the request's facts, and each
 * attempt with its target, its role in the route, what happened and how long it took.
 */
final class TraceView {

    private final RequestsViewModel model;
    private final ZoneId zone;
    private final Label verdict = new Label();
    private final FlowPane facts = new FlowPane(18, 6);
    private final VBox steps = new VBox(6);
    private final Button copyId = new Button(null, Icons.icon(RequestStyles.ICON_COPY, 14));
    private final VBox content;
    private final Label empty = new Label("Select a request to see the targets it tried.");

    TraceView(RequestsViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        verdict.setId("trace-verdict");
        verdict.getStyleClass().add(RequestStyles.VERDICT);
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(verdict, Priority.ALWAYS);
        verdict.setMaxWidth(Double.MAX_VALUE);
        copyId.setId("trace-copy-id");
        copyId.getStyleClass().add(StyleClasses.ICON_BUTTON);
        copyId.setTooltip(new Tooltip("Copy the request id (the x-request-id the client got)"));
        copyId.setOnAction(event -> copyId());
        HBox top = new HBox(8, verdict, copyId);
        top.setAlignment(Pos.TOP_LEFT);
        facts.setId("trace-facts");
        facts.getStyleClass().add(RequestStyles.FACTS);
        steps.setId("trace-steps");
        Label attemptsTitle = new Label("Attempts, in order");
        attemptsTitle.getStyleClass().add(RequestStyles.SECTION_TITLE);
        content = new VBox(10, top, facts, attemptsTitle, steps);
        empty.getStyleClass().addAll(RequestStyles.EMPTY_TRACE, StyleClasses.MUTED);
    }

    Node build() {
        ScrollPane scroll = new ScrollPane();
        scroll.setId("request-trace");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(RequestStyles.TRACE);
        model.traceProperty().addListener((obs, old, now) -> show(scroll));
        show(scroll);
        return scroll;
    }

    private void show(ScrollPane scroll) {
        Trace trace = model.traceProperty().get();
        RequestRecord request = model.selectedProperty().get();
        if (trace == null || request == null) {
            scroll.setContent(empty);
            return;
        }
        verdict.setText(trace.verdict());
        verdict.setGraphic(Icons.icon(outcomeIcon(trace.outcome()), 20));
        verdict.getStyleClass().removeIf(c -> c.startsWith(RequestStyles.VERDICT_PREFIX));
        verdict.getStyleClass()
                .add(RequestStyles.VERDICT_PREFIX + RequestStyles.cssName(trace.outcome()));
        facts.getChildren()
                .setAll(
                        fact("Time", RequestFormat.fullTime(request.startedAt(), zone)),
                        fact("Route", request.route()),
                        fact("Key", RequestFormat.key(request)),
                        fact("Status", String.valueOf(request.status())),
                        fact("Latency", RequestFormat.latency(request.latencyMs())),
                        fact("Streamed", request.stream() ? "yes" : "no"),
                        fact("Tokens", RequestFormat.tokenDetail(request)),
                        fact("Request id", request.id()));
        request.error().ifPresent(error -> facts.getChildren().add(fact("Error", error)));
        steps.getChildren().clear();
        for (Trace.Step step : trace.steps()) {
            steps.getChildren().add(step(step));
        }
        if (trace.steps().isEmpty()) {
            Label none = new Label("No upstream was called.");
            none.getStyleClass().add(StyleClasses.MUTED);
            steps.getChildren().add(none);
        }
        scroll.setContent(content);
    }

    private static Node fact(String name, String value) {
        Label label = new Label(name);
        label.getStyleClass().add(RequestStyles.FACT_NAME);
        Label text = new Label(value);
        text.setWrapText(true);
        HBox fact = new HBox(6, label, text);
        fact.setAlignment(Pos.BASELINE_LEFT);
        return fact;
    }

    private static Node step(Trace.Step step) {
        Label number = new Label(String.valueOf(step.number()));
        number.getStyleClass().add(RequestStyles.STEP_NUMBER);
        number.setMinWidth(Region.USE_PREF_SIZE);
        Label target = new Label(step.target());
        target.getStyleClass().add(RequestStyles.STEP_TARGET);
        target.setMinWidth(Region.USE_PREF_SIZE);
        Label role = new Label(step.role().isEmpty() ? "not in the route now" : step.role());
        role.getStyleClass().add(RequestStyles.ROLE);
        role.setMinWidth(Region.USE_PREF_SIZE);
        Label reason = new Label(step.reason(), Icons.icon(stepIcon(step.kind()), 16));
        reason.setWrapText(true);
        reason.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Label latency = new Label(RequestFormat.latency(step.latencyMs()));
        latency.getStyleClass().add(RequestStyles.STEP_LATENCY);
        latency.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, number, target, role, reason, latency);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass()
                .addAll(
                        RequestStyles.STEP,
                        RequestStyles.STEP_PREFIX + RequestStyles.cssName(step.kind()));
        row.setId("trace-step-" + step.number());
        return row;
    }

    private static String outcomeIcon(Trace.Outcome outcome) {
        return switch (outcome) {
            case SERVED -> RequestStyles.ICON_SERVED;
            case SERVED_AFTER_FAILURES -> RequestStyles.ICON_FALLBACK;
            case PASSED_ON -> RequestStyles.ICON_PASSED_ON;
            case FAILED -> RequestStyles.ICON_FAILED;
            case BROKE_OFF -> RequestStyles.ICON_BROKE_OFF;
        };
    }

    private static String stepIcon(Trace.StepKind kind) {
        return switch (kind) {
            case SERVED -> RequestStyles.ICON_SERVED;
            case FAILED -> RequestStyles.ICON_FAILED;
            case PASSED_ON -> RequestStyles.ICON_PASSED_ON;
            case BROKE_OFF -> RequestStyles.ICON_BROKE_OFF;
        };
    }

    private void copyId() {
        RequestRecord request = model.selectedProperty().get();
        if (request != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(request.id());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
