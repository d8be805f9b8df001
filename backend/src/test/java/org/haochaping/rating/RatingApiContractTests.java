package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The rating endpoints, each response and each error held to the api-spec contract. */
@IntegrationTest
class RatingApiContractTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    static String body(String subject, int level, String reasons) {
        return """
                {"campaignCode":"property-management","formVersion":1,"subjectId":"%s","regionCode":"%s","level":%d,
                 "reasonTags":[%s],"indicatorScores":{"overall":%d},"comment":"楼道灯坏了一个月"}
                """.formatted(subject, RatingFixtures.regionOf(subject), level, reasons, level);
    }

    ResultActions submit(String resident, String key, String json) throws Exception {
        return mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident(resident))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void a_rating_is_created_and_a_retry_returns_the_same_one() throws Exception {
        String resident = "contract-" + UUID.randomUUID();
        String json = body("pm-003", 2, "\"slow-repairs\"");

        String first = submit(resident, "key-first-0001", json)
                .andExpect(status().isCreated())
                .andExpect(conforms())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/me/ratings/")))
                .andExpect(jsonPath("$.status").value("AWAITING_CONTACT"))
                .andExpect(jsonPath("$.resident").doesNotExist())
                .andExpect(jsonPath("$.provenance").doesNotExist())
                .andReturn().getResponse().getContentAsString();

        String retry = submit(resident, "key-first-0001", json)
                .andExpect(status().isCreated())
                .andExpect(conforms())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat(retry).isEqualTo(first);
    }

    @Test
    void the_same_key_with_another_body_is_a_422() throws Exception {
        String resident = "contract-" + UUID.randomUUID();
        submit(resident, "key-reused-0001", body("pm-004", 5, "\"clean\"")).andExpect(status().isCreated());

        submit(resident, "key-reused-0001", body("pm-004", 4, "\"clean\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void a_second_rating_of_the_same_subject_is_a_409() throws Exception {
        String resident = "contract-" + UUID.randomUUID();
        submit(resident, "key-second-0001", body("pm-005", 5, "\"clean\"")).andExpect(status().isCreated());

        submit(resident, "key-second-0002", body("pm-005", 1, "\"dirty\""))
                .andExpect(status().isConflict())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("ALREADY_RATED"))
                .andExpect(jsonPath("$.type").value("https://haochaping.org/problems/already-rated"));
    }

    @Test
    void a_bad_review_without_a_reason_is_rejected_in_chinese_or_english() throws Exception {
        submit("contract-" + UUID.randomUUID(), "key-noreason-01", body("pm-006", 1, ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("REASON_REQUIRED"))
                .andExpect(jsonPath("$.title").value("差评需要说明理由"));
        mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident("en-" + UUID.randomUUID()))
                        .header("Accept-Language", "en").header("Idempotency-Key", "key-noreason-02")
                        .contentType(MediaType.APPLICATION_JSON).content(body("pm-006", 1, "")))
                .andExpect(jsonPath("$.title").value("A bad review needs a reason"));
    }

    @Test
    void unknown_campaign_subject_and_tag_are_problems() throws Exception {
        String resident = "contract-" + UUID.randomUUID();
        submit(resident, "key-unknown-01", body("pm-007", 5, "\"clean\"").replace("property-management", "no-such-campaign"))
                .andExpect(status().isNotFound()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value("CAMPAIGN_NOT_FOUND"));
        submit(resident, "key-unknown-02", body("pm-007", 5, "\"clean\"").replace("pm-007", "pm-999"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_SUBJECT"));
        submit(resident, "key-unknown-03", body("pm-007", 5, "\"made-up\""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("UNKNOWN_REASON_TAG"));
    }

    @Test
    void a_missing_idempotency_key_is_a_400() throws Exception {
        mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident("resident1"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("pm-008", 5, "\"clean\"")))
                .andExpect(status().isBadRequest())
                .andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("MISSING_PARAMETER"));
    }

    @Test
    void my_ratings_come_newest_first_page_by_page_and_only_mine() throws Exception {
        String resident = "pages-" + UUID.randomUUID();
        for (int i = 10; i <= 14; i++) {
            submit(resident, "key-page-" + i + "-00", body("pm-0" + i, 4, "\"clean\"")).andExpect(status().isCreated());
        }
        submit("someone-else-" + UUID.randomUUID(), "key-page-other", body("pm-010", 4, "\"clean\"")).andExpect(status().isCreated());

        String firstPage = mvc.perform(get("/api/v1/me/ratings").param("limit", "3")
                        .header("Authorization", "Bearer " + tokens.resident(resident)))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[0].subjectId").value("pm-014"))
                .andExpect(jsonPath("$.nextCursor", notNullValue()))
                .andReturn().getResponse().getContentAsString();
        String cursor = JsonPath.read(firstPage, "$.nextCursor");

        mvc.perform(get("/api/v1/me/ratings").param("limit", "3").param("cursor", cursor)
                        .header("Authorization", "Bearer " + tokens.resident(resident)))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[1].subjectId").value("pm-010"))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void another_residents_rating_does_not_exist_for_me_even_by_its_id() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String created = submit(owner, "key-owner-0001", body("pm-015", 3, "\"clean\""))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(get("/api/v1/me/ratings/{id}", id).header("Authorization", "Bearer " + tokens.resident(owner)))
                .andExpect(status().isOk()).andExpect(conforms()).andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/me/ratings/{id}", id).header("Authorization", "Bearer " + tokens.resident("intruder")))
                .andExpect(status().isNotFound()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value("RATING_NOT_FOUND"));
        mvc.perform(post("/api/v1/ratings/{id}/follow-ups", id).header("Authorization", "Bearer " + tokens.resident("intruder"))
                        .header("Idempotency-Key", "intruder-follow-1").contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"不是我的\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void follow_ups_are_appended_up_to_three() throws Exception {
        String owner = "follow-" + UUID.randomUUID();
        String id = JsonPath.read(submit(owner, "key-follow-0001", body("pm-016", 2, "\"slow-repairs\""))
                .andReturn().getResponse().getContentAsString(), "$.id");
        for (int i = 1; i <= 3; i++) {
            for (int attempt = 0; attempt < 2; attempt++) { // the retry after a timeout adds nothing
                mvc.perform(post("/api/v1/ratings/{id}/follow-ups", id).header("Authorization", "Bearer " + tokens.resident(owner))
                                .header("Idempotency-Key", "follow-key-" + i)
                                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"追评" + i + "\"}"))
                        .andExpect(status().isCreated()).andExpect(conforms())
                        .andExpect(header().string("Idempotent-Replayed", String.valueOf(attempt == 1)))
                        .andExpect(jsonPath("$.followUps", hasSize(i)))
                        .andExpect(jsonPath("$.level").value(2));
            }
        }
        mvc.perform(post("/api/v1/ratings/{id}/follow-ups", id).header("Authorization", "Bearer " + tokens.resident(owner))
                        .header("Idempotency-Key", "follow-key-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"另一条\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        mvc.perform(post("/api/v1/ratings/{id}/follow-ups", id).header("Authorization", "Bearer " + tokens.resident(owner))
                        .header("Idempotency-Key", "follow-key-4")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"第四次\"}"))
                .andExpect(status().isConflict()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value("FOLLOW_UP_LIMIT"));
    }

    @Test
    void the_public_summary_is_cacheable_and_reflects_a_new_rating_at_once() throws Exception {
        MockHttpServletResponse before = mvc.perform(get("/api/v1/campaigns/illegal-construction/summary"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andReturn().getResponse();
        String etag = before.getHeader("ETag");
        String summary = before.getContentAsString();
        int count = JsonPath.read(summary, "$.count");
        int veryDissatisfied = JsonPath.read(summary, "$.distribution[4].count");
        int dissatisfied = JsonPath.read(summary, "$.distribution[3].count");
        mvc.perform(get("/api/v1/campaigns/illegal-construction/summary").header("If-None-Match", etag))
                .andExpect(status().isNotModified());

        mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident("sum-" + UUID.randomUUID()))
                        .header("Idempotency-Key", "key-summary-01").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"campaignCode\":\"illegal-construction\",\"formVersion\":1,\"subjectId\":\"ic-009\",\"regionCode\":\""
                                + RatingFixtures.regionOf("ic-009") + "\",\"level\":1,\"reasonTags\":[\"not-thorough\"]}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/campaigns/illegal-construction/summary").header("If-None-Match", etag))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)))
                .andExpect(jsonPath("$.distribution[4].level").value(1))
                .andExpect(jsonPath("$.count").value(count + 1))
                .andExpect(jsonPath("$.distribution[4].count").value(veryDissatisfied + 1))
                .andExpect(jsonPath("$.badRate").value(org.hamcrest.Matchers.closeTo(
                        100.0 * (veryDissatisfied + dissatisfied + 1) / (count + 1), 0.01)));
    }

    @Test
    void regions_and_subjects_are_public_and_subjects_come_nearest_first() throws Exception {
        mvc.perform(get("/api/v1/regions")).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items[0].code").value("140423"))
                .andExpect(jsonPath("$.items[?(@.name.zh == '古韩镇')].level").value("TOWN"));
        String page = mvc.perform(get("/api/v1/campaigns/illegal-construction/subjects").param("limit", "50"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items", hasSize(50)))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/campaigns/illegal-construction/subjects").param("limit", "50")
                        .param("cursor", (String) JsonPath.read(page, "$.nextCursor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(7)))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(get("/api/v1/campaigns/property-management/subjects").param("lat", "36.5295").param("lng", "113.04744").param("limit", "2"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items[0].id").value("pm-001")) // standing at 康馨苑
                .andExpect(jsonPath("$.items[0].distanceMeters").value(0));
        mvc.perform(get("/api/v1/campaigns/property-management/subjects").param("region", "140423103"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains("pm-018")))
                .andExpect(jsonPath("$.items[0].regionCode").value(org.hamcrest.Matchers.startsWith("140423103")));
    }

    @Test
    void a_forged_cursor_and_an_impossible_position_are_400s() throws Exception {
        mvc.perform(get("/api/v1/campaigns/property-management/subjects").param("cursor", "bm90LWEtY3Vyc29y"))
                .andExpect(status().isBadRequest()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value("INVALID_CURSOR"));
        mvc.perform(get("/api/v1/campaigns/property-management/subjects").param("lat", "95.0").param("lng", "113.0"))
                .andExpect(status().isBadRequest()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
        mvc.perform(get("/api/v1/campaigns/property-management/subjects").param("lat", "36.5"))
                .andExpect(status().isBadRequest()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void a_rating_filled_against_an_older_form_is_refused_with_the_current_form() throws Exception {
        String resident = "stale-form-" + UUID.randomUUID();
        mvc.perform(post("/api/v1/ratings").header("Authorization", "Bearer " + tokens.resident(resident))
                        .header("Idempotency-Key", "stale-form-key-1").contentType(MediaType.APPLICATION_JSON)
                        .content(("{\"campaignCode\":\"property-management\",\"formVersion\":7,\"subjectId\":\"pm-019\","
                                + "\"regionCode\":\"%s\",\"level\":4}").formatted(RatingFixtures.regionOf("pm-019"))))
                .andExpect(status().isConflict()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("FORM_CHANGED"))
                .andExpect(jsonPath("$.ratingForm.version").value(1))
                .andExpect(jsonPath("$.ratingForm.badReasons[0].code").value("dirty"));
        mvc.perform(get("/api/v1/me/ratings").header("Authorization", "Bearer " + tokens.resident(resident)))
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/v1/campaigns/property-management")).andExpect(jsonPath("$.ratingForm.version").value(1));
    }

    @Test
    void subjects_are_found_by_a_part_of_their_name_in_chinese_or_english() throws Exception {
        mvc.perform(get("/api/v1/campaigns/property-management/subjects").param("q", "康馨"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains("pm-001")));
        mvc.perform(get("/api/v1/campaigns/property-management/subjects").param("q", "no such compound"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void public_reads_carry_an_etag_and_revalidate_to_a_304_that_carries_it_too() throws Exception {
        for (String path : List.of("/api/v1/campaigns", "/api/v1/campaigns/property-management", "/api/v1/regions",
                "/api/v1/campaigns/property-management/subjects")) {
            var first = mvc.perform(get(path)).andExpect(status().isOk()).andExpect(conforms()).andReturn().getResponse();
            String etag = first.getHeader("ETag");
            assertThat(etag).as(path).isNotBlank();
            assertThat(first.getHeader("Cache-Control")).as(path).contains("max-age");
            mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified())
                    .andExpect(conforms()).andExpect(header().string("ETag", etag));
        }
    }
}
