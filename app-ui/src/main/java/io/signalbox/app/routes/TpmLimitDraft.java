package io.signalbox.app.routes;

import io.signalbox.persistence.config.TargetConfig;
import io.signalbox.proxy.routing.TpmUse;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.OptionalLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A target's tokens-per-minute limit as the route editor edits it, and the live use of it the
 * running proxy reports ({@link TpmMeters}), for the row's meter (ADR 0014).
 */
public final class TpmLimitDraft {

    private final ObjectProperty<Long> limit = new SimpleObjectProperty<>();
    private final ReadOnlyDoubleWrapper fill = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper meterText = new ReadOnlyStringWrapper();
    private TpmUse live;
    private boolean weightGiven = true;
    private int loadedWeight = TargetConfig.DEFAULT_WEIGHT;

    TpmLimitDraft() {
        limit.addListener(observable -> showMeter());
        showMeter();
    }

    /** Takes the stored limit, and whether the stored weight was given, from {@code target}. */
    void load(TargetConfig target) {
        weightGiven = target.weightGiven();
        loadedWeight = target.weight();
        limit.set(target.tpmLimit().isPresent() ? target.tpmLimit().getAsLong() : null);
    }

    /**
     * {@code base} with this limit. A weight left out of the file stays left out while the editor
     * leaves it as it was, so a route that shares by limits keeps doing so after a save.
     */
    TargetConfig applyTo(TargetConfig base) {
        Long value = limit.get();
        return new TargetConfig(
                base.provider(),
                base.model(),
                base.weight(),
                base.enabled(),
                base.match(),
                base.canary(),
                value == null ? OptionalLong.empty() : OptionalLong.of(value),
                weightGiven || base.weight() != loadedWeight);
    }

    /** Tokens a minute, or null for no limit. */
    public ObjectProperty<Long> limitProperty() {
        return limit;
    }

    /** 0..1: the part of the limit the model used in the last minute. */
    public ReadOnlyDoubleProperty fillProperty() {
        return fill.getReadOnlyProperty();
    }

    /** "1,250 / 60,000 tokens this minute", or "no limit". */
    public ReadOnlyStringProperty meterTextProperty() {
        return meterText.getReadOnlyProperty();
    }

    /** The running proxy's count for this target's model; null when it has no limit there. */
    void showUse(TpmUse use) {
        live = use;
        showMeter();
    }

    private void showMeter() {
        Long drafted = limit.get();
        long shownLimit = live != null ? live.limit() : drafted == null ? 0 : drafted;
        long used = live != null ? live.used() : 0;
        if (shownLimit <= 0) {
            fill.set(0);
            meterText.set("no limit");
            return;
        }
        fill.set(Math.min(1.0, (double) used / shownLimit));
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ROOT);
        numbers.setGroupingUsed(true);
        meterText.set(
                numbers.format(used) + " / " + numbers.format(shownLimit) + " tokens this minute");
    }
}
