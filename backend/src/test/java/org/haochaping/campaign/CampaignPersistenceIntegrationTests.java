package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CampaignPersistenceIntegrationTests {

    static final List<String> REPORT_CODES = List.of("soe-reform", "mining-subsidence", "one-thing-one-visit",
            "funeral-reform", "property-registration", "illegal-construction", "work-safety",
            "village-collective-economy", "property-management", "idle-resources");

    @Autowired
    Campaigns campaigns;
    @Autowired
    CampaignSeed seed;
    @Autowired
    CampaignCatalog catalog;

    @Test
    void a_campaign_with_every_kind_of_goal_round_trips() {
        String code = "round-trip-" + UUID.randomUUID().toString().substring(0, 8);
        LocalizedText unit = LocalizedText.of("亩", "mu");
        Campaign campaign = Campaign.launch(code, 99, LocalizedText.of("测试", "Test"), LocalizedText.of("说明", "About"),
                new Department("dev-zone", LocalizedText.of("经开区", "Zone")), Period.calendarYear(2026),
                List.of(Goal.satisfaction("good", new BigDecimal("92.5")),
                        Goal.badReviewLimit("bad", new BigDecimal("3")),
                        Goal.participation("people", ParticipationMeasure.RESIDENTS, 1200),
                        Goal.outcome("land", LocalizedText.of("盘活低效用地", "Land"), Comparison.AT_LEAST,
                                new BigDecimal("400"), unit, LocalDate.of(2026, 10, 1))), RatingForm.general());

        Instant beforeSave = Instant.now().truncatedTo(ChronoUnit.MILLIS); // the store keeps milliseconds
        campaigns.save(campaign);
        Instant afterSave = Instant.now();
        Campaign stored = catalog.get(code);

        assertThat(stored.getName()).isEqualTo(campaign.getName());
        assertThat(stored.getLeadDepartment()).isEqualTo(campaign.getLeadDepartment());
        assertThat(stored.getPeriod()).isEqualTo(campaign.getPeriod());
        assertThat(stored.getGoals()).isEqualTo(campaign.getGoals());
        assertThat(stored.getUpdatedAt()).isBetween(beforeSave, afterSave);
        campaigns.deleteById(code);
    }

    @Test
    void the_ten_campaigns_of_the_report_are_loaded_in_report_order_with_their_goals() {
        List<Campaign> loaded = catalog.list(CampaignStatus.ACTIVE).stream()
                .filter(campaign -> REPORT_CODES.contains(campaign.getCode()))
                .toList();

        assertThat(loaded).extracting(Campaign::getCode).containsExactlyElementsOf(REPORT_CODES);
        assertThat(loaded).allSatisfy(campaign -> assertThat(campaign.goal(CampaignSeed.DEFAULT_SATISFACTION_GOAL).type())
                .isEqualTo(GoalType.SATISFACTION));
        assertThat(target("property-registration", "households-registered")).isEqualByComparingTo("9400");
        assertThat(target("illegal-construction", "legacy-projects-handled")).isEqualByComparingTo("57");
        assertThat(target("idle-resources", "land-revived")).isEqualByComparingTo("400");
        assertThat(target("idle-resources", "factory-space-revived")).isEqualByComparingTo("10000");
        assertThat(target("village-collective-economy", "villages-over-100k")).isEqualByComparingTo("200");
        assertThat(target("funeral-reform", "public-cemeteries-built")).isEqualByComparingTo("18");
        assertThat(target("mining-subsidence", "village-plans-completed")).isEqualByComparingTo("9");
        assertThat(target("soe-reform", "zombie-firms-cleared")).isEqualByComparingTo("19");
        assertThat(catalog.get("idle-resources").goal("land-revived").unit().zh()).isEqualTo("亩");
        assertThat(catalog.get("property-management").getLeadDepartment().name().zh()).isEqualTo("县住房和城乡建设管理局");
    }

    @Test
    void loading_the_seed_again_adds_nothing() {
        long before = campaigns.count();

        assertThat(seed.load()).isZero();
        assertThat(campaigns.count()).isEqualTo(before);
    }

    @Test
    void loading_the_seed_never_overwrites_what_an_official_changed() {
        Campaign campaign = catalog.get("work-safety");
        BigDecimal original = campaign.goal(CampaignSeed.DEFAULT_SATISFACTION_GOAL).target();
        campaign.reviseGoalTarget(CampaignSeed.DEFAULT_SATISFACTION_GOAL, new BigDecimal("97"));
        campaigns.save(campaign);

        seed.load();

        Campaign reloaded = catalog.get("work-safety");
        assertThat(reloaded.goal(CampaignSeed.DEFAULT_SATISFACTION_GOAL).target()).isEqualByComparingTo("97");
        reloaded.reviseGoalTarget(CampaignSeed.DEFAULT_SATISFACTION_GOAL, original);
        campaigns.save(reloaded);
    }

    private BigDecimal target(String campaign, String goal) {
        return catalog.get(campaign).goal(goal).target();
    }
}
