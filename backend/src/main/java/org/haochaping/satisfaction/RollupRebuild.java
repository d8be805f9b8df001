package org.haochaping.satisfaction;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.haochaping.rating.Rating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Recomputes every rollup from the raw ratings and reports the drift between what was kept
 * incrementally and the truth (zero, unless something went wrong: then the rebuild is the repair).
 */
@Component
public class RollupRebuild {

    /** What a rebuild found: how many ratings it read and how many rollups differed from them. */
    public record Report(long ratingsRead, int rollups, int drifted) {
    }

    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

    private final MongoTemplate mongo;
    private final Rollups rollups;
    private final RollupBuffer buffer;
    private final Participants participants;
    private final Clock clock;

    RollupRebuild(MongoTemplate mongo, Rollups rollups, RollupBuffer buffer, Participants participants, Clock clock) {
        this.mongo = mongo;
        this.rollups = rollups;
        this.buffer = buffer;
        this.participants = participants;
        this.clock = clock;
    }

    /** Compares, and replaces the stored rollups only if they drifted. */
    public synchronized Report rebuild() {
        buffer.flush();
        Map<RollupKey, Tally> truth = new HashMap<>();
        Map<String, java.util.Set<String>> residents = new HashMap<>();
        long read = 0;
        try (Stream<Rating> ratings = mongo.stream(new Query(), Rating.class)) {
            for (Rating rating : (Iterable<Rating>) ratings::iterator) {
                Tally tally = Tally.of(rating);
                RollupKey.of(rating, clock.getZone()).forEach(key -> truth.merge(key, tally, Tally::plus));
                if (!rating.invalidated()) {
                    residents.computeIfAbsent(rating.campaignCode(), campaign -> new java.util.HashSet<>()).add(rating.resident());
                }
                read++;
            }
        }
        Map<String, Tally> stored = rollups.all();
        int drifted = 0;
        for (Map.Entry<RollupKey, Tally> entry : truth.entrySet()) {
            if (!equalCounts(entry.getValue(), stored.getOrDefault(entry.getKey().id(), Tally.EMPTY))) {
                drifted++;
            }
        }
        java.util.Set<String> truthIds = new java.util.HashSet<>();
        truth.keySet().forEach(key -> truthIds.add(key.id()));
        drifted += (int) stored.keySet().stream().filter(id -> !truthIds.contains(id)).count();
        for (Map.Entry<String, java.util.Set<String>> campaign : residents.entrySet()) {
            if (participants.of(campaign.getKey()) != campaign.getValue().size()) {
                drifted++;
            }
        }
        if (drifted > 0) {
            log.warn("Rollups drifted from the ratings in {} places; replacing them with a rebuild", drifted);
            rollups.replaceAll(truth);
            participants.replaceAll(residents);
        }
        return new Report(read, truth.size(), drifted);
    }

    /** Zero counters and absent ones are the same. */
    private static boolean equalCounts(Tally a, Tally b) {
        return nonZero(a).equals(nonZero(b));
    }

    private static Map<String, Long> nonZero(Tally tally) {
        Map<String, Long> fields = new HashMap<>();
        tally.forEachField((field, value) -> {
            if (value != 0) {
                fields.put(field, value);
            }
        });
        return fields;
    }
}
