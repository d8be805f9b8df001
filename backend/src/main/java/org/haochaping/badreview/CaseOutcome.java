package org.haochaping.badreview;

/**
 * How a case ended. {@code NOT_RERATED} (未复评) and {@code APPEAL_UPHELD} (申诉成立, the rating
 * excluded from every figure) are counted apart from re-rated cases.
 */
public enum CaseOutcome { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED, NOT_RERATED, APPEAL_UPHELD }
