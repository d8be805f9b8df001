package org.haochaping.campaign.web;

import static org.haochaping.ApiContract.conforms;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.CampaignNotFoundException;
import org.haochaping.system.problem.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The campaign endpoints' web layer alone (no store, no security filters): how the controller
 * answers and how a refusal of the catalog becomes a problem, in Chinese first. Boots in a second.
 */
@WebMvcTest(CampaignController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({Problems.class, CampaignMapperImpl.class})
class CampaignWebSliceTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CampaignCatalog catalog;

    @Test
    void an_unknown_campaign_is_a_404_problem_in_chinese_first() throws Exception {
        given(catalog.get("no-such")).willThrow(new CampaignNotFoundException("no-such"));

        mvc.perform(get("/api/v1/campaigns/no-such"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CAMPAIGN_NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("https://haochaping.org/problems/campaign-not-found"))
                .andExpect(jsonPath("$.title").value("未找到该攻坚行动"))
                .andExpect(conforms());
    }

    @Test
    void the_campaign_list_is_public_and_cached_for_a_minute() throws Exception {
        given(catalog.list(null)).willReturn(List.of());

        mvc.perform(get("/api/v1/campaigns"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=60, public"))
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(conforms());
    }
}
