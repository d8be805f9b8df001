package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingFixtures;
import org.haochaping.satisfaction.HandlingCounts;
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
 * Exactly one case per 差评, however its opening is repeated: a replayed submission, a submission
 * whose answer failed after its insert (the counting batch opens the case), a counting batch
 * applied again as crash recovery re-applies journaled batches (also from several threads at
 * once), and a 差评 whose case a crash never opened (the start-up repair finds it).
 */
@IntegrationTest
@Import(ControllableDurability.class)
class CaseOpeningIntegrationTests {

    private static final String CAMPAIGN = "property-management";

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RollupWriter writer;
    @Autowired
    CaseOpening opening;
    @Autowired
    CaseProjectionRepair repair;
    @Autowired
    CaseFigureBook figures;

    @Test
    void a_replayed_submission_opens_no_second_case() throws Exception {
        long before = figures.ofCampaign(CAMPAIGN).cases();
        String resident = "replay-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        submit(resident, key).andExpect(status().isCreated());
        submit(resident, key).andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));
        writer.flush();

        Rating rating = ratingOf(resident);
        assertThat(casesOf(rating)).isEqualTo(1);
        assertThat(figures.ofCampaign(CAMPAIGN).cases()).isEqualTo(before + 1);
    }

    @Test
    void a_submission_failing_after_its_insert_gets_its_case_from_the_counting_batch_once() throws Exception {
        long before = figures.ofCampaign(CAMPAIGN).cases();
        String resident = "failing-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ControllableDurability.failNext();

        submit(resident, key).andExpect(status().is5xxServerError()); // stored, never announced
        writer.flush();
        submit(resident, key).andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));
        writer.flush();

        assertThat(casesOf(ratingOf(resident))).isEqualTo(1);
        assertThat(figures.ofCampaign(CAMPAIGN).cases()).isEqualTo(before + 1);
    }

    @Test
    void a_counting_batch_applied_again_opens_no_second_case_even_from_several_threads() throws Exception {
        String resident = "recovered-" + UUID.randomUUID();
        submit(resident, UUID.randomUUID().toString()).andExpect(status().isCreated());
        writer.flush();
        Rating rating = ratingOf(resident);
        HandlingCounts before = figures.ofCampaign(CAMPAIGN);
        long version = mongo.findById(rating.id(), BadReviewCase.class).getVersion();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> replays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Boolean> replay = i % 2 == 0 ? () -> {
                opening.counted(Set.of(rating.id())); // as recovery re-applies a journaled batch
                return false;
            } : () -> opening.open(rating);
            replays.add(threads.submit(replay));
        }
        for (Future<Boolean> replay : replays) {
            assertThat(replay.get()).as("no call opens it again").isFalse();
        }
        threads.shutdown();

        assertThat(casesOf(rating)).isEqualTo(1);
        assertThat(mongo.findById(rating.id(), BadReviewCase.class).getVersion()).isEqualTo(version);
        assertThat(figures.ofCampaign(CAMPAIGN)).isEqualTo(before);
    }

    @Test
    void a_bad_rating_whose_case_a_crash_never_opened_is_opened_by_the_repair() throws Exception {
        String resident = "lost-" + UUID.randomUUID();
        submit(resident, UUID.randomUUID().toString()).andExpect(status().isCreated());
        writer.flush(); // counted; its batch's journal entry is dropped at the checkpoint
        writer.flush();
        Rating rating = ratingOf(resident);
        CaseProjectionRepair.Report nothingWrong = repair.repair();
        assertThat(nothingWrong.opened()).as("nothing missing: no case opened").isZero();
        assertThat(nothingWrong.reprojected()).as("books up to date: nothing projected again").isZero();
        mongo.remove(Query.query(Criteria.where("_id").is(rating.id())), BadReviewCase.class); // as if never opened

        CaseProjectionRepair.Report report = repair.repair();

        assertThat(report.opened()).isEqualTo(1);
        assertThat(casesOf(rating)).isEqualTo(1);
        long bad = mongo.count(Query.query(Criteria.where("campaignCode").is(CAMPAIGN).and("level").lte(2)
                .and("invalidated").is(false)), Rating.class);
        assertThat(mongo.count(Query.query(Criteria.where("campaignCode").is(CAMPAIGN)), BadReviewCase.class))
                .as("one case per 差评 of the campaign").isEqualTo(bad);
    }

    private long casesOf(Rating rating) {
        return mongo.count(Query.query(Criteria.where("_id").is(rating.id())), BadReviewCase.class);
    }

    private Rating ratingOf(String resident) {
        List<Rating> ratings = mongo.find(Query.query(Criteria.where("resident").is(resident)), Rating.class);
        assertThat(ratings).hasSize(1);
        return ratings.getFirst();
    }

    private ResultActions submit(String resident, String key) throws Exception {
        return mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident(resident))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"campaignCode":"property-management","formVersion":1,"subjectId":"pm-002","regionCode":"%s","level":2,
                         "reasonTags":["dirty"]}""".formatted(RatingFixtures.regionOf("pm-002"))));
    }
}
