package org.haochaping.rating;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.haochaping.ApiContract;
import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class RateLimitTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    @Test
    void the_thirty_first_rating_within_an_hour_is_a_429_with_retry_after() throws Exception {
        String token = tokens.resident("eager-" + UUID.randomUUID());
        for (int site = 1; site <= 30; site++) {
            rate(token, site).andExpect(status().isCreated());
        }

        rate(token, 31)
                .andExpect(status().isTooManyRequests())
                .andExpect(ApiContract.responseConforms())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
                .andExpect(jsonPath("$.code").value("TOO_MANY_REQUESTS"));
    }

    private ResultActions rate(String token, int site) throws Exception {
        String subject = "ic-%03d".formatted(site);
        return mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "key-eager-" + site + "-x").contentType(MediaType.APPLICATION_JSON)
                .content("{\"campaignCode\":\"illegal-construction\",\"formVersion\":1,\"subjectId\":\"" + subject + "\",\"regionCode\":\""
                        + RatingFixtures.regionOf(subject) + "\",\"level\":5,\"reasonTags\":[\"thorough\"]}"));
    }
}
