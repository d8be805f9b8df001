package org.haochaping.identity.audit;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the audit log: who did (or was refused) what, when. Written once, never changed:
 * nothing in the product can update or delete an entry.
 *
 * @param actor the subject of who acted, or {@code anonymous}
 * @param action what happened, e.g. {@code LOGIN}, {@code ACCESS_DENIED}, {@code CAMPAIGN_SUSPENDED}
 * @param target what it happened to: a path, a campaign code, ...
 */
@Document("audit_log")
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "actor_at", def = "{'actor': 1, 'at': 1}")
public record AuditEntry(
        @Id @Nullable String id,
        @Indexed Instant at,
        String actor,
        Set<String> roles,
        String action,
        String target,
        @Nullable String details) {

    public AuditEntry {
        roles = Set.copyOf(roles);
    }
}
