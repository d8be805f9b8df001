package org.haochaping.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Actor;
import org.haochaping.identity.AuditTrail;
import org.haochaping.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** In a system of its own: the demo reports on every campaign, which other tests expect unreported. */
@IntegrationTest
@TestPropertySource(properties = "haochaping.test.context=demo-progress")
@DirtiesContext
class DemoProgressIntegrationTests {

    static final Actor AUDITOR = new Actor("auditor", "审计员", Set.of(Role.AUDITOR), null, null);

    @Autowired
    DemoProgress demo;
    @Autowired
    GoalProgress progress;
    @Autowired
    CampaignCatalog catalog;
    @Autowired
    AuditTrail audit;
    @Autowired
    Clock clock;

    @Test
    void every_outcome_goal_gets_a_report_for_every_month_by_its_lead_departments_manager_and_a_rerun_adds_none() {
        int first = demo.report(42, campaign -> 1.0);

        assertThat(first).isPositive();
        for (Campaign campaign : catalog.list(null)) {
            List<LocalDate> months = DemoProgress.monthlyReportDays(campaign.getPeriod(), LocalDate.now(clock));
            List<ProgressEntry> history = progress.history(campaign.getCode());
            campaign.getGoals().stream().filter(goal -> goal.type() == GoalType.OUTCOME).forEach(goal ->
                    assertThat(history.stream().filter(entry -> entry.goalCode().equals(goal.code()))
                            .map(entry -> YearMonth.from(entry.asOf())).distinct())
                            .as(campaign.getCode() + "/" + goal.code())
                            .containsExactlyInAnyOrderElementsOf(months.stream().map(YearMonth::from).toList()));
            assertThat(history).filteredOn(entry -> DemoProgress.NOTE.equals(entry.note()))
                    .allSatisfy(entry -> assertThat(entry.recordedBy())
                            .isEqualTo("demo-manager-" + campaign.getLeadDepartment().code()));
        }

        assertThat(audit.newest(AUDITOR, 1000)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("demo-manager-housing-construction");
            assertThat(entry.roles()).containsExactly("MANAGER");
            assertThat(entry.action()).isEqualTo("PROGRESS_RECORDED");
        });
        assertThat(demo.report(42, campaign -> 1.0)).isZero();
    }
}
