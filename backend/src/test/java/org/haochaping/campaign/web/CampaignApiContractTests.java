package org.haochaping.campaign.web;

import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every response of the campaign endpoints, errors included, against the api-spec contract. */
@IntegrationTest
class CampaignApiContractTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    @Test
    void the_list_holds_the_ten_campaigns_of_the_report_with_their_goals() throws Exception {
        mvc.perform(get("/api/v1/campaigns"))
                .andExpect(status().isOk())
                .andExpect(conforms())
                .andExpect(jsonPath("$.items[?(@.code == 'property-management')].name.zh").value("规范居民小区物业管理攻坚行动"))
                .andExpect(jsonPath("$.items[?(@.code == 'property-registration')].goals[?(@.code == 'households-registered')].target").value(9400))
                .andExpect(jsonPath("$.items[0].code").value("soe-reform"))
                .andExpect(header().string("Cache-Control", "max-age=60, public"));
    }

    @Test
    void the_list_can_be_filtered_by_status() throws Exception {
        mvc.perform(get("/api/v1/campaigns").param("status", "COMPLETED"))
                .andExpect(status().isOk())
                .andExpect(conforms())
                .andExpect(jsonPath("$.items[?(@.code == 'property-management')]", hasSize(0)));
    }

    @Test
    void one_campaign_comes_with_its_goals_and_lead_department() throws Exception {
        mvc.perform(get("/api/v1/campaigns/idle-resources"))
                .andExpect(status().isOk())
                .andExpect(conforms())
                .andExpect(jsonPath("$.leadDepartment.code").value("development-zone"))
                .andExpect(jsonPath("$.goals[?(@.code == 'land-revived')].unit.zh").value("亩"))
                .andExpect(jsonPath("$.goals[?(@.code == 'factory-space-revived')].target").value(10000))
                .andExpect(jsonPath("$.goals[?(@.code == 'good-review-rate')].type").value("SATISFACTION"));
    }

    @Test
    void an_unknown_campaign_is_a_404_problem_with_a_stable_type_in_chinese() throws Exception {
        mvc.perform(get("/api/v1/campaigns/no-such-campaign"))
                .andExpect(status().isNotFound())
                .andExpect(conforms())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://haochaping.org/problems/campaign-not-found"))
                .andExpect(jsonPath("$.code").value("CAMPAIGN_NOT_FOUND"))
                .andExpect(jsonPath("$.title").value("未找到该攻坚行动"));
    }

    @Test
    void problems_are_in_english_when_asked_for() throws Exception {
        mvc.perform(get("/api/v1/campaigns/no-such-campaign").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isNotFound())
                .andExpect(conforms())
                .andExpect(jsonPath("$.title").value("Campaign not found"))
                .andExpect(jsonPath("$.detail").value("There is no campaign with the code \"no-such-campaign\"."));
    }

    @Test
    void a_malformed_campaign_code_is_a_400_problem_naming_the_parameter() throws Exception {
        mvc.perform(get("/api/v1/campaigns/{code}", "NOT a code!"))
                .andExpect(status().isBadRequest())
                .andExpect(responseConforms())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void an_unknown_status_is_a_400_problem() throws Exception {
        mvc.perform(get("/api/v1/campaigns").param("status", "FINISHED"))
                .andExpect(status().isBadRequest())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.type").value("https://haochaping.org/problems/invalid-parameter"));
    }

    @Test
    void an_overlong_campaign_code_is_a_400_problem() throws Exception {
        mvc.perform(get("/api/v1/campaigns/{code}", "a".repeat(500)))
                .andExpect(status().isBadRequest())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
    }

    @Test
    void an_unknown_api_path_is_a_404_problem_not_an_html_page() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").accept(MediaType.TEXT_HTML).header("Authorization", bearer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(startsWith("https://haochaping.org/problems/")))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void a_wrong_method_is_a_405_problem() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/campaigns/work-safety")
                        .header("Authorization", bearer()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void asking_for_html_from_the_api_gives_a_problem_not_an_html_page() throws Exception {
        mvc.perform(get("/api/v1/campaigns/no-such-campaign").accept(MediaType.TEXT_HTML))
                .andExpect(status().is4xxClientError())
                .andExpect(responseConforms())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").exists());
    }

    private String bearer() {
        return "Bearer " + tokens.resident("resident1");
    }
}
