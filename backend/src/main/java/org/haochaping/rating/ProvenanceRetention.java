package org.haochaping.rating;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.haochaping.system.HaochapingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Ratings keep their device and network hashes only as long as manipulation may still be looked
 * into ({@code haochaping.privacy.provenance-retention}, 180 days by default); then the hashes are
 * deleted and the rating stays, with its origin and app version. One instance at a time does it,
 * in batches, so no single write holds the store for long.
 */
@Component
class ProvenanceRetention {

    private static final String DEVICE = "provenance.deviceHash";
    private static final String NETWORK = "provenance.ipHash";
    private static final Logger log = LoggerFactory.getLogger(ProvenanceRetention.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final HaochapingProperties.Privacy privacy;

    ProvenanceRetention(MongoTemplate mongo, Clock clock, HaochapingProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.privacy = properties.privacy();
    }

    @Scheduled(fixedDelayString = "${haochaping.privacy.provenance-purge-interval:1h}", initialDelayString = "1m")
    @SchedulerLock(name = "provenance-retention", lockAtMostFor = "PT1H")
    void purgeScheduled() {
        long purged = purge();
        if (purged > 0) {
            log.info("Provenance hashes deleted from {} ratings past their retention", purged);
        }
    }

    private String ratings() {
        return mongo.getCollectionName(Rating.class);
    }

    /** Deletes the hashes of the ratings submitted before the retention period; returns how many ratings it changed. */
    long purge() {
        Instant cutoff = clock.instant().minus(privacy.provenanceRetention());
        Criteria expired = Criteria.where("submittedAt").lt(cutoff)
                .orOperator(Criteria.where(DEVICE).exists(true), Criteria.where(NETWORK).exists(true));
        long purged = 0;
        while (true) {
            Query batch = Query.query(expired).limit(privacy.provenancePurgeBatch());
            batch.fields().include("_id");
            List<Object> ids = mongo.find(batch, Document.class, ratings()).stream().map(d -> d.get("_id")).toList();
            if (ids.isEmpty()) {
                return purged;
            }
            purged += mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().unset(DEVICE).unset(NETWORK),
                    ratings()).getModifiedCount();
            if (ids.size() < privacy.provenancePurgeBatch()) {
                return purged;
            }
        }
    }
}
