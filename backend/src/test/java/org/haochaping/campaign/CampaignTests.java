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
    void localized_text_is_english_for_english_locales_and_chinese_otherwise() {
        LocalizedText text = LocalizedText.of("好评率", "Good-review rate");

        assertThat(text.in(java.util.Locale.US)).isEqualTo("Good-review rate");
        assertThat(text.in(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("好评率");
        assertThat(text.in(java.util.Locale.FRENCH)).isEqualTo("好评率");
    }
}
