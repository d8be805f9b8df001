package org.haochaping.rating;

/**
 * A rating's status as the resident sees it. Good ratings are RECORDED; a 差评 moves from
 * AWAITING_CONTACT (待回访) to BEING_HANDLED (整改中) to FIXED_AWAITING_RERATING (已整改，待复评)
 * to CLOSED. The bad-review workflow moves it; the rating itself never changes.
 */
public enum ReviewStatus {
    RECORDED, AWAITING_CONTACT, BEING_HANDLED, FIXED_AWAITING_RERATING, CLOSED;

    public static ReviewStatus initialFor(int level) {
        return Levels.isBad(level) ? AWAITING_CONTACT : RECORDED;
    }
}
