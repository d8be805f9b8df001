package org.haochaping.campaign;

/** What a goal measures; see {@link Goal}. */
public enum GoalType {
    /** 好评率 (share of levels 3-5) at least the target, in %. */
    SATISFACTION,
    /** 差评率 (share of levels 1-2) at most the target, in %. */
    BAD_REVIEW_LIMIT,
    /** At least the target number of ratings or of distinct residents. */
    PARTICIPATION,
    /** A result the work report promises, counted in its own unit (households, projects, 亩 ...). */
    OUTCOME
}
