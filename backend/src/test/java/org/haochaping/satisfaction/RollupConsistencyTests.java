package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.haochaping.IntegrationTest;
import org.haochaping.rating.DemoRatings;
import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.rollup.RollupKey;
import org.haochaping.satisfaction.rollup.RollupReader;
import org.haochaping.satisfaction.rollup.RollupRebuild;
import org.haochaping.satisfaction.rollup.RollupWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Property: after any sequence of submissions, the rollups kept incrementally equal the plain
 * computation from the raw ratings ({@link FiguresOracle}), every counter of every dimension. And
 * a rebuild running while ratings keep coming loses none, counts none twice, and never shows
 * readers a total going down.
 */
@IntegrationTest
class RollupConsistencyTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    DemoRatings demo;
    @Autowired
    RollupRebuild rebuild;
    @Autowired
    RollupWriter writer;
    @Autowired
    RollupReader reader;
    @Autowired
    MongoTemplate mongo;

    @Test
    void incremental_rollups_equal_the_ratings_after_random_submissions() {
        for (long seed : new long[] {1L, 42L, 20210415L}) {
            demo.generate(300, 200, new Random(seed));
            writer.flush();

            assertRollupsEqualTheRatings();
            assertThat(rebuild.rebuild().drifted()).as("drift after seed %d", seed).isZero();
        }
    }

    @Test
    void a_rebuild_finds_and_repairs_drift() {
        demo.generate(50, 50, new Random(7));
        writer.flush();
        rebuild.rebuild(); // whatever other tests left, the rollups are exact from here
        mongo.updateFirst(Query.query(Criteria.where("dimension").is("TOTAL")), new Update().inc("levels.5", 3),
                "satisfaction_rollups");

        assertThat(rebuild.rebuild().drifted()).as("the one total tampered with").isEqualTo(1);
        assertThat(rebuild.rebuild().drifted()).isZero();
        assertRollupsEqualTheRatings();
    }

    @Test
    void a_rebuild_while_ratings_come_in_loses_none_and_counts_none_twice() throws Exception {
        demo.generate(100, 80, new Random(3));
        writer.flush();
        rebuild.rebuild(); // whatever other tests left, the rollups are exact from here
        mongo.updateFirst(Query.query(Criteria.where("dimension").is("SUBJECT")), new Update().inc("badTags.drifted", 2),
                "satisfaction_rollups"); // drift readers of totals do not see, so the rebuild replaces everything
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> totalsSeen = new ArrayList<>();
        Thread rating = Thread.ofPlatform().start(() -> {
            for (int round = 0; running.get(); round++) {
                demo.generate(5, 40, new Random(1000 + round));
            }
        });
        Thread reading = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                totalsSeen.add(reader.read(RollupKey.total("property-management")).count());
            }
        });

        RollupRebuild.Report report = rebuild.rebuild();
        Thread.sleep(300);
        running.set(false);
        rating.join();
        reading.join();
        writer.flush();

        assertThat(report.drifted()).as("the one subject tampered with").isEqualTo(1);
        assertRollupsEqualTheRatings();
        assertThat(totalsSeen).as("a total read during the rebuild").isNotEmpty().isSorted();
    }

    private void assertRollupsEqualTheRatings() {
        List<Rating> ratings = mongo.findAll(Rating.class);
        assertThat(FiguresOracle.storedRollups(mongo)).isEqualTo(FiguresOracle.expectedRollups(ratings, ZONE));
        assertThat(FiguresOracle.storedParticipants(mongo)).isEqualTo(FiguresOracle.expectedParticipants(ratings));
    }
}
