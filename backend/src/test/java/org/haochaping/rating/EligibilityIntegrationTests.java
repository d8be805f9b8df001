package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each campaign's eligibility rule, through the real submission with its unique keys. */
@IntegrationTest
class EligibilityIntegrationTests {

    static final Instant JANUARY = Instant.parse("2026-01-20T02:00:00Z");
    static final Instant FEBRUARY = Instant.parse("2026-02-03T02:00:00Z");
    static final Provenance APP = new Provenance(Origin.RESIDENT, "1.0.0", null, null);

    @Autowired
    RatingSubmission submission;

    @Test
    void property_management_takes_one_rating_per_compound_per_month() {
        String resident = "monthly-" + UUID.randomUUID();
        RatingRequest request = request("property-management", "pm-024", null);

        submission.submit(resident, request, "k1-" + resident, APP, JANUARY);
        assertThatThrownBy(() -> submission.submit(resident, request, "k2-" + resident, APP, JANUARY.plusSeconds(3600)))
                .hasFieldOrPropertyWithValue("code", "ALREADY_RATED");
        assertThat(submission.submit(resident, request, "k3-" + resident, APP, FEBRUARY).replayed()).isFalse();
    }

    @Test
    void the_illegal_construction_cleanup_takes_one_rating_per_site_for_the_whole_campaign() {
        String resident = "once-" + UUID.randomUUID();
        RatingRequest request = request("illegal-construction", "ic-030", null);

        submission.submit(resident, request, "k1-" + resident, APP, JANUARY);
        assertThatThrownBy(() -> submission.submit(resident, request, "k2-" + resident, APP, FEBRUARY))
                .hasFieldOrPropertyWithValue("code", "ALREADY_RATED");
    }

    @Test
    void one_thing_one_visit_takes_one_rating_per_case_whoever_gives_it() {
        String caseNumber = "XY" + UUID.randomUUID().toString().substring(0, 8);
        RatingRequest request = request("one-thing-one-visit", "otov-01", caseNumber);

        submission.submit("applicant-" + caseNumber, request, "k1-" + caseNumber, APP, JANUARY);
        assertThatThrownBy(() -> submission.submit("other-" + caseNumber, request, "k2-" + caseNumber, APP, JANUARY))
                .hasFieldOrPropertyWithValue("code", "ALREADY_RATED");
        assertThatThrownBy(() -> submission.submit("applicant-" + caseNumber, request("one-thing-one-visit", "otov-01", null),
                "k3-" + caseNumber, APP, JANUARY)).hasFieldOrPropertyWithValue("code", "CASE_NUMBER_REQUIRED");
    }

    @Test
    void a_campaign_without_subjects_is_rated_as_a_whole_once_a_month_per_region() {
        String resident = "area-" + UUID.randomUUID();
        RatingRequest guhan = new RatingRequest("work-safety", null, "140423100", 5, Map.of(), List.of("visible-results"),
                null, List.of(), Channel.APP, null, null);
        RatingRequest xiadian = new RatingRequest("work-safety", null, "140423103", 5, Map.of(), List.of("visible-results"),
                null, List.of(), Channel.APP, null, null);

        submission.submit(resident, guhan, "k1-" + resident, APP, JANUARY);
        submission.submit(resident, xiadian, "k2-" + resident, APP, JANUARY);
        assertThatThrownBy(() -> submission.submit(resident, guhan, "k3-" + resident, APP, JANUARY))
                .hasFieldOrPropertyWithValue("code", "ALREADY_RATED");
    }

    private static RatingRequest request(String campaign, String subject, String caseNumber) {
        return new RatingRequest(campaign, subject, RatingFixtures.regionOf(subject), 4, Map.of(), List.of(), null,
                List.of(), Channel.APP, null, caseNumber);
    }
}
