package org.haochaping.campaign;

import org.haochaping.system.Figures;

/** A goal as officials read it: "解决不动产登记遗留问题的居民 ≥ 9,400 户", "好评率 ≥ 90%". */
public final class GoalStatement {

    private GoalStatement() {
    }

    public static String of(Goal goal) {
        return goal.title().zh() + " " + target(goal);
    }

    /** The target alone, with its sign: "≥ 9,400 户", "≤ 5%". */
    public static String target(Goal goal) {
        return (goal.comparison() == Comparison.AT_LEAST ? "≥ " : "≤ ") + Figures.amount(goal.target(), goal.unit().zh());
    }
}
