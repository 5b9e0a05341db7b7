package io.signalbox.app.routes;

import atlantafx.base.theme.Styles;
import io.signalbox.persistence.config.CanaryConfig;
import io.signalbox.proxy.routing.CanaryStatus;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The canary line of a target row: a switch that marks the target as the route's canary with its
 * share, the badge ("Canary 10%", "Demoted: 87% of 40 in 5 min"), and, for the canary the proxy
 * runs, Promote and Roll back, each asking once more before it acts.
 */
final class CanaryBadge {

    static final String TOGGLE = "canary-toggle";
    static final String SHARE = "canary-share";
    static final String BADGE = "canary-badge";
    static final String DEMOTED = "canary-demoted";
    static final String PROMOTE = "canary-promote";
    static final String ROLLBACK = "canary-rollback";
    static final String CONFIRM = "canary-confirm";
    static final String CANCEL = "canary-cancel";
    static final String QUESTION = "canary-question";

    private CanaryBadge() {}

    static Node build(RouteEditorViewModel model, TargetDraft target) {
        CheckBox toggle = new CheckBox("Canary");
        toggle.getStyleClass().add(TOGGLE);
        toggle.setTooltip(
                new Tooltip(
                        "The canary gets a fixed share of the requests and none once fewer than 95%"
                                + " of its attempts in 5 minutes succeed"));
        toggle.setSelected(target.canaryProperty().get() != null);
        Spinner<Integer> share = new Spinner<>();
        share.getStyleClass().add(SHARE);
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(
                        1, 99, shareOf(target.canaryProperty().get()), 5);
        share.setValueFactory(values);
        share.setEditable(true);
        share.setPrefWidth(78);
        share.setTooltip(new Tooltip("Percent of the route's requests the canary gets (1 to 99)"));
        share.visibleProperty().bind(toggle.selectedProperty());
        share.managedProperty().bind(share.visibleProperty());

        toggle.selectedProperty()
                .addListener(
                        (obs, was, on) -> {
                            if (on) {
                                mark(model, target, values.getValue());
                            } else {
                                target.canaryProperty().set(null);
                            }
                        });
        values.valueProperty()
                .addListener(
                        (obs, old, value) -> {
                            CanaryConfig current = target.canaryProperty().get();
                            if (current != null && value != null) {
                                target.canaryProperty()
                                        .set(
                                                new CanaryConfig(
                                                        value,
                                                        current.minSuccessPercent(),
                                                        current.windowMinutes(),
                                                        current.minRequests()));
                            }
                        });
        // Another row marked as canary unmarks this one (one canary per route).
        target.canaryProperty().addListener((obs, old, now) -> toggle.setSelected(now != null));

        Label badge = new Label();
        badge.getStyleClass().add(BADGE);
        badge.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        CanaryText.badge(
                                                target.canaryProperty().get(),
                                                running(model, target)),
                                target.canaryProperty(),
                                model.canaries().byRouteProperty()));
        badge.visibleProperty().bind(Bindings.isNotEmpty(badge.textProperty()));
        badge.managedProperty().bind(badge.visibleProperty());
        badge.textProperty()
                .addListener(
                        (obs, old, text) ->
                                badge.pseudoClassStateChanged(
                                        javafx.css.PseudoClass.getPseudoClass(DEMOTED),
                                        text.startsWith("Demoted")));

        BooleanBinding runsHere =
                Bindings.createBooleanBinding(
                        () -> running(model, target).isPresent(),
                        model.canaries().byRouteProperty(),
                        target.modelProperty());
        Button promote = new Button("Promote");
        promote.getStyleClass().add(PROMOTE);
        Button rollback = new Button("Roll back");
        rollback.getStyleClass().add(ROLLBACK);
        for (Button button : new Button[] {promote, rollback}) {
            button.visibleProperty().bind(runsHere);
            button.managedProperty().bind(button.visibleProperty());
            // An action reloads the route from the store: unsaved edits would be in the way.
            button.disableProperty().bind(model.dirtyProperty());
        }
        promote.setTooltip(new Tooltip("Make this model the route's only target"));
        rollback.setTooltip(new Tooltip("Remove this model from the route"));

        Label question = new Label();
        question.getStyleClass().add(QUESTION);
        Button confirm = new Button();
        confirm.getStyleClass().addAll(CONFIRM, Styles.DANGER);
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add(CANCEL);
        HBox confirmation = new HBox(8, question, confirm, cancel);
        confirmation.setAlignment(Pos.CENTER_LEFT);
        confirmation.setVisible(false);
        confirmation.managedProperty().bind(confirmation.visibleProperty());
        cancel.setOnAction(event -> confirmation.setVisible(false));
        promote.setOnAction(
                event -> {
                    question.setText(
                            "Make " + target.model().label() + " the only target of this route?");
                    confirm.setText("Promote");
                    confirm.setVisible(true);
                    confirm.setOnAction(
                            e -> {
                                confirmation.setVisible(false);
                                if (!model.canaries().promote(model.storedName())) {
                                    // Refused (say, the route changed meanwhile): say why.
                                    question.setText(model.canaries().messageProperty().get());
                                    confirm.setVisible(false);
                                    confirmation.setVisible(true);
                                }
                            });
                    confirmation.setVisible(true);
                });
        rollback.setOnAction(
                event -> {
                    question.setText("Remove " + target.model().label() + " from this route?");
                    confirm.setText("Roll back");
                    confirm.setVisible(true);
                    confirm.setOnAction(
                            e -> {
                                confirmation.setVisible(false);
                                if (!model.canaries().rollback(model.storedName())) {
                                    // Refused (say, the route changed meanwhile): say why.
                                    question.setText(model.canaries().messageProperty().get());
                                    confirm.setVisible(false);
                                    confirmation.setVisible(true);
                                }
                            });
                    confirmation.setVisible(true);
                });

        toggle.setMinWidth(Region.USE_PREF_SIZE);
        share.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(10, toggle, share, badge, promote, rollback);
        controls.setAlignment(Pos.CENTER_LEFT);
        return new javafx.scene.layout.VBox(4, controls, confirmation);
    }

    private static Optional<CanaryStatus> running(RouteEditorViewModel model, TargetDraft target) {
        return model.canaries()
                .status(model.storedName(), target.model().provider(), target.model().model());
    }

    /** Marks {@code target} as the canary and every other target of the route as not. */
    private static void mark(RouteEditorViewModel model, TargetDraft target, int share) {
        for (TargetDraft other : model.targets()) {
            if (other != target) {
                other.canaryProperty().set(null);
            }
        }
        if (target.canaryProperty().get() == null) {
            target.canaryProperty().set(CanaryConfig.withShare(share));
        }
    }

    private static int shareOf(CanaryConfig canary) {
        return canary == null ? 10 : canary.share();
    }
}
