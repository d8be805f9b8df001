package org.haochaping.identity.audit;

import java.util.List;

/**
 * A point in the audit log. Tests of one application context share its log, so a test asserts
 * exactly the entries written after its mark, by the actor it alone acts as.
 */
public final class AuditMark {

    private final AuditLog log;
    private final long sizeAtMark;

    private AuditMark(AuditLog log) {
        this.log = log;
        this.sizeAtMark = log.size();
    }

    public static AuditMark now(AuditLog log) {
        return new AuditMark(log);
    }

    /** The actions of {@code actor} written since the mark, oldest first. */
    public List<String> actionsBy(String actor) {
        int written = Math.toIntExact(log.size() - sizeAtMark);
        if (written == 0) {
            return List.of();
        }
        return log.newest(written).reversed().stream()
                .filter(entry -> entry.actor().equals(actor))
                .map(AuditEntry::action)
                .toList();
    }
}
