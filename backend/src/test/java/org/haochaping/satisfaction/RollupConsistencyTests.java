package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.haochaping.IntegrationTest;
import org.haochaping.rating.DemoRatings;
import org.haochaping.satisfaction.rollup.RollupRebuild;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Property: after any sequence of submissions, the rollups kept incrementally equal a rebuild from
 * the raw ratings. Several seeds, several hundred random ratings each, across all campaigns.
 */
@IntegrationTest
class RollupConsistencyTests {

    @Autowired
    DemoRatings demo;
    @Autowired
    RollupRebuild rebuild;
    @Autowired
    org.haochaping.satisfaction.rollup.RollupWriter buffer;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SatisfactionQueries queries;

    @Test
    void incremental_rollups_equal_a_rebuild_after_random_submissions() {
        rebuild.rebuild();
        for (long seed : new long[] {1L, 42L, 20210415L}) {
            demo.generate(300, 200, new Random(seed));

            RollupRebuild.Report report = rebuild.rebuild();

            assertThat(report.drifted()).as("drift after seed %d", seed).isZero();
            assertThat(report.ratingsRead()).isPositive();
        }
    }

    @Test
    void participants_are_the_distinct_residents_who_rated() {
        demo.generate(200, 60, new Random(99));
        buffer.flush();

        long distinct = mongo.getCollection("ratings").distinct("resident",
                new org.bson.Document("campaignCode", "property-management").append("invalidated", false), String.class)
                .into(new java.util.ArrayList<>()).size();
        org.haochaping.identity.Actor supervisor = new org.haochaping.identity.Actor("s", "监督员",
                java.util.Set.of(org.haochaping.identity.Role.SUPERVISOR), null, null);

        assertThat(queries.dashboard(supervisor, "property-management", null, null, null).participants())
                .isEqualTo(distinct).isPositive();
        assertThat(rebuild.rebuild().drifted()).isZero();
    }

    @Test
    void a_rebuild_finds_and_repairs_drift() {
        demo.generate(50, 50, new Random(7));
        buffer.flush();
        mongo.updateFirst(Query.query(Criteria.where("dimension").is("TOTAL")), new Update().inc("levels.5", 3),
                "satisfaction_rollups");

        assertThat(rebuild.rebuild().drifted()).isPositive();
        assertThat(rebuild.rebuild().drifted()).isZero();
    }
}
