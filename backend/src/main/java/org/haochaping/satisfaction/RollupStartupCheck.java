package org.haochaping.satisfaction;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * After a crash the rollups may miss the last moments of ratings (they are written once a second).
 * At start the campaign totals are compared with the number of ratings; on a gap, a rebuild runs.
 */
@Component
class RollupStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(RollupStartupCheck.class);

    private final MongoTemplate mongo;
    private final RollupRebuild rebuild;

    RollupStartupCheck(MongoTemplate mongo, RollupRebuild rebuild) {
        this.mongo = mongo;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkTotals() {
        long ratings = mongo.estimatedCount("ratings");
        long counted = mongo.find(Query.query(Criteria.where("dimension").is("TOTAL")), Document.class, Rollups.COLLECTION)
                .stream()
                .mapToLong(total -> {
                    Document levels = total.get("levels", Document.class);
                    return levels == null ? 0 : levels.values().stream().mapToLong(value -> ((Number) value).longValue()).sum();
                })
                .sum();
        if (ratings != counted) {
            log.warn("Rollups count {} ratings, the store holds {}: rebuilding", counted, ratings);
            RollupRebuild.Report report = rebuild.rebuild();
            log.info("Rollup rebuild read {} ratings into {} rollups ({} had drifted)", report.ratingsRead(),
                    report.rollups(), report.drifted());
        }
    }
}
