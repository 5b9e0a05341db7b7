package io.signalbox.app.access;

import io.signalbox.app.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A new key's value, shown once: a read-only field, a copy button and the warning that it cannot be
 * shown again. Done forgets the value.
 */
final class NewKeyPane {

    private NewKeyPane() {}

    static Node create(AccessViewModel model) {
        Label title = new Label(null, Icons.icon(AccessStyles.ICON_SECRET, 22));
        title.getStyleClass().add(AccessStyles.NEW_KEY_TITLE);
        title.textProperty()
                .bind(
                        model.createdKeyNameProperty()
                                .map(name -> "The key for '" + name + "' is ready: copy it now"));

        TextField key = new TextField();
        key.setId("new-key-value");
        key.setEditable(false);
        key.getStyleClass().add(AccessStyles.NEW_KEY_FIELD);
        key.textProperty().bind(model.createdKeyProperty());
        HBox.setHgrow(key, Priority.ALWAYS);

        Button copy = new Button("Copy", Icons.icon(AccessStyles.ICON_COPY, 16));
        copy.setId("copy-new-key");
        copy.getStyleClass().add(AccessStyles.PRIMARY);
        copy.setTooltip(new Tooltip("Copy the key to the clipboard"));
        copy.setOnAction(
                event -> {
                    ClipboardContent clip = new ClipboardContent();
                    clip.putString(model.createdKeyProperty().get());
                    Clipboard.getSystemClipboard().setContent(clip);
                    copy.setText("Copied");
                });
        model.createdKeyProperty().addListener((obs, old, now) -> copy.setText("Copy"));

        Button done = new Button("Done", Icons.icon(AccessStyles.ICON_DONE, 16));
        done.setId("dismiss-new-key");
        done.setTooltip(new Tooltip("Hide the key; it cannot be shown again"));
        done.setOnAction(event -> model.dismissCreatedKey());

        Label warning =
                new Label(
                        "This is the only time Signalbox shows this key: it keeps only a hash of"
                                + " it. Give it to its user now; if it is lost, revoke it and"
                                + " create another.",
                        Icons.icon(AccessStyles.ICON_WARNING, 16));
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.getStyleClass().add(AccessStyles.NEW_KEY_WARNING);

        copy.setMinWidth(Region.USE_PREF_SIZE);
        done.setMinWidth(Region.USE_PREF_SIZE);
        HBox field = new HBox(8, key, copy, done);
        field.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(8, title, field, warning);
        pane.setId("new-key-pane");
        pane.getStyleClass().add(AccessStyles.NEW_KEY_PANE);
        pane.visibleProperty().bind(model.createdKeyProperty().isNotEmpty());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }
}
