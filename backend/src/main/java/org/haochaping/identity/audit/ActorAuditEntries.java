package org.haochaping.identity.audit;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the audit log records of one actor, oldest first, read through a cursor: for a resident's
 * copy of their data. Read only, like {@link AuditLog}; callers check that the reader is that actor.
 */
@Component
public class ActorAuditEntries {

    private final MongoTemplate mongo;

    ActorAuditEntries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void forEachBy(String actor, Consumer<AuditEntry> each) {
        Query theirs = Query.query(Criteria.where("actor").is(actor)).with(Sort.by("at", "id"));
        theirs.cursorBatchSize(500);
        try (Stream<AuditEntry> entries = mongo.stream(theirs, AuditEntry.class)) {
            entries.forEach(each);
        }
    }
}
