package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CampaignTests {

    static Campaign propertyManagement() {
        return Campaign.launch("property-management", 9,
                LocalizedText.of("规范居民小区物业管理攻坚行动", "Residential property management campaign"),
                LocalizedText.of("三方联动", "Three-way management"),
                new Department("housing-construction", LocalizedText.of("县住房和城乡建设管理局", "Housing bureau")),
                Period.calendarYear(2026),
                List.of(Goal.outcome("model-compounds", LocalizedText.of("示范小区", "Model compounds"),
                                Comparison.AT_LEAST, new BigDecimal("2"), LocalizedText.of("个小区", "compounds"), null),
                        Goal.satisfaction("good-review-rate", new BigDecimal("90"))), RatingForm.general());
    }

    @Test
    void a_launched_campaign_is_active() {
        assertThat(propertyManagement().getStatus()).isEqualTo(CampaignStatus.ACTIVE);
    }

    @Test
    void a_campaign_is_suspended_and_resumed_only_from_the_right_state() {
        Campaign campaign = propertyManagement();

        assertThatIllegalStateException().isThrownBy(campaign::resume);
        campaign.suspend();
        assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.SUSPENDED);
        assertThatIllegalStateException().isThrownBy(campaign::suspend);
        campaign.resume();
        assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.ACTIVE);
    }

    @Test
    void a_completed_campaign_cannot_be_completed_again() {
        Campaign campaign = propertyManagement();
        campaign.complete();

        assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.COMPLETED);
        assertThatIllegalStateException().isThrownBy(campaign::complete);
    }

    @Test
    void revising_a_goal_target_changes_only_that_goal() {
        Campaign campaign = propertyManagement();

        campaign.reviseGoalTarget("model-compounds", new BigDecimal("3"));

        assertThat(campaign.goal("model-compounds").target()).isEqualByComparingTo("3");
        assertThat(campaign.goal("good-review-rate").target()).isEqualByComparingTo("90");
        assertThatIllegalArgumentException().isThrownBy(() -> campaign.reviseGoalTarget("unknown", BigDecimal.ONE));
    }

    @Test
    void goals_are_not_editable_from_outside() {
        Campaign campaign = propertyManagement();

        assertThat(campaign.getGoals()).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> campaign.getGoals().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void goal_codes_are_unique_and_campaign_codes_well_formed() {
        Goal goal = Goal.satisfaction("good-review-rate", BigDecimal.TEN);
        Department department = new Department("d", LocalizedText.of("部门", "Department"));
        LocalizedText text = LocalizedText.of("名", "name");

        assertThatIllegalArgumentException().isThrownBy(() -> Campaign.launch("x-1", 1, text, text, department,
                Period.calendarYear(2026), List.of(goal, goal), RatingForm.general()));
        assertThatIllegalArgumentException().isThrownBy(() -> Campaign.launch("Bad Code", 1, text, text, department,
                Period.calendarYear(2026), List.of(goal), RatingForm.general()));
    }

    @Test
    void a_period_cannot_end_before_it_starts() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31)));
        assertThat(Period.calendarYear(2026).contains(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(Period.calendarYear(2026).contains(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void a_campaign_keeps_its_code_and_its_place_in_the_work_report() {
        Campaign campaign = propertyManagement();

        assertThat(campaign.getCode()).isEqualTo("property-management");
        assertThat(campaign.getRank()).isEqualTo(9);
    }

    @Test
    void refused_transitions_say_which_campaign_and_in_which_state() {
        Campaign campaign = propertyManagement();

        assertThatIllegalStateException().isThrownBy(campaign::resume)
                .withMessage("Cannot resume campaign property-management while it is ACTIVE");
        campaign.complete();
        assertThatIllegalStateException().isThrownBy(campaign::complete)
                .withMessage("Campaign property-management is already completed");
    }

    @Test
    void a_campaign_without_one_of_its_parts_is_refused_with_a_message_naming_it() {
        LocalizedText text = LocalizedText.of("名", "name");
        Department department = new Department("d", text);
        Period year = Period.calendarYear(2026);
        List<Goal> goals = List.of();

        assertThatIllegalArgumentException().isThrownBy(() -> new Campaign("x1", 1, null, text, department, year,
                CampaignStatus.ACTIVE, goals, null)).withMessage("A campaign needs a name");
        assertThatIllegalArgumentException().isThrownBy(() -> new Campaign("x1", 1, text, null, department, year,
                CampaignStatus.ACTIVE, goals, null)).withMessage("A campaign needs a description");
        assertThatIllegalArgumentException().isThrownBy(() -> new Campaign("x1", 1, text, text, null, year,
                CampaignStatus.ACTIVE, goals, null)).withMessage("A campaign needs a lead department");
        assertThatIllegalArgumentException().isThrownBy(() -> new Campaign("x1", 1, text, text, department, null,
                CampaignStatus.ACTIVE, goals, null)).withMessage("A campaign needs a period");
        assertThatIllegalArgumentException().isThrownBy(() -> new Campaign("x1", 1, text, text, department, year,
                null, goals, null)).withMessage("A campaign needs a status");
        assertThatIllegalArgumentException().isThrownBy(() -> new Campaign("x1", 1, text, text, department, year,
                CampaignStatus.ACTIVE, null, null)).withMessage("A campaign's goals cannot be null");
        assertThatIllegalArgumentException().isThrownBy(() -> new Campaign("X", 1, text, text, department, year,
                CampaignStatus.ACTIVE, goals, null))
                .withMessage("A campaign code is 2-64 lower-case letters, digits and '-': X");
    }

    @Test
    void a_period_needs_both_ends_and_says_why_it_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Period(null, LocalDate.of(2026, 1, 31)))
                .withMessage("A period needs a start");
        assertThatIllegalArgumentException().isThrownBy(() -> new Period(LocalDate.of(2026, 1, 1), null))
                .withMessage("A period needs an end");
        assertThatIllegalArgumentException().isThrownBy(() -> new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31)))
                .withMessage("A period cannot end (2026-01-31) before it starts (2026-02-01)");
    }

    @Test
    void localized_text_is_english_for_english_locales_and_chinese_otherwise() {
        LocalizedText text = LocalizedText.of("好评率", "Good-review rate");

        assertThat(text.in(java.util.Locale.US)).isEqualTo("Good-review rate");
        assertThat(text.in(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("好评率");
        assertThat(text.in(java.util.Locale.FRENCH)).isEqualTo("好评率");
    }
}
