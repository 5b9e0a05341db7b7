package io.signalbox.app.providers;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.signalbox.app.common.Icons;
import io.signalbox.app.common.Sizing;
import io.signalbox.app.common.StyleClasses;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * What the Providers screen shows before there is any provider: one button to add one, and the
 * local model servers that already run, each added with one click.
 */
final class FirstRunView {

    private final ProvidersViewModel model;
    private final VBox found = new VBox(8);

    FirstRunView(ProvidersViewModel model) {
        this.model = model;
    }

    Node build() {
        Label icon = new Label(null, Icons.icon(Icons.PROVIDERS, 48));
        icon.getStyleClass().add(StyleClasses.FIRST_RUN_ICON);
        Label title = new Label("Add your first provider");
        title.getStyleClass().add(Styles.TITLE_2);
        Label explanation =
                new Label(
                        "Routes send requests to models at providers: cloud services such as"
                                + " OpenAI or OpenRouter, or model servers on this machine such as"
                                + " Ollama or LM Studio.");
        Sizing.wrap(explanation);
        explanation.setTextAlignment(TextAlignment.CENTER);
        explanation.getStyleClass().add(StyleClasses.MUTED);

        Button add = new Button("_Add provider", Icons.icon(Icons.ADD, 16));
        add.setId("first-run-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setDefaultButton(true);
        add.setTooltip(new Tooltip("Pick a preset and enter the key"));
        add.setOnAction(event -> model.addProvider(Optional.empty()));

        VBox start =
                new VBox(14, icon, title, explanation, add, new Separator(), probeLine(), found);
        start.setId("first-run");
        start.getStyleClass().add(StyleClasses.FIRST_RUN);
        start.setAlignment(Pos.TOP_CENTER);
        start.setMaxWidth(600);
        model.localServers()
                .addListener((ListChangeListener<LocalServerProbe.Found>) change -> showFound());
        showFound();
        VBox centered = new VBox(start);
        centered.setAlignment(Pos.CENTER);
        return centered;
    }

    private Node probeLine() {
        ProgressIndicator probing = new ProgressIndicator();
        probing.setPrefSize(16, 16);
        probing.visibleProperty().bind(model.probingProperty());
        probing.managedProperty().bind(probing.visibleProperty());
        Label status = new Label();
        status.setId("probe-status");
        Sizing.wrap(status);
        status.textProperty().bind(model.probeStatusProperty());
        Button again = new Button("Look again", Icons.icon(Icons.DISCOVER, 14));
        again.setId("probe-again");
        again.getStyleClass().add(Styles.FLAT);
        again.setTooltip(new Tooltip("Look for local model servers on their default ports"));
        again.disableProperty().bind(model.probingProperty());
        again.setOnAction(event -> model.probeLocalServers());
        Sizing.neverNarrower(again);
        HBox line = new HBox(8, probing, status, new Spacer(), again);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private void showFound() {
        found.getChildren().clear();
        for (LocalServerProbe.Found server : model.localServers()) {
            found.getChildren().add(row(server));
        }
    }

    private Node row(LocalServerProbe.Found server) {
        String key = server.server().preset().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Label name =
                new Label(server.server().preset().title(), Icons.icon(Icons.LOCAL_SERVER, 16));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label url = new Label(server.server().baseUrl());
        url.getStyleClass().addAll(StyleClasses.MUTED, StyleClasses.MONOSPACED);
        int count = server.models().size();
        Label models = new Label(count == 1 ? "1 model" : count + " models");
        models.getStyleClass().add(StyleClasses.MUTED);
        Button add = new Button("Add", Icons.icon(Icons.ADD, 14));
        add.setId("add-local-" + key);
        add.setTooltip(
                new Tooltip(
                        "Add "
                                + server.server().preset().title()
                                + " as a provider and list its models"));
        add.setOnAction(event -> model.addLocalServer(server));
        HBox row = new HBox(10, name, url, models, new Spacer(), add);
        row.setId("local-" + key);
        row.getStyleClass().add(StyleClasses.LOCAL_SERVER_ROW);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
