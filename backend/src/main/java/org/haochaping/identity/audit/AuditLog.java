package org.haochaping.identity.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Appends to the audit log and reads it back, newest first. */
@Service
public class AuditLog {

    /** Entries of the same millisecond keep their order through the ever-growing ObjectId. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "id"));

    private final AuditEntries entries;
    private final Clock clock;

    AuditLog(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public void record(String actor, Set<String> roles, String action, String target, @Nullable String details) {
        entries.insert(new AuditEntry(null, Instant.now(clock), actor, roles, action, target, details));
    }

    /** The newest entries; callers check that the reader may see them ({@code AuditTrail}). */
    public List<AuditEntry> newest(int limit) {
        return entries.findAll(PageRequest.of(0, limit, NEWEST_FIRST)).getContent();
    }

    public long size() {
        return entries.count();
    }
}
