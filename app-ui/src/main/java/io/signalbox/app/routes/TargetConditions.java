package io.signalbox.app.routes;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a target's condition chips: add, edit and remove one. Each checks the condition
 * with {@link ConditionRules} first and changes nothing when it is refused, so the form can keep
 * what the user typed and say why.
 */
final class TargetConditions {

    private TargetConditions() {}

    /** Adds a condition; returns null, or the problem that kept it out. */
    static String add(TargetDraft target, MatchCondition condition) {
        return replace(target, -1, condition);
    }

    /**
     * Replaces the condition at {@code index} (or adds one when it is -1); returns null, or the
     * problem that kept the target as it was.
     */
    static String replace(TargetDraft target, int index, MatchCondition condition) {
        MatchCondition clean = tidy(condition);
        List<MatchCondition> conditions = new ArrayList<>(target.conditions());
        String problem = ConditionRules.problem(conditions, index, clean);
        if (problem != null) {
            return problem;
        }
        if (index >= 0 && index < conditions.size()) {
            conditions.set(index, clean);
        } else {
            conditions.add(clean);
        }
        target.matchProperty().set(MatchCondition.matchOf(conditions));
        return null;
    }

    static void remove(TargetDraft target, int index) {
        List<MatchCondition> conditions = new ArrayList<>(target.conditions());
        if (index >= 0 && index < conditions.size()) {
            conditions.remove(index);
            target.matchProperty().set(MatchCondition.matchOf(conditions));
        }
    }

    /** Spaces around what was typed are slips: a header value is compared after trimming too. */
    private static MatchCondition tidy(MatchCondition condition) {
        return new MatchCondition(
                condition.kind(), condition.name().strip(), condition.value().strip());
    }
}
