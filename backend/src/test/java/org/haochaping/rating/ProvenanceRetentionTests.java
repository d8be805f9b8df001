package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.stream.IntStream;

import org.bson.Document;
import org.haochaping.InMemoryMongo;
import org.haochaping.system.HaochapingProperties;
import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Device and network hashes are deleted once a rating is older than the retention (180 days by
 * default), in batches; younger ratings keep theirs, and every rating stays with its origin.
 */
class ProvenanceRetentionTests {

    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    InMemoryMongo store;
    MongoTemplate mongo;
    MutableClock clock = new MutableClock(NOW, ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void start() {
        store = new InMemoryMongo();
        mongo = store.template();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void hashes_older_than_the_retention_go_in_batches_and_younger_ones_stay() {
        IntStream.range(0, 7).forEach(i -> rating("old-" + i, NOW.minus(Duration.ofDays(181 + i))));
        rating("almost", NOW.minus(Duration.ofDays(179)));
        rating("new", NOW.minus(Duration.ofMinutes(1)));

        long purged = retention(3).purge();

        assertThat(purged).as("over three batches of three").isEqualTo(7);
        for (int i = 0; i < 7; i++) {
            Document provenance = provenanceOf("old-" + i);
            assertThat(provenance).as("old-" + i).doesNotContainKeys("deviceHash", "ipHash")
                    .containsEntry("origin", "RESIDENT").containsEntry("appVersion", "1.4.2");
        }
        assertThat(provenanceOf("almost")).containsEntry("deviceHash", "d-almost").containsEntry("ipHash", "n-almost");
        assertThat(provenanceOf("new")).containsEntry("deviceHash", "d-new");
        assertThat(mongo.getCollection("ratings").countDocuments()).as("the ratings themselves stay").isEqualTo(9);
        assertThat(retention(3).purge()).as("nothing left to do").isZero();
    }

    @Test
    void a_rating_loses_its_hashes_when_it_passes_the_retention() {
        rating("r", NOW.minus(Duration.ofDays(170)));
        assertThat(retention(500).purge()).isZero();

        clock.advance(Duration.ofDays(11));

        assertThat(retention(500).purge()).isOne();
        assertThat(provenanceOf("r")).doesNotContainKeys("deviceHash", "ipHash");
    }

    private ProvenanceRetention retention(int batch) {
        return new ProvenanceRetention(mongo, clock, new HaochapingProperties(Path.of("unused"), ZoneId.of("Asia/Shanghai"),
                new HaochapingProperties.EmbeddedStore(0, "x", Duration.ofSeconds(1)),
                new HaochapingProperties.Privacy(null, null, Duration.ofDays(180), Duration.ofHours(1), batch)));
    }

    private void rating(String id, Instant submittedAt) {
        mongo.insert(new Document("_id", id).append("submittedAt", Date.from(submittedAt))
                .append("provenance", new Document("origin", "RESIDENT").append("appVersion", "1.4.2")
                        .append("deviceHash", "d-" + id).append("ipHash", "n-" + id)), "ratings");
    }

    private Document provenanceOf(String id) {
        return mongo.getCollection("ratings").find(new Document("_id", id)).first().get("provenance", Document.class);
    }
}
