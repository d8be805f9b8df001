package org.haochaping.rating;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads the ratings of a campaign and period through one database cursor, in batches, oldest first (on
 * MongoDB by the {@code campaign_rated} index), so exports of millions of ratings hold one batch at a time.
 * Access is the caller's to check: this is for reports, which check role and scope before they read.
 */
@Service
public class RatingCursor {

    /** Ratings fetched per round trip: large enough to amortise the trip, small enough for a 256 MB heap. */
    static final int BATCH = 1_000;

    private final MongoTemplate mongo;

    RatingCursor(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Hands every rating of {@code campaignCode} rated in [{@code from}, {@code to}) to {@code each}; returns how many. */
    public long forEachRated(String campaignCode, Instant from, Instant to, Consumer<Rating> each) {
        Query query = Query.query(Criteria.where("campaignCode").is(campaignCode).and("ratedAt").gte(from).lt(to))
                .with(Sort.by("ratedAt"));
        query.cursorBatchSize(BATCH);
        long count = 0;
        try (Stream<Rating> ratings = mongo.stream(query, Rating.class)) {
            for (var iterator = ratings.iterator(); iterator.hasNext(); count++) {
                each.accept(iterator.next());
            }
        }
        return count;
    }

    /**
     * Hands every rating of these campaigns rated in [{@code from}, {@code to}) to {@code each}, in no
     * particular order: one read for all campaigns (on MongoDB by the {@code campaign_rated} index, whose
     * prefix the campaigns fill; on the embedded store one scan), for jobs that look across campaigns.
     */
    public long forEachRated(java.util.Collection<String> campaignCodes, Instant from, Instant to, Consumer<Rating> each) {
        Query query = Query.query(Criteria.where("campaignCode").in(campaignCodes).and("ratedAt").gte(from).lt(to));
        query.cursorBatchSize(BATCH);
        long count = 0;
        try (Stream<Rating> ratings = mongo.stream(query, Rating.class)) {
            for (var iterator = ratings.iterator(); iterator.hasNext(); count++) {
                each.accept(iterator.next());
            }
        }
        return count;
    }
}
