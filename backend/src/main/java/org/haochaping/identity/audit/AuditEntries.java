package org.haochaping.identity.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Append and read only: the audit log exposes no update and no delete. */
interface AuditEntries extends Repository<AuditEntry, String> {

    AuditEntry insert(AuditEntry entry);

    Page<AuditEntry> findAll(Pageable pageable);

    long count();
}
