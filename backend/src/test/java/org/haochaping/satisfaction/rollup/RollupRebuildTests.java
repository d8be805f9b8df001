package org.haochaping.satisfaction.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.haochaping.rating.CountMark;
import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.FiguresOracle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A rebuild swaps in rollups recomputed from the ratings: a rating the writer has stored but not
 * applied yet is left to the writer, one it applied is in the rebuild, none in both.
 */
class RollupRebuildTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.system(ZONE);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private MongoRollupStore store;
    private RollupWriter writer;
    private RollupRebuild rebuild;
    private final TestRatings ratings = new TestRatings(new Random(11));
    private final List<Rating> stored = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "test");
        store = new MongoRollupStore(mongo);
        writer = new RollupWriter(store, store.claimSlot(CLOCK.instant(), Duration.ofMinutes(1)), ZONE, CLOCK);
        rebuild = new RollupRebuild(mongo, store, writer, CLOCK);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void ratings_the_writer_has_not_applied_are_left_to_it_and_counted_once() {
        for (int i = 0; i < 30; i++) {
            CountMark mark = writer.markNext("applied");
            stored.add(insert(ratings.next(mark)));
            writer.stored(stored.getLast(), mark);
        }
        writer.flush();
        CountMark inFlight = writer.markNext("in flight");
        Rating insertedNotYetReported = insert(ratings.next(inFlight));
        stored.add(insertedNotYetReported);
        CountMark uncertain = writer.markNext("uncertain");
        Rating reportedUncertain = insert(ratings.next(uncertain));
        stored.add(reportedUncertain);
        writer.uncertain(reportedUncertain.id(), uncertain);
        mongo.updateFirst(Query.query(Criteria.where("dimension").is("DAY")), new Update().inc("levels.3", 4),
                MongoRollupStore.ROLLUPS);

        RollupRebuild.Report report = rebuild.rebuild();
        writer.stored(insertedNotYetReported, inFlight);
        writer.flush();

        assertThat(report.drifted()).as("the one day tampered with; the writer's own ratings are left to it").isEqualTo(1);
        assertThat(report.ratingsRead()).isEqualTo(stored.size());
        assertThat(FiguresOracle.storedRollups(mongo)).isEqualTo(FiguresOracle.expectedRollups(stored, ZONE));
        assertThat(FiguresOracle.storedParticipants(mongo)).isEqualTo(FiguresOracle.expectedParticipants(stored));
        assertThat(rebuild.rebuild().drifted()).isZero();
    }

    @Test
    void a_rebuild_of_exact_rollups_replaces_nothing() {
        for (int i = 0; i < 20; i++) {
            CountMark mark = writer.markNext("applied");
            stored.add(insert(ratings.next(mark)));
            writer.stored(stored.getLast(), mark);
        }
        writer.flush();

        assertThat(rebuild.rebuild()).isEqualTo(new RollupRebuild.Report(20, rebuild.rebuild().rollups(), 0));
    }

    private Rating insert(Rating rating) {
        mongo.insert(rating);
        return rating;
    }
}
