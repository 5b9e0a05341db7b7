package io.signalbox.app.providers;

import atlantafx.base.controls.Spacer;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import io.signalbox.app.common.Icons;
import io.signalbox.app.common.Sizing;
import io.signalbox.app.common.StyleClasses;
import io.signalbox.app.common.Switches;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The editor of one provider: its settings, Save and Remove, then its models. */
final class ProviderEditorView {

    /** Wide enough for the longest preset, "Other OpenAI-compatible". */
    private static final double PRESET_WIDTH = 240;

    private final ProviderEditorViewModel model;
    private final Runnable remove;
    private final CertificateFiles certificateFiles;

    /**
     * @param remove asks to remove this provider (or to discard it while it is new)
     * @param certificateFiles asks for a certificate file to trust
     */
    ProviderEditorView(
            ProviderEditorViewModel model, Runnable remove, CertificateFiles certificateFiles) {
        this.model = model;
        this.remove = remove;
        this.certificateFiles = certificateFiles;
    }

    Node build() {
        VBox editor =
                new VBox(
                        14,
                        header(),
                        form(),
                        actions(),
                        error(ProviderField.GENERAL, "error-general"),
                        new ModelsView(model.models()).build());
        editor.getStyleClass().add(StyleClasses.EDITOR);
        VBox.setVgrow(editor.getChildren().get(editor.getChildren().size() - 1), Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(editor);
        scroll.setId("provider-editor");
        scroll.setFitToWidth(true);
        // Fills the height, so the model list grows with the window; scrolls when it is small.
        scroll.setFitToHeight(true);
        return scroll;
    }

    private Node header() {
        Label title = new Label();
        title.setId("editor-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty()
                .bind(
                        Bindings.when(model.storedNameProperty().isEmpty())
                                .then("New provider")
                                .otherwise(model.storedNameProperty()));
        Label unsaved = new Label("Unsaved changes");
        unsaved.setId("unsaved");
        unsaved.getStyleClass().add(StyleClasses.MUTED);
        unsaved.visibleProperty().bind(model.dirtyProperty());
        ToggleSwitch enabled = Switches.create("Enabled");
        enabled.setId("provider-enabled");
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
        enabled.setTooltip(new Tooltip("A disabled provider gets no traffic from any route"));
        Sizing.neverNarrower(enabled);
        HBox header = new HBox(12, title, unsaved, new Spacer(), enabled);
        header.setAlignment(Pos.BASELINE_LEFT);
        return header;
    }

    private Node form() {
        GridPane form = new GridPane();
        form.getStyleClass().add(StyleClasses.FORM);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        // A fixed width for the presets, so that the form does not jump when one is chosen.
        ColumnConstraints presets = new ColumnConstraints();
        presets.setPrefWidth(PRESET_WIDTH);
        presets.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints secondLabel = new ColumnConstraints();
        secondLabel.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints names = new ColumnConstraints();
        names.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, presets, secondLabel, names);

        ComboBox<ProviderPreset> preset =
                new ComboBox<>(FXCollections.observableArrayList(ProviderPreset.values()));
        preset.setId("preset");
        preset.setPromptText("Choose a preset…");
        preset.valueProperty().bindBidirectional(model.presetProperty());
        preset.setTooltip(new Tooltip("Fills the base URL of a well-known server"));
        preset.setVisibleRowCount(ProviderPreset.values().length);
        preset.setMaxWidth(Double.MAX_VALUE);

        TextField name = new TextField();
        name.setId("provider-name-field");
        name.setPromptText("e.g. openai");
        name.textProperty().bindBidirectional(model.nameProperty());

        TextField baseUrl = new TextField();
        baseUrl.setId("provider-base-url");
        baseUrl.setPromptText("e.g. http://localhost:11434/v1");
        baseUrl.textProperty().bindBidirectional(model.baseUrlProperty());
        baseUrl.getStyleClass().add(StyleClasses.MONOSPACED);

        TextArea headers = new TextArea();
        headers.setId("provider-headers");
        headers.setPromptText("One per line, e.g. X-Team: research");
        headers.setPrefRowCount(3);
        headers.textProperty().bindBidirectional(model.headersProperty());
        TitledPane headersPane = new TitledPane("Extra headers", headers);
        headersPane.setId("headers-pane");
        // Closed at first: header values may be secrets too.
        headersPane.setExpanded(false);

        // Preset and name share a row, so that the model list below gets the height.
        Label presetLabel = label("Preset", preset);
        Label nameLabel = label("Name", name);
        form.add(presetLabel, 0, 0);
        form.add(preset, 1, 0);
        form.add(nameLabel, 2, 0);
        form.add(new VBox(4, name, error(ProviderField.NAME, "error-name")), 3, 0);
        addWideRow(form, 1, "Base URL", baseUrl, error(ProviderField.BASE_URL, "error-base-url"));
        addWideRow(form, 2, "API key", apiKey(), error(ProviderField.API_KEY, "error-api-key"));
        addWideRow(form, 3, "", headersPane, error(ProviderField.HEADERS, "error-headers"));
        addWideRow(
                form,
                4,
                "Certificate",
                certificate(),
                error(ProviderField.CERTIFICATE, "error-certificate"));
        return form;
    }

    /**
     * The certificate trusted for this provider's TLS besides the public authorities: for a server
     * with a self-signed certificate. Shows whom it names and until when, so the user can check it.
     */
    private Node certificate() {
        Label summary = new Label();
        summary.setId("certificate-summary");
        Sizing.wrap(summary);
        summary.textProperty()
                .bind(
                        Bindings.when(model.certificateSummaryProperty().isEmpty())
                                .then("None: only certificates of public authorities are trusted")
                                .otherwise(model.certificateSummaryProperty()));
        summary.setTooltip(
                new Tooltip(
                        "HTTPS is always verified. For a server with a self-signed certificate,"
                                + " add its certificate (PEM or DER file)."));
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);

        Button add = new Button("Add certificate…");
        add.setId("add-certificate");
        add.setTooltip(new Tooltip("Trust this provider's own certificate (a .pem, .crt or .cer)"));
        add.setOnAction(
                event ->
                        certificateFiles
                                .choose(add.getScene().getWindow())
                                .ifPresent(model::addCertificate));
        Button drop = new Button("Remove");
        drop.setId("remove-certificate");
        drop.getStyleClass().add(Styles.FLAT);
        drop.setTooltip(new Tooltip("Trust only the public authorities again"));
        drop.disableProperty().bind(model.certificateProperty().isEmpty());
        drop.setOnAction(event -> model.removeCertificate());
        Sizing.neverNarrower(add, drop);
        HBox row = new HBox(8, summary, add, drop);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        GridPane.setValignment(label, VPos.TOP);
        label.getStyleClass().add(StyleClasses.FORM_LABEL);
        return label;
    }

    /** A field over the three columns right of its label, with its problem line below it. */
    private static void addWideRow(GridPane form, int row, String text, Node field, Node error) {
        form.add(label(text, field), 0, row);
        form.add(new VBox(4, field, error), 1, row, 3, 1);
    }

    /**
     * A masked field and a reveal button. The plain field exists only while revealed, so the key is
     * on screen only when the user asked for it.
     */
    private Node apiKey() {
        PasswordField masked = new PasswordField();
        masked.setId("api-key");
        masked.textProperty().bindBidirectional(model.apiKeyProperty());
        masked.promptTextProperty().bind(model.apiKeyHintProperty());
        StackPane field = new StackPane(masked);
        HBox.setHgrow(field, Priority.ALWAYS);

        ToggleButton reveal = new ToggleButton(null, Icons.icon(Icons.REVEAL, 16));
        reveal.setId("reveal-key");
        reveal.setTooltip(new Tooltip("Show the key"));
        reveal.selectedProperty()
                .addListener(
                        (obs, old, shown) -> {
                            if (shown) {
                                TextField plain = new TextField();
                                plain.setId("api-key-plain");
                                plain.textProperty().bindBidirectional(model.apiKeyProperty());
                                plain.promptTextProperty().bind(model.apiKeyHintProperty());
                                field.getChildren().setAll(plain);
                                reveal.setGraphic(Icons.icon(Icons.CONCEAL, 16));
                                reveal.getTooltip().setText("Hide the key");
                            } else {
                                // Unbound, so the discarded field no longer holds the key.
                                ((TextField) field.getChildren().get(0))
                                        .textProperty()
                                        .unbindBidirectional(model.apiKeyProperty());
                                field.getChildren().setAll(masked);
                                reveal.setGraphic(Icons.icon(Icons.REVEAL, 16));
                                reveal.getTooltip().setText("Show the key");
                            }
                        });
        HBox row = new HBox(6, field, reveal);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node actions() {
        Button save = new Button("_Save", Icons.icon(Icons.SAVE, 16));
        save.setId("save-provider");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.dirtyProperty().not());
        save.setTooltip(
                new Tooltip("Store the provider; the running proxy uses it at once (Enter)"));
        save.setOnAction(event -> model.save());

        Button revert = new Button("Revert", Icons.icon(Icons.REVERT, 16));
        revert.setId("revert-provider");
        revert.disableProperty().bind(model.dirtyProperty().not());
        revert.setTooltip(new Tooltip("Drop the unsaved changes"));
        revert.setOnAction(event -> model.revert());

        Label notice = new Label();
        notice.setId("provider-notice");
        notice.getStyleClass().add(StyleClasses.NOTICE);
        notice.textProperty().bind(model.noticeProperty());

        Button discard =
                new Button(model.isNew() ? "Discard" : "Remove", Icons.icon(Icons.REMOVE, 16));
        discard.setId("remove-provider");
        discard.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        discard.setTooltip(
                new Tooltip(
                        model.isNew()
                                ? "Drop this new provider"
                                : "Remove this provider (asks first; Delete in the list)"));
        discard.setOnAction(event -> remove.run());
        model.storedNameProperty()
                .addListener(
                        (obs, old, name) -> discard.setText(name.isEmpty() ? "Discard" : "Remove"));

        Sizing.neverNarrower(save, revert, discard);
        HBox actions = new HBox(8, save, revert, notice, new Spacer(), discard);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    /** A problem next to its field: the line is there only while there is a problem. */
    private Label error(ProviderField field, String id) {
        return errorLabel(model.errorProperty(field), id);
    }

    static Label errorLabel(ObservableStringValue text, String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add(StyleClasses.FIELD_ERROR);
        Sizing.wrap(error);
        error.textProperty().bind(text);
        error.visibleProperty().bind(Bindings.isNotEmpty(text));
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
