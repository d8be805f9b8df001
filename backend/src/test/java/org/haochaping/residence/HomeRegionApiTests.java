package org.haochaping.residence;

import static org.haochaping.ApiContract.conforms;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code /api/v1/me/home-region}: chosen in the app, or vouched for by the identity provider. */
@IntegrationTest
class HomeRegionApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    final String resident = "home-" + UUID.randomUUID();

    @Test
    void a_resident_chooses_a_home_region_and_cannot_change_it_at_once() throws Exception {
        String token = tokens.resident(resident);
        mvc.perform(get("/api/v1/me/home-region").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.source").value("NONE")).andExpect(jsonPath("$.regionCode").doesNotExist());

        choose(token, "140423100001").andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.source").value("CHOSEN")).andExpect(jsonPath("$.regionCode").value("140423100001"))
                .andExpect(jsonPath("$.changeableFrom").exists());
        choose(token, "140423100001").andExpect(status().isOk()); // the same again changes nothing
        choose(token, "140423103").andExpect(status().isConflict()).andExpect(conforms())
                .andExpect(jsonPath("$.code").value("HOME_REGION_CHANGE_TOO_EARLY"))
                .andExpect(jsonPath("$.changeableFrom").exists());
        mvc.perform(get("/api/v1/me/home-region").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.regionCode").value("140423100001"));
    }

    @Test
    void the_county_as_a_whole_or_an_unknown_region_is_no_home() throws Exception {
        String token = tokens.resident(resident);
        choose(token, "140423").andExpect(status().isUnprocessableContent()).andExpect(conforms())
                .andExpect(jsonPath("$.code").value("HOME_REGION_TOO_COARSE"));
        choose(token, "999999999").andExpect(status().isUnprocessableContent()).andExpect(conforms())
                .andExpect(jsonPath("$.code").value("UNKNOWN_REGION"));
    }

    @Test
    void the_identity_providers_home_region_wins_and_cannot_be_changed_here() throws Exception {
        String token = tokens.residentLivingIn(resident, "140423103");
        mvc.perform(get("/api/v1/me/home-region").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.source").value("PROVIDER")).andExpect(jsonPath("$.regionCode").value("140423103"));
        choose(token, "140423100001").andExpect(status().isConflict()).andExpect(conforms())
                .andExpect(jsonPath("$.code").value("HOME_REGION_SET_BY_PROVIDER"));
        rateWorkSafety(token, "140423103").andExpect(status().isCreated());
    }

    @Test
    void a_campaign_wide_rating_without_a_home_region_asks_for_one() throws Exception {
        rateWorkSafety(tokens.resident(resident), "140423100").andExpect(status().isUnprocessableContent())
                .andExpect(conforms()).andExpect(jsonPath("$.code").value("HOME_REGION_REQUIRED"));
        mvc.perform(get("/api/v1/campaigns/work-safety/eligibility").header("Authorization", "Bearer " + tokens.resident(resident))
                        .param("regionCode", "140423100"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.eligible").value(false)).andExpect(jsonPath("$.reason").value("HOME_REGION_REQUIRED"));
    }

    private ResultActions choose(String token, String region) throws Exception {
        return mvc.perform(put("/api/v1/me/home-region").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"regionCode\":\"" + region + "\"}"));
    }

    private ResultActions rateWorkSafety(String token, String region) throws Exception {
        return mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "home-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"campaignCode\":\"work-safety\",\"formVersion\":1,\"regionCode\":\"" + region
                        + "\",\"level\":5,\"reasonTags\":[\"visible-results\"]}"));
    }
}
