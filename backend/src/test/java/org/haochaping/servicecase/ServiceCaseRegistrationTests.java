package org.haochaping.servicecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 办件登记 through the API, JSON and CSV: idempotent, checked as a whole, nothing half-stored, for the right officials. */
@IntegrationTest
class ServiceCaseRegistrationTests {

    static final String PATH = "/api/v1/admin/campaigns/one-thing-one-visit/service-cases";
    static final String HEADER = "caseNumber,subjectId,applicant,completedAt\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    ServiceCaseRegistry registry;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_batch_is_registered_once_and_again_counts_as_unchanged() throws Exception {
        String batch = batch(entry("R1-" + run, "otov-01", "applicant-1"), entry("R2-" + run, "otov-02", "applicant-2"));

        json(supervisor(), batch).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.registered").value(2)).andExpect(jsonPath("$.unchanged").value(0));
        json(supervisor(), batch).andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(0)).andExpect(jsonPath("$.unchanged").value(2));

        assertThat(registry.isRatableBy("applicant-1", "one-thing-one-visit", "R1-" + run, "otov-01")).isTrue();
        assertThat(registry.isRatableBy("applicant-2", "one-thing-one-visit", "R1-" + run, "otov-01")).isFalse();
    }

    @Test
    void a_conflicting_registration_is_a_409_and_stores_none_of_its_batch() throws Exception {
        json(supervisor(), batch(entry("C1-" + run, "otov-01", "applicant-1"))).andExpect(status().isOk());

        json(supervisor(), batch(entry("C2-" + run, "otov-01", "applicant-2"), entry("C1-" + run, "otov-01", "someone-else")))
                .andExpect(status().isConflict()).andExpect(conforms())
                .andExpect(jsonPath("$.code").value("SERVICE_CASE_CONFLICT"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("C1-" + run)));

        assertThat(registry.isRatableBy("applicant-2", "one-thing-one-visit", "C2-" + run, "otov-01")).isFalse();
        assertThat(registry.isRatableBy("applicant-1", "one-thing-one-visit", "C1-" + run, "otov-01"))
                .as("the first registration stands").isTrue();
    }

    @Test
    void an_invalid_case_is_a_422_listing_every_problem_and_nothing_is_stored() throws Exception {
        json(supervisor(), batch(entry("V1-" + run, "otov-01", "applicant-1"), entry("V2-" + run, "pm-001", "applicant-2"),
                        entry("V1-" + run, "otov-01", "applicant-3"),
                        "{\"caseNumber\":\"V4-" + run + "\",\"subjectId\":\"otov-01\",\"applicant\":\"a\",\"completedAt\":\"2099-01-01T00:00:00Z\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(conforms())
                .andExpect(jsonPath("$.code").value("SERVICE_CASES_INVALID"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "cases[1].subjectId", "cases[2].caseNumber", "cases[3].completedAt")));

        assertThat(registry.isRatableBy("applicant-1", "one-thing-one-visit", "V1-" + run, "otov-01")).isFalse();
    }

    @Test
    void a_csv_import_registers_its_rows_idempotently() throws Exception {
        String csv = HEADER + "I1-" + run + ",otov-01,applicant-1,2026-11-20T10:15:00+08:00\n"
                + "I2-" + run + ",otov-03,applicant-2,2026-11-21T09:00:00Z\n";

        csv(supervisor(), csv).andExpect(status().isOk()).andExpect(responseConforms())
                .andExpect(jsonPath("$.registered").value(2));
        csv(supervisor(), csv).andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(2));
        assertThat(registry.isRatableBy("applicant-2", "one-thing-one-visit", "I2-" + run, "otov-03")).isTrue();
    }

    @Test
    void a_csv_with_bad_rows_is_refused_whole_naming_each_row() throws Exception {
        String csv = HEADER + "B1-" + run + ",otov-01,applicant-1,2026-11-20T10:15:00+08:00\n"
                + "B2-" + run + ",otov-01,applicant-2,yesterday\n"
                + "B1-" + run + ",otov-02,applicant-3,2026-11-20T10:15:00+08:00\n"
                + "B4-" + run + ",no-such-item,applicant-4,2026-11-20T10:15:00+08:00\n";

        csv(supervisor(), csv).andExpect(status().isUnprocessableContent()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("SERVICE_CASES_INVALID"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "row 2.completedAt", "row 3.caseNumber", "row 4.subjectId")));

        assertThat(registry.isRatableBy("applicant-1", "one-thing-one-visit", "B1-" + run, "otov-01"))
                .as("not even the good row").isFalse();
    }

    @Test
    void only_supervisors_and_managers_of_the_lead_department_register() throws Exception {
        String batch = batch(entry("P1-" + run, "otov-01", "applicant-1"));

        json(tokens.forRole("case-lead-manager", Role.MANAGER, "approval-services"), batch).andExpect(status().isOk());
        json(tokens.forRole("case-other-manager", Role.MANAGER, "housing-construction"), batch)
                .andExpect(status().isForbidden()).andExpect(conforms());
        json(tokens.forRole("case-handler", Role.HANDLER, "approval-services"), batch).andExpect(status().isForbidden());
        json(tokens.resident("case-resident"), batch).andExpect(status().isForbidden());
        csv(tokens.forRole("case-auditor", Role.AUDITOR, null), HEADER + "P2-" + run + ",otov-01,a,2026-11-20T10:15:00Z\n")
                .andExpect(status().isForbidden());
    }

    @Test
    void cases_belong_only_to_campaigns_rated_per_case() throws Exception {
        mvc.perform(post("/api/v1/admin/campaigns/property-management/service-cases")
                        .header("Authorization", "Bearer " + supervisor())
                        .contentType(MediaType.APPLICATION_JSON).content(batch(entry("N1-" + run, "pm-001", "a"))))
                .andExpect(status().isUnprocessableContent()).andExpect(conforms())
                .andExpect(jsonPath("$.code").value("CAMPAIGN_NOT_PER_CASE"));
    }

    private String supervisor() {
        return tokens.forRole("case-supervisor", Role.SUPERVISOR, null);
    }

    private ResultActions json(String token, String body) throws Exception {
        return mvc.perform(post(PATH).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions csv(String token, String body) throws Exception {
        return mvc.perform(post(PATH + "/import").header("Authorization", "Bearer " + token)
                .contentType("text/csv").content(body));
    }

    private static String batch(String... entries) {
        return "{\"cases\":[" + String.join(",", entries) + "]}";
    }

    private static String entry(String number, String item, String applicant) {
        return "{\"caseNumber\":\"%s\",\"subjectId\":\"%s\",\"applicant\":\"%s\",\"completedAt\":\"2026-11-20T10:15:00+08:00\"}"
                .formatted(number, item, applicant);
    }
}
