package org.haochaping.satisfaction.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.haochaping.rating.CountMark;
import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.FiguresOracle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Every write of the counting path fails once, in turn (before it reaches the store, after it
 * changed it, or halfway through a bulk), and then the writer either retries or dies and is
 * recovered by its successor. Afterwards the rollups must equal the plain computation from the
 * ratings stored, every counter of every dimension, and the participant counts.
 */
class RollupFaultInjectionTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    /** One store, seen through a template that fails on demand (the writer's) and one that does not (the app's). */
    private record Store(FailingMongoTemplate failing, MongoTemplate plain) {
    }

    @AfterEach
    void close() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @TestFactory
    Stream<DynamicTest> rollups_equal_the_ratings_whichever_write_fails() {
        int writes = scenario(freshStore(), -1, FailingMongoTemplate.Failure.BEFORE, false);
        assertThat(writes).as("writes of the counting path in one scenario").isGreaterThan(10);
        return Stream.of(FailingMongoTemplate.Failure.values()).flatMap(failure -> Stream.of(false, true)
                .flatMap(crash -> IntStream.rangeClosed(1, writes).mapToObj(n -> DynamicTest.dynamicTest(
                        "write " + n + " fails " + failure + (crash ? ", then the writer dies" : ", then it retries"),
                        () -> scenario(freshStore(), n, failure, crash)))));
    }

    @Test
    void a_batch_applied_twice_counts_once() {
        Store store = freshStore();
        MongoRollupStore rollups = new MongoRollupStore(store.plain());
        RollupWriter writer = writer(rollups);
        List<Rating> stored = new ArrayList<>();
        TestRatings ratings = new TestRatings(new Random(5));
        for (int i = 0; i < 20; i++) {
            stored.add(store(store.plain(), writer, ratings));
        }
        RollupBatch batch = new RollupBatch(writer.writer(), 1, stored.stream()
                .map(rating -> Contribution.of(rating, rating.countMark(), ZONE)).toList());

        for (int i = 0; i < 2; i++) {
            rollups.applyRollups(batch, batch.increments(), rollups.applyParticipants(batch, i > 0));
        }

        assertThat(FiguresOracle.storedRollups(store.plain())).isEqualTo(FiguresOracle.expectedRollups(stored, ZONE));
        assertThat(FiguresOracle.storedParticipants(store.plain())).isEqualTo(FiguresOracle.expectedParticipants(stored));
    }

    /**
     * Three rounds of stored ratings, each followed by a flush; the last round invalidates some, and
     * two writes end uncertain (one stored, one not). Returns the number of counting writes.
     */
    private int scenario(Store store, int failAt, FailingMongoTemplate.Failure failure, boolean crash) {
        RollupWriter writer = writer(new MongoRollupStore(store.failing()));
        store.failing().failWrite(failAt, failure);
        TestRatings ratings = new TestRatings(new Random(failAt * 7L + failure.ordinal()));
        List<Rating> stored = new ArrayList<>();
        boolean crashed = false;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 12; i++) {
                stored.add(store(store.plain(), writer, ratings));
            }
            if (round == 1) {
                CountMark storedButUnacknowledged = writer.markNext("pending");
                Rating rating = ratings.next(storedButUnacknowledged);
                store.plain().insert(rating);
                stored.add(rating);
                writer.uncertain(rating.id(), storedButUnacknowledged);
                CountMark neverStored = writer.markNext("lost");
                writer.uncertain("never-stored", neverStored);
            }
            if (round == 2) {
                for (int i = 0; i < 4; i++) {
                    int index = i * 5;
                    stored.set(index, invalidate(store.plain(), writer, stored.get(index)));
                }
            }
            boolean failed = !flushes(writer);
            if (failed && crash && !crashed) {
                crashed = true;
                int writes = store.failing().writes();
                writer = successor(store.plain()); // the failing instance dies; the next one takes over
                store.failing().failWrite(-1, failure);
                assertThat(writes).isEqualTo(failAt);
            }
        }
        int writes = store.failing().writes();
        store.failing().stopFailing();
        while (!flushes(writer)) {
            // a write that failed is tried again on the next flush
        }
        assertThat(FiguresOracle.storedRollups(store.plain())).as("rollups")
                .isEqualTo(FiguresOracle.expectedRollups(stored, ZONE));
        assertThat(FiguresOracle.storedParticipants(store.plain())).as("participants")
                .isEqualTo(FiguresOracle.expectedParticipants(stored));
        return writes;
    }

    private static Rating store(MongoTemplate mongo, RollupWriter writer, TestRatings ratings) {
        CountMark mark = writer.markNext("next");
        Rating rating = ratings.next(mark);
        mongo.insert(rating);
        writer.stored(rating, mark);
        return rating;
    }

    private static Rating invalidate(MongoTemplate mongo, RollupWriter writer, Rating rating) {
        CountMark mark = writer.markNext(rating.id());
        Rating invalidated = mongo.findAndModify(Query.query(Criteria.where("_id").is(rating.id())),
                new Update().set("invalidated", true).set("invalidationMark", mark),
                FindAndModifyOptions.options().returnNew(true), Rating.class);
        writer.stored(invalidated, mark);
        return invalidated;
    }

    private static boolean flushes(RollupWriter writer) {
        try {
            writer.flush();
            writer.flush(); // a second run checkpoints what the first applied
            return writer.isIdle();
        } catch (RuntimeException injected) {
            return false;
        }
    }

    private static RollupWriter writer(MongoRollupStore store) {
        return new RollupWriter(store, store.claimSlot(Clock.systemUTC().instant(), Duration.ofMinutes(1)), ZONE,
                Clock.systemUTC());
    }

    /** The next instance: it finds the dead writer's slot and recovers it before taking changes. */
    private static RollupWriter successor(MongoTemplate mongo) {
        MongoRollupStore store = new MongoRollupStore(mongo);
        WriterSlot slot = store.claimSlot(Clock.systemUTC().instant(), Duration.ZERO);
        assertThat(slot.crashed()).isTrue();
        RollupWriter writer = new RollupWriter(store, slot, ZONE, Clock.systemUTC());
        writer.recover(slot.countedBelow());
        return writer;
    }

    private Store freshStore() {
        MongoServer server = new MongoServer(new MemoryBackend());
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        clients.add(client);
        return new Store(new FailingMongoTemplate(client, "test"), new MongoTemplate(client, "test"));
    }
}
