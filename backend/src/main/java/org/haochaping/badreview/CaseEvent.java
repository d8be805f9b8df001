package org.haochaping.badreview;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One step in a case's timeline. Residents see the step and the unit, never the official.
 *
 * @param actor the official's subject (or {@code system}); for officials' eyes and the audit only
 * @param note what the step says (an explanation, a plan, a reason); see {@link Type#shownToResident}
 */
public record CaseEvent(Instant at, Type type, Unit unit, @Nullable String actor, @Nullable String note) {

    public enum Type {
        OPENED(true), CONTACTED(true), DISPOSED(true), RECTIFIED(true), RERATED(true), REOPENED(true),
        SUPERVISED(true), REASSIGNED(false), OVERDUE(false), ESCALATED(false), APPEAL_FILED(false),
        APPEAL_APPROVED(true), APPEAL_REJECTED(false), CLOSED(true);

        private final boolean shownToResident;

        Type(boolean shownToResident) {
            this.shownToResident = shownToResident;
        }

        public boolean shownToResident() {
            return shownToResident;
        }
    }
}
