package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.Department;
import org.haochaping.campaign.Eligibility;
import org.haochaping.campaign.Goal;
import org.haochaping.campaign.Indicator;
import org.haochaping.campaign.Period;
import org.haochaping.campaign.RatingForm;
import org.haochaping.campaign.ReasonTag;
import org.haochaping.campaign.Subject;
import org.haochaping.campaign.SubjectKind;
import org.haochaping.region.Region;
import org.haochaping.region.RegionLevel;
import org.haochaping.region.RegionTree;
import org.haochaping.system.LocalizedText;
import org.junit.jupiter.api.Test;

class RatingRulesTests {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-03-15T04:00:00Z");
    static final RegionTree REGIONS = new RegionTree(List.of(
            region("140423", RegionLevel.COUNTY, null),
            region("140423100", RegionLevel.TOWN, "140423"),
            region("140423100002", RegionLevel.COMMUNITY, "140423100"),
            region("140423103", RegionLevel.TOWN, "140423")));
    static final Subject COMPOUND = new Subject("pm-001", "pm", SubjectKind.COMPOUND, LocalizedText.of("康馨苑", "Kangxin"),
            "140423100002", "物业公司", null);

    final RatingRules rules = new RatingRules(REGIONS, COUNTY);

    @Test
    void a_complete_bad_review_with_a_reason_passes() {
        assertThatCode(() -> rules.check(request(2, List.of("slow-repairs")), campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, false),
                COMPOUND, NOW)).doesNotThrowAnyException();
    }

    @Test
    void a_bad_review_needs_a_reason() {
        rejected(request(1, List.of()), "REASON_REQUIRED");
    }

    @Test
    void reasons_must_fit_the_polarity_of_the_level() {
        rejected(request(5, List.of("slow-repairs")), "UNKNOWN_REASON_TAG");
        rejected(request(2, List.of("clean")), "UNKNOWN_REASON_TAG");
        rejected(request(2, List.of("made-up")), "UNKNOWN_REASON_TAG");
    }

    @Test
    void indicators_come_from_the_campaign_and_score_one_to_five() {
        rejected(with(request(4, List.of()), Map.of("speed", 3)), "UNKNOWN_INDICATOR");
        rejected(with(request(4, List.of()), Map.of("overall", 6)), "INVALID_INDICATOR_SCORE");
    }

    @Test
    void the_region_must_exist_and_lie_within_the_subject() {
        rejected(inRegion("140423999"), "UNKNOWN_REGION");
        rejected(inRegion("140423103"), "REGION_MISMATCH");
    }

    @Test
    void an_unknown_subject_is_refused_and_campaign_wide_ratings_need_the_campaign_to_allow_them() {
        assertThatThrownBy(() -> rules.check(request(4, List.of()), campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, false), null, NOW))
                .hasFieldOrPropertyWithValue("code", "UNKNOWN_SUBJECT");
        RatingRequest areaWide = new RatingRequest("pm", null, "140423103", 4, Map.of(), List.of(), null, List.of(),
                Channel.APP, null, null);
        assertThatThrownBy(() -> rules.check(areaWide, campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, false), null, NOW))
                .hasFieldOrPropertyWithValue("code", "SUBJECT_REQUIRED");
        assertThatCode(() -> rules.check(areaWide, campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, true), null, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void one_thing_one_rating_needs_a_case_number() {
        assertThatThrownBy(() -> rules.check(request(4, List.of()), campaign(Eligibility.ONE_PER_CASE, false), COMPOUND, NOW))
                .hasFieldOrPropertyWithValue("code", "CASE_NUMBER_REQUIRED");
    }

    @Test
    void a_suspended_campaign_takes_no_ratings() {
        Campaign suspended = campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, false);
        suspended.suspend();

        assertThatThrownBy(() -> rules.check(request(4, List.of()), suspended, COMPOUND, NOW))
                .isInstanceOf(RatingConflictException.class).hasFieldOrPropertyWithValue("code", "CAMPAIGN_NOT_OPEN");
    }

    @Test
    void offline_ratings_are_accepted_for_a_week_and_not_from_the_future() {
        assertThatCode(() -> rules.check(ratedAt(NOW.minus(Duration.ofDays(6))), campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, false),
                COMPOUND, NOW)).doesNotThrowAnyException();
        rejected(ratedAt(NOW.minus(Duration.ofDays(8))), "INVALID_RATED_AT");
        rejected(ratedAt(NOW.plus(Duration.ofMinutes(10))), "INVALID_RATED_AT");
    }

    @Test
    void monthly_eligibility_counts_months_in_county_time() {
        Campaign monthly = campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, false);
        Instant lastEveningOfMarchInTheCounty = Instant.parse("2026-03-31T15:30:00Z");
        Instant firstMorningOfApril = Instant.parse("2026-03-31T16:30:00Z");

        String march = rules.eligibilityKey(request(4, List.of()), monthly, "resident1", lastEveningOfMarchInTheCounty);
        String april = rules.eligibilityKey(request(4, List.of()), monthly, "resident1", firstMorningOfApril);

        assertThat(march).endsWith("m:2026-03").isNotEqualTo(april);
        assertThat(rules.eligibilityKey(request(4, List.of()), monthly, "resident2", lastEveningOfMarchInTheCounty))
                .isNotEqualTo(march);
    }

    @Test
    void campaign_eligibility_is_once_per_subject_and_case_eligibility_once_per_case_whoever_rates() {
        Campaign once = campaign(Eligibility.ONE_PER_SUBJECT_PER_CAMPAIGN, false);
        Campaign perCase = campaign(Eligibility.ONE_PER_CASE, false);
        RatingRequest withCase = new RatingRequest("pm", "pm-001", "140423100002", 4, Map.of(), List.of(), null, List.of(),
                Channel.APP, null, "XY2026-0001");

        assertThat(rules.eligibilityKey(request(4, List.of()), once, "resident1", NOW))
                .isEqualTo(rules.eligibilityKey(request(4, List.of()), once, "resident1", NOW.plus(Duration.ofDays(90))));
        assertThat(rules.eligibilityKey(withCase, perCase, "resident1", NOW))
                .isEqualTo(rules.eligibilityKey(withCase, perCase, "resident2", NOW));
    }

    @Test
    void a_level_outside_one_to_five_is_invalid() {
        rejected(request(0, List.of("slow-repairs")), "INVALID_LEVEL");
        rejected(request(6, List.of()), "INVALID_LEVEL");
    }

    @Test
    void a_comment_may_have_five_hundred_characters_and_no_more() {
        accepted(commented("好".repeat(500)));
        rejected(commented("好".repeat(501)), "COMMENT_TOO_LONG");
    }

    @Test
    void a_rating_may_carry_three_photos_and_no_more() {
        accepted(withPhotos(List.of("p1", "p2", "p3")));
        rejected(withPhotos(List.of("p1", "p2", "p3", "p4")), "TOO_MANY_PHOTOS");
    }

    @Test
    void eligibility_keys_name_the_campaign_the_subject_or_area_the_resident_and_the_month() {
        RatingRequest areaWide = new RatingRequest("pm", null, "140423103", 4, Map.of(), List.of(), null, List.of(),
                Channel.APP, null, null);
        RatingRequest withCase = new RatingRequest("pm", "pm-001", "140423100002", 4, Map.of(), List.of(), null, List.of(),
                Channel.APP, null, "XY2026-0001");

        assertThat(rules.eligibilityKey(request(4, List.of()), campaign(Eligibility.ONE_PER_SUBJECT_PER_CAMPAIGN, false),
                "resident1", NOW)).isEqualTo("c:pm|s:pm-001|r:resident1");
        assertThat(rules.eligibilityKey(areaWide, campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, true), "resident1", NOW))
                .isEqualTo("c:pm|campaign-wide|r:resident1|m:2026-03");
        assertThat(rules.eligibilityKey(withCase, campaign(Eligibility.ONE_PER_CASE, false), "resident1", NOW))
                .isEqualTo("c:pm|case:XY2026-0001");
    }

    @Test
    void a_campaign_wide_key_does_not_depend_on_the_region_the_request_names() {
        Campaign monthly = campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, true);
        RatingRequest guhan = new RatingRequest("pm", null, "140423100", 4, Map.of(), List.of(), null, List.of(),
                Channel.APP, null, null);
        RatingRequest xiadian = new RatingRequest("pm", null, "140423103", 4, Map.of(), List.of(), null, List.of(),
                Channel.APP, null, null);

        assertThat(rules.eligibilityKey(guhan, monthly, "resident1", NOW))
                .isEqualTo(rules.eligibilityKey(xiadian, monthly, "resident1", NOW))
                .isNotEqualTo(rules.eligibilityKey(xiadian, monthly, "resident2", NOW));
    }

    @Test
    void the_same_request_has_the_same_fingerprint_and_any_change_changes_it() {
        assertThat(request(2, List.of("slow-repairs")).fingerprint()).isEqualTo(request(2, List.of("slow-repairs")).fingerprint());
        assertThat(request(2, List.of("slow-repairs")).fingerprint()).isNotEqualTo(request(1, List.of("slow-repairs")).fingerprint());
    }

    private void rejected(RatingRequest request, String code) {
        assertThatThrownBy(() -> rules.check(request, campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, false), COMPOUND, NOW))
                .isInstanceOf(RatingRejectedException.class)
                .hasFieldOrPropertyWithValue("code", code);
    }

    private void accepted(RatingRequest request) {
        assertThatCode(() -> rules.check(request, campaign(Eligibility.ONE_PER_SUBJECT_PER_MONTH, false), COMPOUND, NOW))
                .doesNotThrowAnyException();
    }

    static RatingRequest request(int level, List<String> reasons) {
        return new RatingRequest("pm", "pm-001", "140423100002", level, Map.of("overall", level), reasons, "评论",
                List.of(), Channel.APP, null, null);
    }

    static RatingRequest with(RatingRequest request, Map<String, Integer> scores) {
        return new RatingRequest(request.campaignCode(), request.subjectId(), request.regionCode(), request.level(), scores,
                request.reasonTags(), request.comment(), request.photoIds(), request.channel(), null, null);
    }

    static RatingRequest commented(String comment) {
        return new RatingRequest("pm", "pm-001", "140423100002", 4, Map.of(), List.of(), comment, List.of(), Channel.APP, null, null);
    }

    static RatingRequest withPhotos(List<String> photoIds) {
        return new RatingRequest("pm", "pm-001", "140423100002", 4, Map.of(), List.of(), null, photoIds, Channel.APP, null, null);
    }

    static RatingRequest inRegion(String region) {
        return new RatingRequest("pm", "pm-001", region, 4, Map.of(), List.of(), null, List.of(), Channel.APP, null, null);
    }

    static RatingRequest ratedAt(Instant when) {
        return new RatingRequest("pm", "pm-001", "140423100002", 4, Map.of(), List.of(), null, List.of(), Channel.APP, when, null);
    }

    static Campaign campaign(Eligibility eligibility, boolean campaignWide) {
        RatingForm form = new RatingForm(
                List.of(new ReasonTag("clean", LocalizedText.of("环境整洁", "Clean"))),
                List.of(new ReasonTag("slow-repairs", LocalizedText.of("维修不及时", "Slow repairs"))),
                List.of(new Indicator("overall", LocalizedText.of("整体满意度", "Overall"))),
                eligibility, campaignWide);
        return Campaign.launch("pm", 1, LocalizedText.of("物业", "Property"), LocalizedText.of("说明", "About"),
                new Department("housing", LocalizedText.of("住建局", "Housing")), Period.calendarYear(2026),
                List.of(Goal.satisfaction("good-review-rate", java.math.BigDecimal.TEN)), form);
    }

    private static Region region(String code, RegionLevel level, String parent) {
        return new Region(code, LocalizedText.of(code, code), level, parent);
    }
}
