package org.haochaping.badreview;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 申诉复核: a HANDLER's request to exclude a mistaken or malicious 差评, decided by a SUPERVISOR
 * other than the filer. A case is appealed at most once.
 *
 * @param filedBy the filer's subject, so that they can never decide it themselves
 */
public record Appeal(AppealReason reason, String evidence, List<String> photoIds, String filedBy, Instant filedAt,
        State state, @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote) {

    public enum State { PENDING, APPROVED, REJECTED }

    public Appeal {
        photoIds = List.copyOf(photoIds);
    }

    static Appeal filed(AppealReason reason, String evidence, List<String> photoIds, String filedBy, Instant at) {
        return new Appeal(reason, evidence, photoIds, filedBy, at, State.PENDING, null, null, null);
    }

    Appeal decided(boolean approved, String decidedBy, Instant at, String note) {
        return new Appeal(reason, evidence, photoIds, filedBy, filedAt, approved ? State.APPROVED : State.REJECTED,
                decidedBy, at, note);
    }

    public boolean isPending() {
        return state == State.PENDING;
    }
}
