package org.haochaping.rating;

import static org.haochaping.ApiContract.responseConforms;
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

/**
 * The contract declares {@code reasonTags} and {@code photoIds} {@code uniqueItems}: an element
 * given twice is a 400 problem naming its second occurrence, not silently merged into one.
 */
@IntegrationTest
class UniqueElementsTests {

    static final String PHOTO = "0123456789abcdef01234567";

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    ResultActions submitBadReview(String arrays) throws Exception {
        return mvc.perform(post("/api/v1/ratings")
                .header("Authorization", "Bearer " + tokens.resident("unique-" + UUID.randomUUID()))
                .header("Idempotency-Key", "unique-" + UUID.randomUUID())
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"campaignCode":"property-management","formVersion":1,"subjectId":"pm-022","regionCode":"%s","level":2,%s}
                        """.formatted(RatingFixtures.regionOf("pm-022"), arrays)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "reasonTags":["dirty","dirty"]                 | reasonTags[1]
            "reasonTags":["dirty","rude","dirty"]          | reasonTags[2]
            "reasonTags":["dirty"],"photoIds":["%1$s","%1$s"] | photoIds[1]
            """)
    void an_element_given_twice_is_a_400_naming_the_repeat(String arrays, String named) throws Exception {
        submitBadReview(arrays.formatted(PHOTO))
                .andExpect(status().isBadRequest())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value(named))
                .andExpect(jsonPath("$.errors[0].message").value("repeats an earlier element (the elements of this list must be unique)"));
    }

    @Test
    void distinct_elements_are_kept_in_the_order_sent() throws Exception {
        submitBadReview("\"reasonTags\":[\"rude\",\"dirty\"]")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reasonTags[0]").value("rude"))
                .andExpect(jsonPath("$.reasonTags[1]").value("dirty"));
    }
}
