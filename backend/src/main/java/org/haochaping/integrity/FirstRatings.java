package org.haochaping.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bson.Document;
import org.haochaping.identity.ResidentErased;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * When each resident first rated in the system, for the "new accounts" signal: residents have no account
 * record of their own here (the identity provider keeps it). Kept by the scan, by resident key: the first
 * scan reads the whole history once; later scans add only the residents they have not met, read and
 * written by {@code _id} in batches, so the rating path pays nothing.
 */
@Component
class FirstRatings {

    static final String COLLECTION = "integrity_first_ratings";
    private static final String HISTORY_READ = "~history-read";
    private static final int BATCH = 1_000;

    private final MongoTemplate mongo;

    FirstRatings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An erased account's first rating is forgotten; its anonymised ratings count under their pseudonyms. */
    @EventListener
    void forget(ResidentErased erased) {
        mongo.remove(Query.query(Criteria.where("_id").is(ResidentKeys.of(erased.subject()))), COLLECTION);
    }

    /**
     * The first rating of every resident in {@code earliestInSpan} (their earliest rating in the scan's read),
     * remembering the ones not yet known. {@code history} gives the earliest rating of every resident before
     * the span; it is asked once, on the first scan ever.
     */
    Map<String, Instant> of(Map<String, Instant> earliestInSpan, Supplier<Map<String, Instant>> history) {
        if (mongo.findById(HISTORY_READ, Document.class, COLLECTION) == null) {
            Map<String, Instant> earlier = new HashMap<>(history.get());
            earliestInSpan.forEach((key, at) -> earlier.merge(key, at, FirstRatings::min));
            insert(earlier);
            insert(Map.of(HISTORY_READ, Instant.EPOCH));
        }
        Map<String, Instant> known = new HashMap<>();
        List<String> keys = new ArrayList<>(earliestInSpan.keySet());
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            mongo.find(Query.query(Criteria.where("_id").in(batch)), Document.class, COLLECTION)
                    .forEach(stored -> known.put(stored.getString("_id"), stored.getDate("at").toInstant()));
        }
        Map<String, Instant> unknown = new HashMap<>();
        earliestInSpan.forEach((key, at) -> {
            if (!known.containsKey(key)) {
                unknown.put(key, at);
            }
        });
        insert(unknown);
        Map<String, Instant> first = new HashMap<>(unknown);
        known.forEach((key, at) -> first.put(key, min(at, earliestInSpan.get(key)))); // an offline rating may arrive late
        return first;
    }

    private void insert(Map<String, Instant> firsts) {
        if (firsts.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        firsts.forEach((key, at) -> bulk.insert(new Document("_id", key).append("at", java.util.Date.from(at))));
        try {
            bulk.execute();
        } catch (BulkOperationException | DuplicateKeyException anotherScanWasFirst) {
            // its first ratings are as good as ours: the rest of the batch was inserted (unordered)
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
