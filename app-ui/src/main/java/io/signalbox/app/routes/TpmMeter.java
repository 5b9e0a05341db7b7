package io.signalbox.app.routes;

import io.signalbox.persistence.config.TpmLimitValidator;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A target row's tokens-per-minute line: the limit field (empty for none) and a meter of the tokens
 * its model was sent in the last minute, which moves while the editor is open.
 */
final class TpmMeter {

    static final String FIELD = "tpm-limit-field";
    static final String BAR = "tpm-meter";
    static final String TEXT = "tpm-meter-text";

    private TpmMeter() {}

    static Node build(TpmLimitDraft draft) {
        Label label = new Label("Tokens/min");
        label.getStyleClass().add(RouteStyles.HINT);
        label.setMinWidth(Region.USE_PREF_SIZE);

        TextField field = new TextField();
        field.getStyleClass().add(FIELD);
        field.setPromptText("no limit");
        field.setPrefColumnCount(7);
        field.setMinWidth(Region.USE_PREF_SIZE);
        field.setTooltip(
                new Tooltip(
                        "The most tokens a minute this model may be sent (1 to "
                                + TpmLimitValidator.MAX_TPM_LIMIT
                                + "); empty for no limit. At the limit the target is skipped"
                                + " until its minute frees up."));
        // Digits only, so the field always holds a number or nothing.
        field.setTextFormatter(
                new TextFormatter<String>(
                        change -> change.getControlNewText().matches("\\d{0,10}") ? change : null));
        label.setLabelFor(field);
        Long initial = draft.limitProperty().get();
        field.setText(initial == null ? "" : initial.toString());
        field.textProperty()
                .addListener(
                        (obs, old, text) ->
                                draft.limitProperty()
                                        .set(text.isEmpty() ? null : Long.valueOf(text)));
        draft.limitProperty()
                .addListener(
                        (obs, old, value) -> {
                            String text = value == null ? "" : value.toString();
                            if (!text.equals(field.getText())) {
                                field.setText(text);
                            }
                        });

        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().add(BAR);
        bar.progressProperty().bind(draft.fillProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        // The line shares a wrapping row with the canary controls (TargetRowView): without a
        // width of its own the bar was squeezed to nothing there.
        bar.setMinWidth(60);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label text = new Label();
        text.getStyleClass().addAll(TEXT, RouteStyles.HINT);
        text.textProperty().bind(draft.meterTextProperty());
        text.setMinWidth(Region.USE_PREF_SIZE);

        HBox line = new HBox(10, label, field, bar, text);
        line.setAlignment(Pos.CENTER_LEFT);
        // Its width in the row's wrapping options line: room for a readable bar beside the text,
        // and narrow enough that the canary controls join it in a wider window.
        line.setPrefWidth(470);
        return line;
    }
}
