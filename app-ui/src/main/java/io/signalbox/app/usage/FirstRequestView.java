package io.signalbox.app.usage;

import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What a screen without any request shows: how to send the first one, with a curl line to copy. The
 * Usage and Requests screens both use it.
 */
public final class FirstRequestView {

    private FirstRequestView() {}

    /**
     * @param idPrefix makes the node ids unique per screen, e.g. {@code usage} gives {@code
     *     usage-first-request} and {@code usage-copy-curl}
     */
    public static VBox build(
            String idPrefix, ObservableStringValue advice, ObservableStringValue curl) {
        Label title =
                new Label(
                        "Send your first request", Icons.icon(UsageStyles.ICON_FIRST_REQUEST, 36));
        title.setContentDisplay(ContentDisplay.TOP);
        title.getStyleClass().add(UsageStyles.FIRST_REQUEST_TITLE);
        Label text = new Label();
        text.textProperty().bind(advice);
        text.setWrapText(true);
        text.getStyleClass().add(StyleClasses.MUTED);

        // Wrapped, so the whole command shows; read-only, but it can be selected and copied.
        TextArea line = new TextArea();
        line.setId(idPrefix + "-curl");
        line.setEditable(false);
        line.setWrapText(true);
        line.setPrefRowCount(3);
        line.textProperty().bind(curl);
        line.getStyleClass().add(UsageStyles.CURL);
        HBox.setHgrow(line, Priority.ALWAYS);
        Button copy = new Button("Copy", Icons.icon(UsageStyles.ICON_COPY, 14));
        copy.setId(idPrefix + "-copy-curl");
        copy.setTooltip(new Tooltip("Copy this command to the clipboard"));
        copy.setOnAction(
                event -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(curl.get());
                    Clipboard.getSystemClipboard().setContent(content);
                    copy.setText("Copied");
                });
        line.textProperty().addListener((obs, old, now) -> copy.setText("Copy"));
        HBox row = new HBox(8, line, copy);
        row.setAlignment(Pos.TOP_CENTER);
        row.setMaxWidth(820);

        Label after = new Label("Usage and the request log fill in as soon as it is answered.");
        after.getStyleClass().add(StyleClasses.MUTED);
        VBox box = new VBox(14, title, text, row, after);
        box.setId(idPrefix + "-first-request");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(860);
        box.getStyleClass().add(UsageStyles.FIRST_REQUEST);
        return box;
    }
}
