package org.haochaping.satisfaction.rollup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.haochaping.rating.CountMark;
import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.Tally;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Recomputes every rollup from the raw ratings and reports the drift between what was kept
 * incrementally and the truth (zero, unless something went wrong: then the rebuild is the repair).
 * Replacements are written to fresh collections and swapped in, so readers never see a rollup
 * half-built, and the writer is paused meanwhile: a rating stored during the rebuild is counted
 * by the rebuild if the writer had applied it, else by the writer after it, never by both.
 */
@Component
public class RollupRebuild {

    /** What a rebuild found: how many ratings it read and how many rollups differed from them. */
    public record Report(long ratingsRead, int rollups, int drifted) {
    }

    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

    private final MongoTemplate mongo;
    private final MongoRollupStore store;
    private final RollupWriter writer;
    private final Clock clock;

    RollupRebuild(MongoTemplate mongo, MongoRollupStore store, RollupWriter writer, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.writer = writer;
        this.clock = clock;
    }

    /** Compares, and replaces the stored rollups only if they drifted. */
    public synchronized Report rebuild() {
        store.requireNoOtherLiveWriter(writer.writer());
        return writer.paused((appliedBelow, appliedMarks) -> {
            Truth truth = new Truth();
            List<Rating> recent = new ArrayList<>();
            long read = 0;
            try (Stream<Rating> ratings = mongo.stream(MongoRollupStore.inBatches(new Query()), Rating.class)) {
                for (Rating rating : (Iterable<Rating>) ratings::iterator) {
                    if (isMine(rating.countMark(), appliedBelow) || isMine(rating.invalidationMark(), appliedBelow)) {
                        recent.add(rating); // stored while paused, perhaps not applied: decided below
                    } else {
                        truth.add(rating, mark -> true);
                    }
                    read++;
                }
            }
            RollupWriter.AppliedMarks applied = appliedMarks.get();
            recent.forEach(rating -> truth.add(rating, applied::isApplied));
            int drifted = store.drift(truth.rollups, truth.participants);
            if (drifted > 0) {
                log.warn("Rollups drifted from the ratings in {} places; replacing them with a rebuild", drifted);
                store.replaceAll(truth.rollups, truth.participants, writer.writer(), writer.appliedThrough(), writer::unseen);
            }
            return new Report(read, truth.rollups.size(), drifted);
        });
    }

    private boolean isMine(@Nullable CountMark mark, long appliedBelow) {
        return mark != null && mark.writer().equals(writer.writer()) && mark.seq() >= appliedBelow;
    }

    /** The rollups and participants that the ratings' applied changes add up to. */
    private final class Truth {
        final Map<RollupKey, Tally> rollups = new HashMap<>();
        /** Valid ratings per participant document. */
        final Map<String, Long> participants = new HashMap<>();

        void add(Rating rating, RollupWriter.AppliedMarks applied) {
            boolean inserted = rating.countMark() == null || applied.isApplied(rating.countMark());
            boolean invalidated = rating.invalidated()
                    && (rating.invalidationMark() == null || applied.isApplied(rating.invalidationMark()));
            if (!inserted || invalidated) {
                return;
            }
            Tally tally = Tally.counting(rating);
            RollupKey.of(rating, clock.getZone()).forEach(key -> rollups.merge(key, tally, Tally::plus));
            participants.merge(Contribution.participant(rating.campaignCode(), rating.resident()), 1L, Long::sum);
        }
    }

}
