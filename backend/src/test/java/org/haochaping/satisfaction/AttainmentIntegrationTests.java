package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haochaping.ApiContract.conforms;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.haochaping.IntegrationTest;
import org.haochaping.campaign.GoalProgress;
import org.haochaping.campaign.Period;
import org.haochaping.identity.Actor;
import org.haochaping.identity.ForbiddenException;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AttainmentIntegrationTests {

    static final Actor MANAGER = new Actor("manager", "住建局", Set.of(Role.MANAGER), "housing-construction", null);
    static final Actor OUTSIDER = new Actor("manager-approval", "审批局", Set.of(Role.MANAGER), "approval-services", null);

    @Autowired
    GoalProgress progress;
    @Autowired
    SatisfactionQueries queries;
    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    Clock clock;

    @Test
    void the_lead_departments_manager_records_outcome_progress_and_the_dashboard_judges_it() {
        LocalDate today = LocalDate.now(clock);
        progress.record(MANAGER, "property-management", "model-compounds", BigDecimal.ONE, today, "康馨苑通过验收");

        CampaignDashboard dashboard = queries.dashboard(MANAGER, "property-management", null, null, null);

        GoalAttainment.Evaluation models = dashboard.goals().stream()
                .filter(goal -> goal.goal().code().equals("model-compounds")).findFirst().orElseThrow();
        assertThat(models.value()).isEqualByComparingTo("1");
        assertThat(models.status()).isEqualTo(statusOfOneOfTwo(dashboard.campaign().getPeriod(), today));
        assertThat(dashboard.outcomeProgress()).isEqualTo(50.0);
        assertThat(progress.history("property-management")).first().extracting(entry -> entry.note()).isEqualTo("康馨苑通过验收");
    }

    @Test
    void others_may_not_record_progress_nor_on_a_rate_goal() {
        LocalDate today = LocalDate.now(clock);
        assertThatThrownBy(() -> progress.record(OUTSIDER, "property-management", "model-compounds", BigDecimal.TEN, today, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> progress.record(MANAGER, "property-management", "good-review-rate", BigDecimal.TEN, today, null))
                .hasFieldOrPropertyWithValue("code", "NOT_AN_OUTCOME_GOAL");
        assertThatThrownBy(() -> progress.record(MANAGER, "property-management", "model-compounds", BigDecimal.ONE,
                today.plusDays(3), null)).hasFieldOrPropertyWithValue("code", "INVALID_PROGRESS");
    }

    @Test
    void a_manager_follows_only_the_campaigns_their_department_leads() {
        assertThat(queries.followedBy(MANAGER)).extracting(campaign -> campaign.getCode()).containsExactly("property-management");
        assertThat(queries.followedBy(new Actor("s", "监督员", Set.of(Role.SUPERVISOR), null, null))).hasSize(10);
        assertThat(queries.followedBy(new Actor("r", "居民", Set.of(Role.RESIDENT), null, null))).isEmpty();
    }

    @Test
    void a_new_rating_shows_in_the_dashboard_at_once() throws Exception {
        Actor supervisor = new Actor("supervisor", "监督员", Set.of(Role.SUPERVISOR), null, null);
        CampaignDashboard before = queries.dashboard(supervisor, "funeral-reform", null, null, null);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/ratings")
                        .header("Authorization", "Bearer " + tokens.residentLivingIn("at-once-" + java.util.UUID.randomUUID(), "140423101"))
                        .header("Idempotency-Key", "key-at-once-01").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"campaignCode\":\"funeral-reform\",\"formVersion\":1,\"regionCode\":\"140423101\",\"level\":2,"
                                + "\"reasonTags\":[\"slow-progress\"]}"))
                .andExpect(status().isCreated());

        CampaignDashboard after = queries.dashboard(supervisor, "funeral-reform", null, null, null);
        assertThat(after.total().count()).isEqualTo(before.total().count() + 1);
        assertThat(ratingsIn(after, "140423101")).isEqualTo(ratingsIn(before, "140423101") + 1);
    }

    @Test
    void the_attainment_endpoint_follows_the_contract() throws Exception {
        mvc.perform(get("/api/v1/admin/campaigns/property-management/attainment")
                        .header("Authorization", "Bearer " + tokens.forRole("manager", Role.MANAGER, "housing-construction")))
                .andExpect(status().isOk())
                .andExpect(conforms())
                .andExpect(jsonPath("$.goals[?(@.goalCode == 'good-review-rate')].type").value("SATISFACTION"));
    }

    @Test
    void an_outcome_nobody_reported_on_reads_no_progress_reported_in_the_contracts_words() throws Exception {
        mvc.perform(get("/api/v1/admin/campaigns/mining-subsidence/attainment")
                        .header("Authorization", "Bearer " + tokens.forRole("subsidence-manager", Role.MANAGER, "subsidence-office")))
                .andExpect(status().isOk())
                .andExpect(conforms())
                .andExpect(jsonPath("$.goals[?(@.goalCode == 'village-plans-completed')].status").value("NO_PROGRESS_REPORTED"));
    }

    /**
     * An outcome goal of 2 at 1 done, by hand: the straight line from 0 to 2 over the period passes 1
     * at half of it (ON_TRACK until then), 1 is 80% of the line until 62.5% (AT_RISK), then OFF_TRACK.
     */
    private static AttainmentStatus statusOfOneOfTwo(Period period, LocalDate today) {
        double gone = (double) (ChronoUnit.DAYS.between(period.start(), today) + 1)
                / (ChronoUnit.DAYS.between(period.start(), period.end()) + 1);
        return gone <= 0.5 ? AttainmentStatus.ON_TRACK : gone <= 0.625 ? AttainmentStatus.AT_RISK : AttainmentStatus.OFF_TRACK;
    }

    private static long ratingsIn(CampaignDashboard dashboard, String town) {
        return dashboard.towns().stream().filter(slice -> slice.code().equals(town))
                .mapToLong(slice -> slice.tally().count()).sum();
    }
}
