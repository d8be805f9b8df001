package org.haochaping.satisfaction.rollup;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.haochaping.satisfaction.Tally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * At start, after the writer has counted what a crash left behind and before the server takes a
 * request: every dimension of every campaign must add up to its total, the totals to the valid
 * ratings stored, and the participant counters to the participant documents. Anything else is
 * repaired by a rebuild.
 */
@Component
class RollupReconciliation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RollupReconciliation.class);

    private final MongoRollupStore store;
    private final MongoTemplate mongo;
    private final RollupRebuild rebuild;
    private final RollupWriter writer;

    RollupReconciliation(MongoRollupStore store, MongoTemplate mongo, RollupRebuild rebuild, RollupWriter writer) {
        this.store = store;
        this.mongo = mongo;
        this.rebuild = rebuild;
        this.writer = writer;
    }

    /** Only while no other instance writes: their unapplied ratings would look like drift. */
    @Override
    public void afterSingletonsInstantiated() {
        if (store.otherLiveWriters(writer.writer()) > 0) {
            log.info("Other instances are writing rollups; the start-up check runs when an instance starts alone");
            return;
        }
        List<String> mismatches = mismatches();
        if (!mismatches.isEmpty()) {
            log.warn("Rollups do not add up ({}); rebuilding them from the ratings", String.join("; ", mismatches));
            RollupRebuild.Report report = rebuild.rebuild();
            log.info("Rollup rebuild read {} ratings into {} rollups ({} had drifted)", report.ratingsRead(),
                    report.rollups(), report.drifted());
        }
    }

    /** What does not add up, in words for the log; empty when everything does. */
    List<String> mismatches() {
        Map<String, Map<RollupKey.Dimension, Map<String, Long>>> sums = new HashMap<>();
        store.allRollups().forEach((id, tally) -> {
            String[] parts = id.split("\\|", 3);
            RollupKey.Dimension dimension = RollupKey.Dimension.valueOf(parts[1].toUpperCase(Locale.ROOT));
            Map<String, Long> sum = sums.computeIfAbsent(parts[0], campaign -> new EnumMap<>(RollupKey.Dimension.class))
                    .computeIfAbsent(dimension, d -> new HashMap<>());
            tally.forEachField((field, value) -> sum.merge(field, value, Long::sum));
        });
        List<String> mismatches = new ArrayList<>();
        Map<String, Long> validRatings = validRatingsPerCampaign();
        sums.forEach((campaign, dimensions) -> {
            Map<String, Long> total = nonZero(dimensions.getOrDefault(RollupKey.Dimension.TOTAL, Map.of()));
            for (RollupKey.Dimension dimension : RollupKey.Dimension.values()) {
                if (!nonZero(dimensions.getOrDefault(dimension, Map.of())).equals(total)) {
                    mismatches.add(campaign + ": the " + dimension.name().toLowerCase(Locale.ROOT)
                            + " rollups do not add up to the total");
                }
            }
            long counted = Tally.fromFields(total).count();
            if (counted != validRatings.getOrDefault(campaign, 0L)) {
                mismatches.add(campaign + ": the total counts " + counted + " ratings, the store holds "
                        + validRatings.getOrDefault(campaign, 0L));
            }
        });
        validRatings.keySet().stream().filter(campaign -> !sums.containsKey(campaign))
                .forEach(campaign -> mismatches.add(campaign + ": ratings stored, no rollups"));
        Map<String, Long> counters = store.participantCounters();
        counters.values().removeIf(count -> count == 0);
        if (!counters.equals(MongoRollupStore.perCampaign(store.participantRatings()))) {
            mismatches.add("the participant counters differ from the participant documents");
        }
        return mismatches;
    }

    private Map<String, Long> validRatingsPerCampaign() {
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.match(Criteria.where("invalidated").is(false)),
                        Aggregation.group("campaignCode").count().as("ratings")), "ratings", Document.class)
                .forEach(group -> counts.put(Objects.toString(group.get("_id")), group.get("ratings", Number.class).longValue()));
        return counts;
    }

    private static Map<String, Long> nonZero(Map<String, Long> fields) {
        Map<String, Long> nonZero = new HashMap<>(fields);
        nonZero.values().removeIf(value -> value == 0);
        return nonZero;
    }
}
