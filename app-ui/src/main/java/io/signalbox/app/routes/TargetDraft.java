package io.signalbox.app.routes;

import io.signalbox.persistence.config.CanaryConfig;
import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.persistence.config.TargetMatch;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One target of the route being edited. The editor's view model keeps its share and problem up to
 * date; the colour stays with the target when it is reordered, so a row and its part of the bar
 * keep matching.
 */
public final class TargetDraft {

    private final ObjectProperty<ModelRef> model;
    private final IntegerProperty weight;
    private final BooleanProperty enabled;
    private final int color;
    private final ObjectProperty<TargetMatch> match;
    private final ReadOnlyDoubleWrapper share = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ObjectProperty<CanaryConfig> canary = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper shareText = new ReadOnlyStringWrapper("");
    private final TpmLimitDraft tpm = new TpmLimitDraft();

    TargetDraft(ModelRef model, int weight, boolean enabled, int color) {
        this(model, weight, enabled, color, TargetMatch.NONE);
    }

    /**
     * @param match the target's request conditions, shown as chips; they stay with the target when
     *     it is re-pointed or moved
     */
    TargetDraft(ModelRef model, int weight, boolean enabled, int color, TargetMatch match) {
        this.match = new SimpleObjectProperty<>(match);
        this.model = new SimpleObjectProperty<>(model);
        this.weight = new SimpleIntegerProperty(weight);
        this.enabled = new SimpleBooleanProperty(enabled);
        this.color = color;
    }

    /** Re-pointing a target (the model upgrade flow) sets this; weight and switch stay. */
    public ObjectProperty<ModelRef> modelProperty() {
        return model;
    }

    public ModelRef model() {
        return model.get();
    }

    /** 0..1000; the slider and the spinner both edit it. */
    public IntegerProperty weightProperty() {
        return weight;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** Index into the split colours, stable while the route is edited. */
    public int color() {
        return color;
    }

    /** The canary settings when this target is the route's canary, else null. */
    public ObjectProperty<CanaryConfig> canaryProperty() {
        return canary;
    }

    public ReadOnlyDoubleProperty shareProperty() {
        return share.getReadOnlyProperty();
    }

    /** Null, or what is wrong with this target in plain words. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void setShare(double value) {
        share.set(value);
    }

    void setProblem(String value) {
        problem.set(value);
    }

    /** The tokens-per-minute limit and the live meter's numbers. */
    public TpmLimitDraft tpm() {
        return tpm;
    }

    TargetConfig toConfig() {
        return tpm.applyTo(
                new TargetConfig(
                                model().provider(),
                                model().model(),
                                weight.get(),
                                enabled.get(),
                                match.get())
                        .withCanary(java.util.Optional.ofNullable(canary.get())));
    }

    /** The request conditions; {@link TargetMatch#NONE} takes every request. */
    public ObjectProperty<TargetMatch> matchProperty() {
        return match;
    }

    /** The conditions as chips list them. */
    public java.util.List<MatchCondition> conditions() {
        return MatchCondition.listOf(match.get());
    }

    /** The traffic preview beside the weight: "33.3%" by weight, "1 in 3" in a rotation. */
    public ReadOnlyStringProperty shareTextProperty() {
        return shareText.getReadOnlyProperty();
    }

    void setShareText(String value) {
        shareText.set(value);
    }
}
