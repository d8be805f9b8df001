package org.haochaping.identity;

import java.util.List;

import org.haochaping.identity.audit.AuditEntry;
import org.haochaping.identity.audit.AuditLog;
import org.springframework.stereotype.Service;

/** Reading the audit log: AUDITORs and SUPERVISORs only. */
@Service
public class AuditTrail {

    private final AuditLog auditLog;
    private final AccessGuard guard;

    AuditTrail(AuditLog auditLog, AccessGuard guard) {
        this.auditLog = auditLog;
        this.guard = guard;
    }

    public static boolean mayRead(Actor actor) {
        return actor.has(Role.AUDITOR) || actor.has(Role.SUPERVISOR);
    }

    public List<AuditEntry> newest(Actor reader, int limit) {
        guard.require(mayRead(reader), reader, "READ_AUDIT_LOG", "audit-log");
        return auditLog.newest(Math.clamp(limit, 1, 1000));
    }
}
