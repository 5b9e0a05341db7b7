package io.signalbox.app.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.controls.ToggleSwitch;
import io.signalbox.app.common.Icons;
import io.signalbox.app.common.StyleClasses;
import io.signalbox.app.common.Switches;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/** The main window's content: sidebar, the selected screen, and the status bar. */
public final class MainView {

    private final MainViewModel model;
    private final Map<Section, Supplier<Node>> screens;
    private final Map<Section, Node> built = new EnumMap<>(Section.class);
    private final Map<Section, ToggleButton> navButtons = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();

    /**
     * @param screens builds each section's screen, once, when it is first shown; sections without
     *     one show a placeholder
     */
    public MainView(MainViewModel model, Map<Section, Supplier<Node>> screens) {
        this.model = model;
        this.screens = Map.copyOf(screens);
    }

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    public Parent build() {
        BorderPane root = new BorderPane();
        root.setLeft(sidebar());
        root.setCenter(content);
        root.setBottom(statusBar());
        model.selectedProperty().addListener((obs, old, section) -> show(section));
        show(model.selectedProperty().get());
        applyTheme(root, model.themeProperty().get());
        model.themeProperty().addListener((obs, old, theme) -> applyTheme(root, theme));
        everySecond(
                () -> {
                    model.refreshStatus();
                    model.sampleRequestRate();
                });
        return root;
    }

    /** The theme is the application's user agent stylesheet; app.css only adds to it. */
    private static void applyTheme(Parent root, Theme theme) {
        ThemeStylesheets.apply(theme);
        root.pseudoClassStateChanged(DARK, theme == Theme.DARK);
    }

    private static void everySecond(Runnable tick) {
        Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), event -> tick.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }

    /** Ctrl+1 to Ctrl+6 open the sections in sidebar order; Ctrl+Shift+D switches the theme. */
    public Map<KeyCombination, Runnable> accelerators() {
        Map<KeyCombination, Runnable> accelerators = new java.util.LinkedHashMap<>();
        Section[] sections = Section.values();
        for (int i = 0; i < sections.length; i++) {
            Section section = sections[i];
            KeyCode digit = KeyCode.valueOf("DIGIT" + (i + 1));
            accelerators.put(
                    new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                    () -> model.selectedProperty().set(section));
        }
        accelerators.put(
                new KeyCodeCombination(
                        KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                model::toggleTheme);
        return accelerators;
    }

    private Node sidebar() {
        Label brand = new Label("Signalbox", Icons.icon(Icons.LOGO, 22));
        brand.getStyleClass().add(StyleClasses.BRAND);
        VBox sidebar = new VBox(brand);
        sidebar.getStyleClass().add(StyleClasses.SIDEBAR);
        ToggleGroup group = new ToggleGroup();
        Section[] sections = Section.values();
        for (int i = 0; i < sections.length; i++) {
            Section section = sections[i];
            ToggleButton button = new ToggleButton(section.title(), Icons.icon(section.icon(), 18));
            button.setId("nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
            button.getStyleClass().add(StyleClasses.NAV_BUTTON);
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setTooltip(new Tooltip(section.description() + "  (Ctrl+" + (i + 1) + ")"));
            // A nav button stays pressed while its section shows; clicking it again is a no-op.
            button.setOnAction(
                    event -> {
                        model.selectedProperty().set(section);
                        button.setSelected(true);
                    });
            navButtons.put(section, button);
            sidebar.getChildren().add(button);
        }
        sidebar.getChildren().addAll(new Spacer(Orientation.VERTICAL), themeSwitch());
        return sidebar;
    }

    private Node themeSwitch() {
        ToggleSwitch dark = Switches.create("Dark theme");
        dark.setId("theme-switch");
        dark.getStyleClass().add(StyleClasses.THEME_SWITCH);
        dark.setSelected(model.themeProperty().get() == Theme.DARK);
        dark.selectedProperty()
                .addListener(
                        (obs, old, on) -> model.themeProperty().set(on ? Theme.DARK : Theme.LIGHT));
        model.themeProperty()
                .addListener((obs, old, theme) -> dark.setSelected(theme == Theme.DARK));
        dark.setTooltip(new Tooltip("Switch between the light and the dark theme (Ctrl+Shift+D)"));
        return dark;
    }

    private void show(Section section) {
        navButtons.get(section).setSelected(true);
        Supplier<Node> screen = screens.get(section);
        if (screen != null) {
            // Built once and kept: a screen keeps its state (selection, scroll) across visits.
            content.getChildren().setAll(built.computeIfAbsent(section, unused -> screen.get()));
            return;
        }
        content.getChildren().setAll(placeholder(section));
    }

    private static Node placeholder(Section section) {
        Label title = new Label(section.title(), Icons.icon(section.icon(), 40));
        title.getStyleClass().add(StyleClasses.PLACEHOLDER_TITLE);
        title.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        Label description = new Label(section.description());
        description.getStyleClass().add(StyleClasses.MUTED);
        Label coming = new Label("This screen arrives in a coming version.");
        coming.getStyleClass().add(StyleClasses.MUTED);
        VBox placeholder = new VBox(12, title, description, coming);
        placeholder.setId("section-" + section.name().toLowerCase(java.util.Locale.ROOT));
        placeholder.getStyleClass().add(StyleClasses.PLACEHOLDER);
        placeholder.setAlignment(Pos.CENTER);
        return placeholder;
    }

    private Node statusBar() {
        Circle dot = new Circle(5);
        dot.getStyleClass().add(StyleClasses.STATUS_DOT);
        updateDot(dot, model.runningProperty().get());
        model.runningProperty().addListener((obs, old, running) -> updateDot(dot, running));

        Label status = new Label();
        status.setId("proxy-status");
        status.textProperty().bind(model.statusTextProperty());

        Label url = new Label();
        url.setId("base-url");
        url.getStyleClass().add(StyleClasses.BASE_URL);
        url.textProperty().bind(model.baseUrlProperty());

        Button copy = new Button(null, Icons.icon(Icons.COPY, 14));
        copy.setId("copy-base-url");
        copy.getStyleClass().add(StyleClasses.ICON_BUTTON);
        copy.setTooltip(new Tooltip("Copy the base URL for your OpenAI client"));
        copy.disableProperty().bind(model.runningProperty().not());
        copy.setOnAction(
                event -> {
                    ClipboardContent clip = new ClipboardContent();
                    clip.putString(model.baseUrlProperty().get());
                    Clipboard.getSystemClipboard().setContent(clip);
                });

        Label rate = new Label();
        rate.setId("request-rate");
        rate.textProperty().bind(model.requestRateProperty());
        rate.setTooltip(new Tooltip("Requests the proxy finished in the last second"));
        rate.setGraphic(Icons.icon(Icons.REQUEST_RATE, 14));

        HBox bar = new HBox(8, dot, status, url, copy, new Spacer(), rate);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(StyleClasses.STATUS_BAR);
        return bar;
    }

    private static void updateDot(Circle dot, boolean running) {
        dot.getStyleClass().removeAll(StyleClasses.RUNNING, StyleClasses.STOPPED);
        dot.getStyleClass().add(running ? StyleClasses.RUNNING : StyleClasses.STOPPED);
    }
}
