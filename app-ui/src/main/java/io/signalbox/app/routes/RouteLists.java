package io.signalbox.app.routes;

import io.signalbox.persistence.config.TargetConfig;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The two ordered lists of a route draft, targets and fallbacks, and every way of changing them: a
 * drop from the palette, a reorder, a move between the lists, a removal, a re-pointed target. A
 * model is in at most one of the lists; moving it into one takes it out of the other.
 *
 * <p>Positions of a drop are gaps: {@code gap} 0 is before the first row, {@code size()} after the
 * last, as the drop indicator shows them.
 */
public final class RouteLists {

    private final ObservableList<TargetDraft> targets = FXCollections.observableArrayList();
    private final ObservableList<FallbackDraft> fallbacks = FXCollections.observableArrayList();

    public ObservableList<TargetDraft> targets() {
        return targets;
    }

    public ObservableList<FallbackDraft> fallbacks() {
        return fallbacks;
    }

    /** Replaces both lists, as opening a route does; targets get colours by position. */
    void load(List<TargetConfig> targetConfigs, List<ModelRef> fallbackModels) {
        List<TargetDraft> drafts = new java.util.ArrayList<>();
        for (TargetConfig target : targetConfigs) {
            TargetDraft draft =
                    new TargetDraft(
                            ModelRef.of(target),
                            target.weight(),
                            target.enabled(),
                            drafts.size(),
                            target.match());
            draft.tpm().load(target);
            draft.canaryProperty().set(target.canary().orElse(null));
            drafts.add(draft);
        }
        targets.setAll(drafts);
        fallbacks.setAll(fallbackModels.stream().map(FallbackDraft::new).toList());
    }

    /** "target", "fallback", or null: what the palette notes beside a model already in use. */
    public String roleOf(ModelRef model) {
        if (targetIndex(model) >= 0) {
            return "target";
        }
        return fallbackIndex(model) >= 0 ? "fallback" : null;
    }

    /** Whether {@code model} is in neither list, so it can still be added. */
    boolean isFree(ModelRef model) {
        return targetIndex(model) < 0 && fallbackIndex(model) < 0;
    }

    /**
     * Adds {@code model} as a target before position {@code gap} (0..size). A model that is a
     * target already moves there; one that is a fallback leaves the fallbacks.
     */
    public void addTarget(ModelRef model, int gap) {
        int existing = targetIndex(model);
        if (existing >= 0) {
            moveTarget(existing, gap);
            return;
        }
        removeFallbackOf(model);
        targets.add(
                clamp(gap, targets.size()),
                new TargetDraft(model, TargetConfig.DEFAULT_WEIGHT, true, freeColor()));
    }

    /** Moves a target to the gap before position {@code gap} of the list as it is now. */
    public void moveTarget(int from, int gap) {
        move(targets, from, gap);
    }

    public void moveTargetUp(int index) {
        moveTarget(index, index - 1);
    }

    public void moveTargetDown(int index) {
        moveTarget(index, index + 2);
    }

    public void removeTarget(int index) {
        if (index >= 0 && index < targets.size()) {
            targets.remove(index);
        }
    }

    /** Turns a target into a fallback at {@code gap}; its weight no longer applies. */
    public void targetToFallback(int index, int gap) {
        if (index < 0 || index >= targets.size()) {
            return;
        }
        ModelRef model = targets.remove(index).model();
        fallbacks.add(clamp(gap, fallbacks.size()), new FallbackDraft(model));
    }

    /**
     * The model upgrade flow: the target keeps its place, weight and switch, and the route keeps
     * the name clients call; only the model behind it changes. False when that model is already
     * another target of the route.
     */
    public boolean changeTargetModel(int index, ModelRef model) {
        if (index < 0 || index >= targets.size()) {
            return false;
        }
        int existing = targetIndex(model);
        if (existing >= 0) {
            return existing == index;
        }
        removeFallbackOf(model);
        targets.get(index).modelProperty().set(model);
        return true;
    }

    /** Adds a fallback before {@code gap}; a target of the same model leaves the targets. */
    public void addFallback(ModelRef model, int gap) {
        int existing = fallbackIndex(model);
        if (existing >= 0) {
            moveFallback(existing, gap);
            return;
        }
        int target = targetIndex(model);
        if (target >= 0) {
            targetToFallback(target, gap);
            return;
        }
        fallbacks.add(clamp(gap, fallbacks.size()), new FallbackDraft(model));
    }

    public void moveFallback(int from, int gap) {
        move(fallbacks, from, gap);
    }

    public void moveFallbackUp(int index) {
        moveFallback(index, index - 1);
    }

    public void moveFallbackDown(int index) {
        moveFallback(index, index + 2);
    }

    public void removeFallback(int index) {
        if (index >= 0 && index < fallbacks.size()) {
            fallbacks.remove(index);
        }
    }

    /** Turns a fallback into a target at {@code gap}, with the default weight. */
    public void fallbackToTarget(int index, int gap) {
        if (index < 0 || index >= fallbacks.size()) {
            return;
        }
        ModelRef model = fallbacks.remove(index).model();
        targets.add(
                clamp(gap, targets.size()),
                new TargetDraft(model, TargetConfig.DEFAULT_WEIGHT, true, freeColor()));
    }

    int targetIndex(ModelRef model) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).model().equals(model)) {
                return i;
            }
        }
        return -1;
    }

    int fallbackIndex(ModelRef model) {
        for (int i = 0; i < fallbacks.size(); i++) {
            if (fallbacks.get(i).model().equals(model)) {
                return i;
            }
        }
        return -1;
    }

    private void removeFallbackOf(ModelRef model) {
        int index = fallbackIndex(model);
        if (index >= 0) {
            fallbacks.remove(index);
        }
    }

    /** The lowest colour no target uses, so a new target never shares a colour in the bar. */
    private int freeColor() {
        Set<Integer> used = targets.stream().map(TargetDraft::color).collect(Collectors.toSet());
        int color = 0;
        while (used.contains(color)) {
            color++;
        }
        return color;
    }

    private static <T> void move(ObservableList<T> list, int from, int gap) {
        if (from < 0 || from >= list.size()) {
            return;
        }
        int to = clamp(gap > from ? gap - 1 : gap, list.size() - 1);
        if (to == from) {
            return;
        }
        T item = list.remove(from);
        list.add(to, item);
    }

    private static int clamp(int index, int max) {
        return Math.max(0, Math.min(index, max));
    }
}
