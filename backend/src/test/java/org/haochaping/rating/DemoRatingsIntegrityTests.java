package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.haochaping.IntegrationTest;
import org.haochaping.region.RegionTree;
import org.haochaping.residence.HomeRegions;
import org.haochaping.servicecase.ServiceCaseRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The demo's synthetic residents obey case ownership and home regions like everyone: the cases they
 * rate are registered to them first, and they rate campaigns as a whole in their home region.
 */
@IntegrationTest
class DemoRatingsIntegrityTests {

    @Autowired
    DemoRatings demo;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ServiceCaseRegistry cases;
    @Autowired
    HomeRegions homes;
    @Autowired
    RegionTree regions;

    @Test
    void the_demo_rates_its_residents_own_cases_and_their_home_regions() {
        demo.generate(300, 40, new Random(12));

        List<Rating> perCase = mongo.find(Query.query(Criteria.where("campaignCode").is("one-thing-one-visit")
                .and("resident").regex("^demo-resident-")), Rating.class);
        assertThat(perCase).as("一事一评 ratings are stored, not all refused").isNotEmpty()
                .allSatisfy(rating -> assertThat(cases.isRatableBy(rating.resident(), rating.campaignCode(),
                        rating.caseNumber(), rating.subjectId())).isTrue());

        List<Rating> campaignWide = mongo.find(Query.query(Criteria.where("subjectId").is(null)
                .and("resident").regex("^demo-resident-")), Rating.class);
        assertThat(campaignWide).as("campaign-wide ratings are stored").isNotEmpty()
                .allSatisfy(rating -> assertThat(regions.isWithin(rating.regionCode(),
                        homes.of(rating.resident(), null).orElseThrow())).isTrue());
    }
}
