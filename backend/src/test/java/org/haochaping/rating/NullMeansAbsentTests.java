package org.haochaping.rating;

import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Clients generated from the contract (e.g. Kotlin with kotlinx serialization) send {@code null}
 * for every optional field they leave unset: that must mean "absent", while a null inside a list
 * or map is a 400 problem naming the element.
 */
@IntegrationTest
class NullMeansAbsentTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    ResultActions submit(String resident, String json) throws Exception {
        return submitWithToken(tokens.resident(resident), json);
    }

    ResultActions submitWithToken(String token, String json) throws Exception {
        return mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "null-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void every_optional_field_sent_as_null_is_stored_as_absent() throws Exception {
        String resident = "null-" + UUID.randomUUID();
        String created = submit(resident, """
                {"campaignCode":"property-management","formVersion":1,"subjectId":"pm-020","regionCode":"%s","level":4,
                 "indicatorScores":null,"reasonTags":null,"comment":null,"photoIds":null,
                 "clientSubmittedAt":null,"caseNumber":null}
                """.formatted(RatingFixtures.regionOf("pm-020")))
                .andExpect(status().isCreated())
                // Only the response: the validator reads a nullable $ref to an enum as not allowing null,
                // while the contract (nullable, "null means absent") and the server do.
                .andExpect(responseConforms())
                .andReturn().getResponse().getContentAsString();

        mvc.perform(get("/api/v1/me/ratings/{id}", (String) JsonPath.read(created, "$.id"))
                        .header("Authorization", "Bearer " + tokens.resident(resident)))
                .andExpect(status().isOk())
                .andExpect(conforms())
                .andExpect(jsonPath("$.level").value(4))
                .andExpect(jsonPath("$.subjectId").value("pm-020"))
                .andExpect(jsonPath("$.reasonTags", empty()))
                .andExpect(jsonPath("$.photoIds", empty()))
                .andExpect(jsonPath("$.indicatorScores", anyOf(nullValue(), anEmptyMap())))
                .andExpect(jsonPath("$.comment").doesNotExist())
                .andExpect(jsonPath("$.caseNumber").doesNotExist())
                .andExpect(jsonPath("$.clientSubmittedAt").doesNotExist())
                .andExpect(jsonPath("$.channel").value("APP"));
    }

    @Test
    void a_campaign_wide_rating_with_a_null_subject_rates_the_campaign() throws Exception {
        submitWithToken(tokens.residentLivingIn("null-" + UUID.randomUUID(), "140423101"), """
                {"campaignCode":"soe-reform","formVersion":1,"subjectId":null,"regionCode":"140423101","level":5,
                 "indicatorScores":null,"reasonTags":null,"photoIds":null}
                """)
                .andExpect(status().isCreated())
                .andExpect(conforms())
                .andExpect(jsonPath("$.subjectId").doesNotExist());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "reasonTags":[null]                     | reasonTags[0]
            "reasonTags":["dirty",null]             | reasonTags[1]
            "photoIds":[null]                       | photoIds[0]
            "indicatorScores":{"overall":null}      | indicatorScores.overall
            """)
    void a_null_element_is_a_400_naming_it(String field, String named) throws Exception {
        submit("null-" + UUID.randomUUID(), """
                {"campaignCode":"property-management","formVersion":1,"subjectId":"pm-021","regionCode":"%s","level":2,%s}
                """.formatted(RatingFixtures.regionOf("pm-021"), field))
                .andExpect(status().isBadRequest())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value(named));
    }

    @Test
    void a_null_required_field_is_a_400_naming_it() throws Exception {
        submit("null-" + UUID.randomUUID(), """
                {"campaignCode":"property-management","formVersion":1,"subjectId":"pm-021","regionCode":"%s","level":null}
                """.formatted(RatingFixtures.regionOf("pm-021")))
                .andExpect(status().isBadRequest())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        mvc.perform(post("/api/v1/ratings/{id}/follow-ups", "abcdefghij12")
                        .header("Authorization", "Bearer " + tokens.resident("null-follow")).header("Idempotency-Key", "null-follow-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":null}"))
                .andExpect(status().isBadRequest())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
    }
}
