package org.haochaping.badreview;

/** The resident's re-rating of the fix: 满意, 基本满意, 不满意. */
public enum Verdict {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

    /** 整改满意率 counts 满意 and 基本满意. */
    public boolean isSatisfied() {
        return this != UNSATISFIED;
    }
}
