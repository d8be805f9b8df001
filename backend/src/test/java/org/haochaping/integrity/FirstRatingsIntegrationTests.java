package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.haochaping.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/** The first ratings the "new accounts" signal needs: the history is read once, later residents are remembered. */
@IntegrationTest
@TestPropertySource(properties = "haochaping.integrity.scan-cron=-")
class FirstRatingsIntegrationTests {

    static final Instant EARLY = Instant.parse("2026-01-05T02:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-20T02:00:00Z");

    @Autowired
    FirstRatings firstRatings;
    @Autowired
    MongoTemplate mongo;

    @Test
    void the_history_is_read_once_and_a_resident_keeps_the_first_rating_seen() {
        String old = "old-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        mongo.remove(Query.query(Criteria.where("_id").is("~history-read")), FirstRatings.COLLECTION); // as before any scan
        AtomicInteger historyReads = new AtomicInteger();
        firstRatings.of(Map.of(), () -> {
            historyReads.incrementAndGet();
            return Map.of(old, EARLY);
        });

        Map<String, Instant> first = firstRatings.of(Map.of(old, LATER, fresh, LATER), () -> {
            historyReads.incrementAndGet();
            return Map.of();
        });
        Map<String, Instant> again = firstRatings.of(Map.of(fresh, LATER.plusSeconds(86_400)), Map::of);

        assertThat(historyReads).as("the history is read on the first scan only").hasValue(1);
        assertThat(first).containsEntry(old, EARLY).containsEntry(fresh, LATER);
        assertThat(again).as("remembered, not moved by a later rating").containsEntry(fresh, LATER);
    }
}
