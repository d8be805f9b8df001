package org.haochaping.satisfaction;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The stored rollups ({@code satisfaction_rollups}): one document per {@link RollupKey}, counters
 * added with {@code $inc} upserts, read by {@code _id}. Real MongoDB also gets an index for listing
 * a campaign's slices of one dimension.
 */
@Component
class Rollups {

    static final String COLLECTION = "satisfaction_rollups";

    private final MongoTemplate mongo;

    Rollups(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("campaignCode", org.springframework.data.domain.Sort.Direction.ASC)
                .on("dimension", org.springframework.data.domain.Sort.Direction.ASC)
                .named("campaign_dimension"));
    }

    /** Adds the tallies to their rollups, creating those that do not exist yet. */
    void add(Map<RollupKey, Tally> increments) {
        if (increments.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        increments.forEach((key, tally) -> {
            Update update = new Update()
                    .setOnInsert("campaignCode", key.campaignCode())
                    .setOnInsert("dimension", key.dimension().name())
                    .setOnInsert("value", key.value());
            tally.forEachField(update::inc);
            bulk.upsert(Query.query(Criteria.where("_id").is(key.id())), update);
        });
        bulk.execute();
    }

    Tally find(RollupKey key) {
        Document stored = mongo.findById(key.id(), Document.class, COLLECTION);
        return stored == null ? Tally.EMPTY : toTally(stored);
    }

    Map<RollupKey, Tally> findAll(Collection<RollupKey> keys) {
        Map<String, RollupKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.id(), key));
        Map<RollupKey, Tally> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(byId.keySet())), Document.class, COLLECTION)
                .forEach(document -> found.put(byId.get(document.getString("_id")), toTally(document)));
        return found;
    }

    /** Every stored rollup, for the rebuild's comparison (participant counts are compared separately). */
    Map<String, Tally> all() {
        Map<String, Tally> all = new HashMap<>();
        mongo.findAll(Document.class, COLLECTION).forEach(document -> all.put(document.getString("_id"), toTally(document)));
        return all;
    }

    /** Replaces every rollup with the given ones (the rebuild; participant counts are set after). */
    void replaceAll(Map<RollupKey, Tally> rollups) {
        mongo.remove(new Query(), COLLECTION);
        List<Map.Entry<RollupKey, Tally>> entries = List.copyOf(rollups.entrySet());
        for (int from = 0; from < entries.size(); from += 500) {
            Map<RollupKey, Tally> batch = new HashMap<>();
            entries.subList(from, Math.min(from + 500, entries.size())).forEach(entry -> batch.put(entry.getKey(), entry.getValue()));
            add(batch);
        }
    }

    private static Tally toTally(Document document) {
        return new Tally(counters(document, "levels"), counters(document, "residentLevels"),
                counters(document, "goodTags"), counters(document, "badTags"),
                counters(document, "indicatorSums"), counters(document, "indicatorCounts"));
    }

    private static Map<String, Long> counters(Document document, String field) {
        Document counters = document.get(field, Document.class);
        Map<String, Long> values = new HashMap<>();
        if (counters != null) {
            counters.forEach((key, value) -> values.put(key, ((Number) value).longValue()));
        }
        return values;
    }
}
