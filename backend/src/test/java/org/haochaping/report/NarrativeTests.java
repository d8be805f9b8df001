package org.haochaping.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.Department;
import org.haochaping.campaign.Goal;
import org.haochaping.campaign.Period;
import org.haochaping.campaign.RatingForm;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.GoalAttainment;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.satisfaction.Tally;
import org.haochaping.system.Labels;
import org.haochaping.system.LocalizedText;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The monthly report's narrative on hand-made figures: every number in it was worked out by hand (the 95%
 * interval of 704 of 1,000 with the Wilson formula: 67.5% – 73.1%), not by the code under test.
 */
class NarrativeTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final Campaign CAMPAIGN = Campaign.launch("pm", 1, LocalizedText.of("物业服务", "Property"), LocalizedText.of("说明", "About"),
            new Department("housing", LocalizedText.of("住建局", "Housing")), Period.calendarYear(2026),
            List.of(Goal.satisfaction("good-review-rate", BigDecimal.valueOf(90))), RatingForm.general());
    static final HandlingCounts CASES = new HandlingCounts(296, 10, 2, 290, 280, 250, 240, 800, 200, 150, 20, 3);

    private final Narrative narrative = new Narrative(new Labels(messages()));

    @Test
    void the_narrative_states_count_rate_interval_change_goal_worst_town_top_reason_and_handling() {
        List<String> sentences = narrative.of("物业服务", month(704, 296, CASES), month(726, 274, CASES), true,
                Map.of("dirty", "环境脏乱"));

        assertThat(sentences).containsExactly(
                "物业服务本期共收到有效评价 1,000 条，其中差评 296 条，满意度指数 60.2。",
                "好评率 70.4%（95% 置信区间 67.5% – 73.1%），较上月下降 2.2 个百分点，未达到 好评率 ≥ 90% 的目标。",
                "好评率最低的乡镇是古韩镇（75.0%，12 条评价）。",
                "差评最集中的原因是“环境脏乱”（200 条，占差评的 67.6%）。",
                "本期受理差评工单 296 件，回访率 96.6%，按期办结率 96.0%，整改满意率 75.0%。");
    }

    @Test
    void a_rise_a_standstill_and_a_previous_period_without_ratings_are_said_so() {
        assertThat(narrative.of("物业服务", month(704, 296, CASES), month(682, 318, CASES), false, Map.of()).get(1))
                .contains("较上期上升 2.2 个百分点");
        assertThat(narrative.of("物业服务", month(704, 296, CASES), month(704, 296, CASES), true, Map.of()).get(1))
                .contains("与上月持平");
        assertThat(narrative.of("物业服务", month(704, 296, CASES), month(0, 0, HandlingCounts.ZERO), true, Map.of()).get(1))
                .contains("上月没有有效评价，无法比较");
    }

    @Test
    void a_met_goal_and_a_month_without_ratings_or_cases() {
        assertThat(narrative.of("物业服务", month(990, 10, CASES), month(990, 10, CASES), true, Map.of()).get(1))
                .endsWith("，已达到 好评率 ≥ 90% 的目标。");
        assertThat(narrative.of("物业服务", month(0, 0, HandlingCounts.ZERO), month(0, 0, HandlingCounts.ZERO), true, Map.of()))
                .containsExactly("物业服务本期没有收到有效评价。", "本期没有新的差评工单。");
    }

    /** A month of the campaign: {@code good} ratings at level 4, {@code bad} at level 2 (200 of them 环境脏乱), and a town of 12. */
    private static ScopeFigures month(long good, long bad, HandlingCounts cases) {
        Tally total = new Tally(levels(good, bad), levels(good, bad), Map.of(),
                bad == 0 ? Map.of() : Map.of("dirty", Math.min(200, bad), "slow-progress", bad - Math.min(200, bad)), Map.of(), Map.of());
        Tally town = new Tally(levels(9, 3), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        Tally smallTown = new Tally(levels(0, 2), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        List<CampaignDashboard.Slice> towns = List.of(
                CampaignDashboard.Slice.of("140423101", LocalizedText.of("小镇", "Small"), smallTown),
                CampaignDashboard.Slice.of("140423100", LocalizedText.of("古韩镇", "Guhan"), town));
        GoalAttainment.Evaluation goal = new GoalAttainment(30).evaluate(CAMPAIGN.getGoals().getFirst(), CAMPAIGN.getPeriod(),
                total, null, null, TODAY);
        CampaignDashboard dashboard = new CampaignDashboard(CAMPAIGN, TODAY.minusMonths(1), TODAY.minusDays(1), total, 0,
                List.of(), towns, List.of(), List.of(goal), null);
        return new ScopeFigures(CAMPAIGN, TODAY.minusMonths(1), TODAY.minusDays(1), List.of(dashboard), total, List.of(), towns, cases);
    }

    private static Map<String, Long> levels(long good, long bad) {
        return Map.of("4", good, "2", bad);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
