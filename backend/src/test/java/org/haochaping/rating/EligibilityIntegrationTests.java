package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.residence.HomeRegions;
import org.haochaping.servicecase.ServiceCaseEntry;
import org.haochaping.servicecase.ServiceCaseRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each campaign's eligibility rule, through the real submission with its unique keys. */
@IntegrationTest
class EligibilityIntegrationTests {

    static final Instant JANUARY = Instant.parse("2026-01-20T02:00:00Z");
    static final Instant FEBRUARY = Instant.parse("2026-02-03T02:00:00Z");
    static final Provenance APP = new Provenance(Origin.RESIDENT, "1.0.0", null, null);

    static final Actor SUPERVISOR = new Actor("eligibility-supervisor", "监督员", Set.of(Role.SUPERVISOR), null, null);

    @Autowired
    RatingSubmission submission;
    @Autowired
    ServiceCaseRegistry cases;
    @Autowired
    HomeRegions homes;

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
    void one_thing_one_visit_takes_one_rating_per_case_by_its_applicant() {
        String caseNumber = "XY" + UUID.randomUUID().toString().substring(0, 8);
        String applicant = "applicant-" + caseNumber;
        cases.register(SUPERVISOR, "one-thing-one-visit",
                List.of(new ServiceCaseEntry(caseNumber, "otov-01", applicant, JANUARY.minusSeconds(86_400))));
        RatingRequest request = request("one-thing-one-visit", "otov-01", caseNumber);

        assertThatThrownBy(() -> submission.submit("other-" + caseNumber, request, "k0-" + caseNumber, APP, JANUARY))
                .hasFieldOrPropertyWithValue("code", "NO_MATCHING_CASE");
        submission.submit(applicant, request, "k1-" + caseNumber, APP, JANUARY);
        assertThatThrownBy(() -> submission.submit(applicant, request, "k2-" + caseNumber, APP, JANUARY))
                .hasFieldOrPropertyWithValue("code", "ALREADY_RATED");
        assertThatThrownBy(() -> submission.submit(applicant, request("one-thing-one-visit", "otov-01", null),
                "k3-" + caseNumber, APP, JANUARY)).hasFieldOrPropertyWithValue("code", "CASE_NUMBER_REQUIRED");
    }

    @Test
    void a_case_is_rated_only_as_a_rating_of_its_own_item() {
        String caseNumber = "XY" + UUID.randomUUID().toString().substring(0, 8);
        String applicant = "applicant-" + caseNumber;
        cases.register(SUPERVISOR, "one-thing-one-visit",
                List.of(new ServiceCaseEntry(caseNumber, "otov-01", applicant, JANUARY.minusSeconds(86_400))));

        assertThatThrownBy(() -> submission.submit(applicant, request("one-thing-one-visit", "otov-02", caseNumber),
                "k1-" + caseNumber, APP, JANUARY)).hasFieldOrPropertyWithValue("code", "NO_MATCHING_CASE");
    }

    @Test
    void a_campaign_without_subjects_is_rated_as_a_whole_once_a_month_wherever_the_rating_names() {
        String resident = "area-" + UUID.randomUUID();
        homes.choose(resident(resident), "140423100");
        RatingRequest guhan = campaignWide("140423100");
        RatingRequest aCommunityOfGuhan = campaignWide("140423100001");

        submission.submit(resident, guhan, "k1-" + resident, APP, JANUARY);
        assertThatThrownBy(() -> submission.submit(resident, aCommunityOfGuhan, "k2-" + resident, APP, JANUARY))
                .hasFieldOrPropertyWithValue("code", "ALREADY_RATED");
        assertThat(submission.submit(resident, aCommunityOfGuhan, "k3-" + resident, APP, FEBRUARY).replayed()).isFalse();
    }

    @Test
    void a_campaign_wide_rating_needs_a_home_region_and_stays_within_it() {
        String resident = "area-" + UUID.randomUUID();
        assertThatThrownBy(() -> submission.submit(resident, campaignWide("140423100"), "k1-" + resident, APP, JANUARY))
                .hasFieldOrPropertyWithValue("code", "HOME_REGION_REQUIRED");

        homes.choose(resident(resident), "140423100");
        assertThatThrownBy(() -> submission.submit(resident, campaignWide("140423103"), "k2-" + resident, APP, JANUARY))
                .hasFieldOrPropertyWithValue("code", "OUTSIDE_HOME_REGION");
        assertThatThrownBy(() -> submission.submit(resident, campaignWide("140423"), "k3-" + resident, APP, JANUARY))
                .as("the county as a whole is not within a town").hasFieldOrPropertyWithValue("code", "OUTSIDE_HOME_REGION");
    }

    private static RatingRequest campaignWide(String region) {
        return new RatingRequest("work-safety", null, region, 5, Map.of(), List.of("visible-results"), null, List.of(),
                Channel.APP, null, null);
    }

    private static Actor resident(String subject) {
        return new Actor(subject, "居民", Set.of(Role.RESIDENT), null, null);
    }

    private static RatingRequest request(String campaign, String subject, String caseNumber) {
        return new RatingRequest(campaign, subject, RatingFixtures.regionOf(subject), 4, Map.of(), List.of(), null,
                List.of(), Channel.APP, null, caseNumber);
    }
}
