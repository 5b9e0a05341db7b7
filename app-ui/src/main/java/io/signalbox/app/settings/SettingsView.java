package io.signalbox.app.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import io.signalbox.app.common.Switches;
import io.signalbox.app.shell.Theme;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Window;

/** The Settings screen: one column of short sections, each acting on its own. */
final class SettingsView {

    /** Where export and import read and write; a file chooser in the app, fixed paths in tests. */
    interface Files {
        Optional<Path> exportTo(Window owner);

        Optional<Path> importFrom(Window owner);
    }

    private final SettingsViewModel model;
    private final DesktopSettingsViewModel desktop;
    private final Files files;

    SettingsView(SettingsViewModel model, DesktopSettingsViewModel desktop, Files files) {
        this.model = model;
        this.desktop = desktop;
        this.files = files;
    }

    Node build() {
        VBox column =
                new VBox(
                        title("Proxy"),
                        proxySection(),
                        title("Appearance"),
                        themeSection(),
                        title("Data folder"),
                        dataSection(),
                        title("Configuration"),
                        configSection(),
                        title("Desktop"),
                        desktopSection());
        column.getStyleClass().add("settings-column");
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setId("settings-screen");
        scroll.getStyleClass().addAll(StyleClasses.SCREEN, "settings-screen");
        return scroll;
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().addAll(Styles.TITLE_4, "settings-title");
        return title;
    }

    private Node proxySection() {
        Circle dot = new Circle(5);
        dot.getStyleClass().add(StyleClasses.STATUS_DOT);
        updateDot(dot, model.runningProperty().get());
        model.runningProperty().addListener((obs, old, on) -> updateDot(dot, on));
        Label state = new Label();
        state.setId("settings-proxy-state");
        state.textProperty()
                .bind(
                        Bindings.when(model.runningProperty())
                                .then(Bindings.concat("Running at ", model.baseUrlProperty()))
                                .otherwise("Stopped"));
        Button start = new Button("Start", Icons.icon(Icons.TEST, 16));
        start.setId("settings-start");
        start.disableProperty().bind(model.runningProperty().or(model.busyProperty()));
        start.setOnAction(event -> model.startProxy());
        Button stop = new Button("Stop", Icons.icon(Icons.CANCEL, 16));
        stop.setId("settings-stop");
        stop.disableProperty().bind(model.runningProperty().not().or(model.busyProperty()));
        stop.setOnAction(event -> model.stopProxy());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        HBox status = new HBox(8, dot, state, start, stop, progress);
        status.setAlignment(Pos.CENTER_LEFT);

        TextField port = new TextField();
        port.setId("settings-port");
        port.setPrefColumnCount(6);
        port.setMaxWidth(Region.USE_PREF_SIZE);
        port.textProperty().bindBidirectional(model.portProperty());
        ToggleGroup where = new ToggleGroup();
        RadioButton loopback = new RadioButton("This computer only (127.0.0.1)");
        loopback.setId("settings-loopback");
        loopback.setToggleGroup(where);
        RadioButton lan = new RadioButton("The local network (0.0.0.0)");
        lan.setId("settings-lan");
        lan.setToggleGroup(where);
        lan.setSelected(model.lanProperty().get());
        loopback.setSelected(!model.lanProperty().get());
        lan.selectedProperty().addListener((obs, old, on) -> model.lanProperty().set(on));
        model.lanProperty().addListener((obs, old, on) -> (on ? lan : loopback).setSelected(true));
        Label lanReason = new Label(SettingsViewModel.LAN_REASON, Icons.icon(Icons.WARNING, 16));
        lanReason.getStyleClass().add(StyleClasses.WARNING_TEXT);
        lanReason.setWrapText(true);
        // Wrapped at a readable width; unbounded, it would squeeze the form's labels to "...".
        lanReason.setMaxWidth(460);
        shownWhen(lanReason, model.lanProperty().get());
        model.lanProperty().addListener((obs, old, on) -> shownWhen(lanReason, on));
        Button apply = new Button("Apply and restart the proxy");
        apply.setId("settings-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(model.busyProperty());
        apply.setOnAction(event -> model.applyAddress());
        port.setOnAction(event -> model.applyAddress());

        GridPane form = new GridPane();
        form.getStyleClass().add(StyleClasses.FORM);
        form.addRow(0, formLabel("Port"), port);
        Label listenOn = formLabel("Listen on");
        GridPane.setValignment(listenOn, VPos.TOP);
        form.addRow(1, listenOn, new VBox(6, loopback, lan, lanReason));

        ToggleSwitch onLaunch = Switches.create("Start the proxy when Signalbox opens");
        onLaunch.setId("settings-start-on-launch");
        onLaunch.selectedProperty().bindBidirectional(model.startOnLaunchProperty());
        return new VBox(
                10,
                status,
                form,
                apply,
                message(model.addressErrorProperty(), StyleClasses.FIELD_ERROR, "address-error"),
                message(model.addressNoticeProperty(), StyleClasses.NOTICE, "address-notice"),
                onLaunch);
    }

    private static void updateDot(Circle dot, boolean running) {
        dot.getStyleClass().removeAll(StyleClasses.RUNNING, StyleClasses.STOPPED);
        dot.getStyleClass().add(running ? StyleClasses.RUNNING : StyleClasses.STOPPED);
    }

    private static Label formLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(StyleClasses.FORM_LABEL);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static void shownWhen(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** A line that takes no room while it has nothing to say. */
    private static Label message(ObservableStringValue text, String styleClass, String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.textProperty().bind(text);
        shownWhen(label, !text.get().isEmpty());
        text.addListener((obs, old, now) -> shownWhen(label, !now.isEmpty()));
        return label;
    }

    private Node themeSection() {
        ToggleSwitch dark = Switches.create("Dark theme");
        dark.setId("settings-dark");
        dark.setSelected(model.themeProperty().get() == Theme.DARK);
        dark.selectedProperty()
                .addListener(
                        (obs, old, on) -> model.themeProperty().set(on ? Theme.DARK : Theme.LIGHT));
        model.themeProperty()
                .addListener((obs, old, theme) -> dark.setSelected(theme == Theme.DARK));
        return dark;
    }

    private Node desktopSection() {
        ToggleSwitch keepInTray =
                Switches.create("Closing the window keeps the proxy running in the tray");
        keepInTray.setId("settings-keep-in-tray");
        keepInTray.selectedProperty().bindBidirectional(desktop.keepInTrayProperty());
        keepInTray.setDisable(!desktop.trayAvailable());
        ToggleSwitch atLogin = Switches.create("Start Signalbox when I log in");
        atLogin.setId("settings-start-at-login");
        atLogin.selectedProperty().bindBidirectional(desktop.startAtLoginProperty());
        atLogin.setDisable(!desktop.loginAvailable());
        VBox section = new VBox(10, keepInTray);
        if (!desktop.trayAvailable()) {
            section.getChildren().add(note(DesktopSettingsViewModel.NO_TRAY));
        }
        section.getChildren().add(atLogin);
        section.getChildren()
                .add(
                        note(
                                desktop.loginAvailable()
                                        ? "Written to " + desktop.loginLocation()
                                        : DesktopSettingsViewModel.NO_LAUNCHER));
        section.getChildren()
                .add(
                        message(
                                desktop.loginErrorProperty(),
                                StyleClasses.FIELD_ERROR,
                                "login-error"));
        return section;
    }

    private static Label note(String text) {
        Label note = new Label(text);
        note.getStyleClass().add(StyleClasses.MUTED);
        note.setWrapText(true);
        note.setMaxWidth(460);
        return note;
    }

    private Node dataSection() {
        TextField path = new TextField(model.dataDir());
        path.setId("settings-data-dir");
        path.setEditable(false);
        path.getStyleClass().add(StyleClasses.MONOSPACED);
        path.setPrefColumnCount(36);
        Button open = new Button("Open folder");
        open.setId("settings-open-folder");
        open.setOnAction(event -> model.openDataFolder());
        HBox row = new HBox(8, path, open);
        row.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("The database, the admin token and the logs live here.");
        note.getStyleClass().add(StyleClasses.MUTED);
        return new VBox(
                8,
                row,
                note,
                message(model.folderErrorProperty(), StyleClasses.FIELD_ERROR, "folder-error"));
    }

    private Node configSection() {
        Label about =
                new Label(
                        "Providers, routes and access keys as one JSON file. An import replaces"
                                + " the whole configuration, or changes nothing when the file has"
                                + " a problem.");
        about.setWrapText(true);
        about.getStyleClass().add(StyleClasses.MUTED);
        CheckBox secrets = new CheckBox("Include provider keys");
        secrets.setId("settings-include-secrets");
        secrets.selectedProperty().bindBidirectional(model.includeSecretsProperty());
        Button export = new Button("Export…");
        export.setId("settings-export");
        export.setOnAction(
                event -> files.exportTo(export.getScene().getWindow()).ifPresent(model::exportTo));
        Button importButton = new Button("Import…");
        importButton.setId("settings-import");
        importButton.setOnAction(
                event ->
                        files.importFrom(importButton.getScene().getWindow())
                                .ifPresent(model::importFrom));
        HBox buttons = new HBox(8, export, secrets, new Label("  "), importButton);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label problemTitle = new Label("Nothing was changed:");
        problemTitle.getStyleClass().add(StyleClasses.PROBLEM_TITLE);
        VBox problems = new VBox(4, problemTitle);
        problems.setId("transfer-problems");
        problems.getStyleClass().add(StyleClasses.PROBLEM_BOX);
        shownWhen(problems, false);
        model.transferProblems()
                .addListener(
                        (ListChangeListener<String>)
                                change -> {
                                    problems.getChildren().setAll(problemTitle);
                                    for (String problem : model.transferProblems()) {
                                        Label line = new Label(problem);
                                        line.setWrapText(true);
                                        problems.getChildren().add(line);
                                    }
                                    shownWhen(problems, !model.transferProblems().isEmpty());
                                });
        return new VBox(
                10,
                about,
                buttons,
                message(model.transferNoticeProperty(), StyleClasses.NOTICE, "transfer-notice"),
                problems);
    }
}
