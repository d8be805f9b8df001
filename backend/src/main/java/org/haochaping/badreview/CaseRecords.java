package org.haochaping.badreview;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The cases as records for reports (整改台账, the case status beside each 差评 of a detail): read by id or
 * through one cursor per campaign and period. Access is the caller's to check: reports check role and
 * scope before they read.
 */
@Service
public class CaseRecords {

    private final MongoTemplate mongo;

    CaseRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The cases of these ratings (a case's id is its rating's), by id; ratings without a case are absent. */
    public Map<String, BadReviewCase> byRatingIds(Collection<String> ratingIds) {
        if (ratingIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ratingIds)), BadReviewCase.class).stream()
                .collect(Collectors.toMap(BadReviewCase::getId, Function.identity()));
    }

    /** Hands every case of {@code campaignCode} opened in [{@code from}, {@code to}) to {@code each}, oldest first. */
    public long forEachOpened(String campaignCode, Instant from, Instant to, Consumer<BadReviewCase> each) {
        Query query = Query.query(Criteria.where("campaignCode").is(campaignCode).and("openedAt").gte(from).lt(to))
                .with(Sort.by("openedAt"));
        query.cursorBatchSize(500);
        long count = 0;
        try (Stream<BadReviewCase> cases = mongo.stream(query, BadReviewCase.class)) {
            for (var iterator = cases.iterator(); iterator.hasNext(); count++) {
                each.accept(iterator.next());
            }
        }
        return count;
    }

    /** Hands every case of these campaigns opened in [{@code from}, {@code to}) to {@code each}, in one read, in no particular order. */
    public long forEachOpened(Collection<String> campaignCodes, Instant from, Instant to, Consumer<BadReviewCase> each) {
        Query query = Query.query(Criteria.where("campaignCode").in(campaignCodes).and("openedAt").gte(from).lt(to));
        query.cursorBatchSize(500);
        long count = 0;
        try (Stream<BadReviewCase> cases = mongo.stream(query, BadReviewCase.class)) {
            for (var iterator = cases.iterator(); iterator.hasNext(); count++) {
                each.accept(iterator.next());
            }
        }
        return count;
    }
}
