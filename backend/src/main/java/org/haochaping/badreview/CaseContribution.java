package org.haochaping.badreview;

import org.haochaping.satisfaction.HandlingCounts;

/** What one case adds to the handling figures, a pure function of its state (see {@link HandlingCounts}). */
final class CaseContribution {

    private CaseContribution() {
    }

    static HandlingCounts of(BadReviewCase c) {
        if (c.getOutcome() == CaseOutcome.APPEAL_UPHELD) {
            return new HandlingCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        }
        boolean handled = !c.getStatus().isOpen() && c.getHandledAt() != null;
        long satisfied = c.getReratings().stream().filter(rerating -> rerating.verdict().isSatisfied()).count();
        return new HandlingCounts(1, one(c.getStatus().isOpen()), one(c.isOverdue()),
                one(c.getContactedOnTime() != null), one(Boolean.TRUE.equals(c.getContactedOnTime())), one(handled),
                one(handled && Boolean.TRUE.equals(c.getHandledOnTime())), handled ? c.getHandlingDays() : 0,
                c.getReratings().size(), satisfied, one(c.getOutcome() == CaseOutcome.NOT_RERATED), 0);
    }

    private static long one(boolean counted) {
        return counted ? 1 : 0;
    }
}
