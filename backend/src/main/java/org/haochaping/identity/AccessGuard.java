package org.haochaping.identity;

import java.util.stream.Collectors;

import org.haochaping.identity.audit.AuditAggregator;
import org.haochaping.identity.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * The services' check of role and data scope: refuses with a 403 problem and writes the refusal
 * to the audit log, whatever the caller (API, console, job) is. Repeated refusals of the same
 * caller are aggregated ({@link AuditAggregator}), so retrying cannot flood the log.
 */
@Component
public class AccessGuard {

    private final AuditLog auditLog;
    private final AuditAggregator refusals;

    AccessGuard(AuditLog auditLog, AuditAggregator refusals) {
        this.auditLog = auditLog;
        this.refusals = refusals;
    }

    public void require(boolean allowed, Actor actor, String action, String target) {
        if (!allowed) {
            recordDenied(actor, action, target);
            throw new ForbiddenException();
        }
    }

    /** Records a refusal decided elsewhere (e.g. the console's navigation access control). */
    public void recordDenied(Actor actor, String action, String target) {
        refusals.record(actor.subject(), roleNames(actor), "ACCESS_DENIED", target, action);
    }

    /**
     * Records an action that role and scope allowed but the target's state refused (an illegal
     * transition, a stale version), as {@code <action>_REFUSED} with the reason; aggregated like refusals.
     */
    public void recordRefused(Actor actor, String action, String target, String reason) {
        refusals.record(actor.subject(), roleNames(actor), action + "_REFUSED", target, reason);
    }

    /** Records a change that only a role could make (who, in which role, did what to what). */
    public void recordChange(Actor actor, String action, String target) {
        auditLog.record(actor.subject(), roleNames(actor), action, target, null);
    }

    private static java.util.Set<String> roleNames(Actor actor) {
        return actor.roles().stream().map(Role::name).collect(Collectors.toSet());
    }
}
