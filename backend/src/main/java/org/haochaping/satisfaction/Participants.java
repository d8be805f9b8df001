package org.haochaping.satisfaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.haochaping.rating.Rating;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.bulk.BulkWriteResult;

/**
 * Distinct residents per campaign ("participants"), exactly: one document per campaign × resident
 * (the resident only as a hash) in {@code satisfaction_participants}, upserted with the rollups;
 * each insert that is new adds one to the campaign total's {@code participants} counter, which is
 * what reads use (by {@code _id}).
 */
@Component
class Participants {

    static final String COLLECTION = "satisfaction_participants";

    private final MongoTemplate mongo;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    Participants(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Cheap on the rating path: the pair is hashed at flush, once per pair and second. */
    void saw(Rating rating) {
        if (!rating.invalidated()) {
            pending.add(rating.campaignCode() + "|" + rating.resident());
        }
    }

    /** Writes the pairs seen since the last call; counts those that were new. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> batch = List.copyOf(pending);
        pending.removeAll(batch);
        count(insertNew(batch.stream().map(pair -> {
            int bar = pair.indexOf('|');
            return id(pair.substring(0, bar), pair.substring(bar + 1));
        }).distinct().toList()));
    }

    long of(String campaignCode) {
        Document total = mongo.findById(RollupKey.total(campaignCode).id(), Document.class, Rollups.COLLECTION);
        Number participants = total == null ? null : total.get("participants", Number.class);
        return participants == null ? 0 : participants.longValue();
    }

    /** For the rebuild: the exact counts from the ratings, written afresh. */
    void replaceAll(Map<String, Set<String>> residentsByCampaign) {
        mongo.remove(new Query(), COLLECTION);
        residentsByCampaign.forEach((campaign, residents) -> {
            List<String> ids = residents.stream().map(resident -> id(campaign, resident)).toList();
            for (int from = 0; from < ids.size(); from += 1000) {
                insertNew(ids.subList(from, Math.min(from + 1000, ids.size())));
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(RollupKey.total(campaign).id())),
                    new Update().set("participants", (long) residents.size()), Rollups.COLLECTION);
        });
    }

    private List<String> insertNew(Collection<String> ids) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        List<String> ordered = List.copyOf(ids);
        ordered.forEach(id -> bulk.upsert(Query.query(Criteria.where("_id").is(id)),
                new Update().setOnInsert("campaignCode", id.substring(0, id.indexOf('|')))));
        BulkWriteResult result = bulk.execute();
        return result.getUpserts().stream().map(upsert -> ordered.get(upsert.getIndex())).toList();
    }

    private void count(List<String> newIds) {
        Map<String, Long> perCampaign = new HashMap<>();
        newIds.forEach(id -> perCampaign.merge(id.substring(0, id.indexOf('|')), 1L, Long::sum));
        perCampaign.forEach((campaign, added) -> mongo.upsert(
                Query.query(Criteria.where("_id").is(RollupKey.total(campaign).id())),
                new Update().inc("participants", added), Rollups.COLLECTION));
    }

    /** The resident only as a hash: the collection says who took part in how many campaigns, not who. */
    private static String id(String campaignCode, String resident) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(resident.getBytes(StandardCharsets.UTF_8));
            return campaignCode + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
