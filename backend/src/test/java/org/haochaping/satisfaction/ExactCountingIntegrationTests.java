package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ForbiddenException;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingFixtures;
import org.haochaping.rating.RatingInvalidation;
import org.haochaping.satisfaction.rollup.RollupRebuild;
import org.haochaping.satisfaction.rollup.RollupWriter;
import org.haochaping.system.store.ControllableDurability;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The counting path end to end: a submission that fails after its insert is stored and counted
 * once, also when the app retries it; an invalidated rating is subtracted once. Checked against
 * the plain computation from the stored ratings.
 */
@IntegrationTest
@Import(ControllableDurability.class)
class ExactCountingIntegrationTests {

    private static final Actor SUPERVISOR = new Actor("s", "监督员", Set.of(Role.SUPERVISOR), null, null);

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RollupWriter writer;
    @Autowired
    RollupRebuild rebuild;
    @Autowired
    RatingInvalidation invalidation;

    @Test
    void a_retry_after_a_failure_past_the_insert_is_stored_and_counted_once() throws Exception {
        String resident = "retry-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ControllableDurability.failNext();

        submit(resident, key).andExpect(status().is5xxServerError());
        submit(resident, key).andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));

        writer.flush();
        assertThat(mongo.count(Query.query(Criteria.where("resident").is(resident)), Rating.class)).isEqualTo(1);
        assertRollupsEqualTheRatings();
    }

    @Test
    void an_invalidated_rating_is_subtracted_once_and_kept() throws Exception {
        String resident = "invalid-" + UUID.randomUUID();
        submit(resident, UUID.randomUUID().toString()).andExpect(status().isCreated());
        writer.flush();
        Rating rating = mongo.findOne(Query.query(Criteria.where("resident").is(resident)), Rating.class);

        assertThat(invalidation.invalidate(SUPERVISOR, rating.id())).isTrue();
        assertThat(invalidation.invalidate(SUPERVISOR, rating.id())).as("a second time changes nothing").isFalse();
        writer.flush();

        assertThat(mongo.findById(rating.id(), Rating.class).invalidated()).isTrue();
        assertRollupsEqualTheRatings();
        assertThat(rebuild.rebuild().drifted()).isZero();
    }

    @Test
    void only_supervisors_invalidate_ratings() {
        Actor manager = new Actor("m", "经理", Set.of(Role.MANAGER), "dept", null);

        assertThatThrownBy(() -> invalidation.invalidate(manager, "any-rating-id")).isInstanceOf(ForbiddenException.class);
    }

    private void assertRollupsEqualTheRatings() {
        var ratings = mongo.findAll(Rating.class);
        assertThat(FiguresOracle.storedRollups(mongo)).isEqualTo(FiguresOracle.expectedRollups(ratings, ZoneId.of("Asia/Shanghai")));
        assertThat(FiguresOracle.storedParticipants(mongo)).isEqualTo(FiguresOracle.expectedParticipants(ratings));
    }

    private ResultActions submit(String resident, String key) throws Exception {
        return mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident(resident))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"campaignCode":"property-management","formVersion":1,"subjectId":"pm-002","regionCode":"%s","level":2,
                         "reasonTags":["dirty"]}""".formatted(RatingFixtures.regionOf("pm-002"))));
    }
}
