package org.haochaping.rating;

import static org.haochaping.ApiContract.conforms;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** "Can I rate this now?" answered as a submission would be, before the form is filled; nothing stored. */
@IntegrationTest
class RatingEligibilityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    RatingSubmission submission;

    @Test
    void a_subject_is_eligible_until_rated_then_again_next_month() throws Exception {
        String resident = "eligible-" + UUID.randomUUID();
        ask(resident, "pm-007").andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.eligible").value(true)).andExpect(jsonPath("$.reason").doesNotExist());

        submission.submit(CaseFixtures.resident(resident), new RatingRequest("property-management", "pm-007",
                RatingFixtures.regionOf("pm-007"), 4, Map.of(), List.of(), null, List.of(), Channel.APP, null, null),
                "eligibility-" + UUID.randomUUID(), null, null, null);

        ZoneId county = ZoneId.of("Asia/Shanghai");
        ask(resident, "pm-007").andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.eligible").value(false)).andExpect(jsonPath("$.reason").value("ALREADY_RATED"))
                .andExpect(jsonPath("$.nextEligibleAt").value(YearMonth.now(county).plusMonths(1).atDay(1)
                        .atStartOfDay(county).toInstant().toString()));
        ask(resident, "pm-008").andExpect(jsonPath("$.eligible").value(true));
    }

    @Test
    void what_a_submission_would_refuse_is_named_by_its_code() throws Exception {
        String resident = "eligible-" + UUID.randomUUID();
        mvc.perform(get("/api/v1/campaigns/property-management/eligibility").param("subjectId", "pm-999")
                        .param("regionCode", "140423100").header("Authorization", "Bearer " + tokens.resident(resident)))
                .andExpect(status().isOk()).andExpect(conforms()).andExpect(jsonPath("$.reason").value("UNKNOWN_SUBJECT"));
        mvc.perform(get("/api/v1/campaigns/property-management/eligibility").param("subjectId", "pm-007")
                        .param("regionCode", "140423108").header("Authorization", "Bearer " + tokens.resident(resident)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("REGION_MISMATCH"));
    }

    private ResultActions ask(String resident, String subject) throws Exception {
        return mvc.perform(get("/api/v1/campaigns/property-management/eligibility").param("subjectId", subject)
                .param("regionCode", RatingFixtures.regionOf(subject)).header("Authorization", "Bearer " + tokens.resident(resident)));
    }
}
