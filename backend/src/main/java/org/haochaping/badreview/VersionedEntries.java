package org.haochaping.badreview;

import java.util.Map;
import java.util.function.Function;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Documents holding one entry per case (under {@code entries.<caseId>}, with the case's version
 * {@code v}), so that a queue or a unit's figures are one read by {@code _id}, not a scan. An entry
 * is replaced only by a newer version, in one conditional single-document update together with
 * counters derived from the entry it replaces: repeating a write, or writing an older version
 * after a newer one, changes nothing, so the counters always equal the sum over the entries.
 */
final class VersionedEntries implements EntryWriter {

    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final String collection;

    VersionedEntries(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    @Override
    public void put(String documentId, String caseId, long version, Document entry,
            Function<@Nullable Document, Map<String, Long>> increments) {
        String path = "entries." + caseId;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document old = current(documentId, caseId);
            if (old != null && old.get("v", Number.class).longValue() >= version) {
                return;
            }
            Update update = new Update().set(path, new Document(entry).append("v", version));
            increments.apply(old).forEach((counter, by) -> {
                if (by != 0) {
                    update.inc(counter, by);
                }
            });
            Criteria unchanged = old == null ? Criteria.where(path + ".v").exists(false)
                    : Criteria.where(path + ".v").is(old.get("v"));
            Query query = Query.query(Criteria.where("_id").is(documentId).andOperator(unchanged));
            try {
                UpdateResult result = old == null ? mongo.upsert(query, update, collection)
                        : mongo.updateFirst(query, update, collection);
                if (result.getMatchedCount() > 0 || result.getUpsertedId() != null) {
                    return;
                }
            } catch (DuplicateKeyException raced) {
                // another writer created the document first: read again
            }
        }
        throw new IllegalStateException("Could not record case " + caseId + " in " + collection + "/" + documentId);
    }

    /** Removes an entry if it still is the given version (to prune old tombstones). */
    void removeIf(String documentId, String caseId, long version) {
        String path = "entries." + caseId;
        mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId).and(path + ".v").is(version)),
                new Update().unset(path), collection);
    }

    private @Nullable Document current(String documentId, String caseId) {
        Query query = Query.query(Criteria.where("_id").is(documentId));
        query.fields().include("entries." + caseId);
        Document found = mongo.findOne(query, Document.class, collection);
        if (found == null) {
            return null;
        }
        Document entries = found.get("entries", Document.class);
        return entries == null ? null : entries.get(caseId, Document.class);
    }
}
