package org.haochaping.badreview.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.haochaping.badreview.CaseFixtures;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Tokens;
import org.haochaping.media.TestImages;
import org.haochaping.rating.RatingFixtures;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** The bad-review endpoints as a test calls them: who calls (an actor, signed as the provider would), and the bodies. */
final class CaseApi {

    private final MockMvc mvc;
    private final Tokens tokens;

    CaseApi(MockMvc mvc, Tokens tokens) {
        this.mvc = mvc;
        this.tokens = tokens;
    }

    ResultActions as(@Nullable Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (actor != null) {
            request.header("Authorization", "Bearer " + CaseFixtures.token(tokens, actor));
        }
        return mvc.perform(request);
    }

    ResultActions step(@Nullable Actor actor, String caseId, String step, String json) throws Exception {
        return as(actor, post("/api/v1/admin/bad-reviews/{id}/" + step, caseId).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions getCase(@Nullable Actor actor, String caseId) throws Exception {
        return as(actor, get("/api/v1/admin/bad-reviews/{id}", caseId));
    }

    long version(String caseId) throws Exception {
        String body = getCase(CaseFixtures.supervisor("api-version-reader"), caseId).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.version")).longValue();
    }

    ResultActions contact(Actor actor, String caseId, long version) throws Exception {
        return step(actor, caseId, "contact", """
                {"version":%d,"at":"%s","method":"PHONE","finding":"CONFIRMED","note":"电话联系，情况属实"}"""
                .formatted(version, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    ResultActions dispose(Actor actor, String caseId, long version, String kindAndTexts) throws Exception {
        return step(actor, caseId, "disposition", "{\"version\":%d,%s}".formatted(version, kindAndTexts));
    }

    ResultActions rectify(Actor actor, String caseId, long version, String evidence, String... photoIds) throws Exception {
        String photos = String.join(",", java.util.Arrays.stream(photoIds).map(id -> "\"" + id + "\"").toList());
        return step(actor, caseId, "rectification", """
                {"version":%d,"evidence":"%s","photoIds":[%s]}""".formatted(version, evidence, photos));
    }

    ResultActions appeal(Actor actor, String caseId, long version) throws Exception {
        return step(actor, caseId, "appeal", """
                {"version":%d,"reason":"MISTAKEN","evidence":"评价所指楼道不属于本小区"}""".formatted(version));
    }

    ResultActions decide(Actor actor, String caseId, long version, boolean approve) throws Exception {
        return step(actor, caseId, "appeal/decision", """
                {"version":%d,"approve":%s,"note":"经核查，%s"}""".formatted(version, approve, approve ? "申诉属实" : "申诉不成立"));
    }

    ResultActions reassign(Actor actor, String caseId, long version, String kind, String code) throws Exception {
        return step(actor, caseId, "reassignment", """
                {"version":%d,"unit":{"kind":"%s","code":"%s"},"reason":"属于该单位职责"}""".formatted(version, kind, code));
    }

    /** A resident's 差评 of a compound in 古韩镇, through the API; returns its id. */
    String badReview(Actor resident, String subjectId) throws Exception {
        String body = as(resident, post("/api/v1/ratings").header("Idempotency-Key", "loop-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"campaignCode":"property-management","formVersion":1,"subjectId":"%s","regionCode":"%s","level":2,
                         "reasonTags":["dirty"],"comment":"楼道灯坏了一个月"}""".formatted(subjectId, RatingFixtures.regionOf(subjectId))))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    ResultActions myRating(Actor resident, String id) throws Exception {
        return as(resident, get("/api/v1/me/ratings/{id}", id));
    }

    ResultActions rerate(Actor resident, String id, String key, String verdict) throws Exception {
        return as(resident, post("/api/v1/ratings/{id}/rerating", id).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"" + verdict + "\"}"));
    }

    ResultActions notifications(Actor reader) throws Exception {
        return as(reader, get("/api/v1/me/notifications"));
    }

    String upload(Actor uploader) throws Exception {
        String body = as(uploader, multipart("/api/v1/media").header("Idempotency-Key", java.util.UUID.randomUUID().toString()).file(new MockMultipartFile("file", "fix.png", "image/png",
                TestImages.png(12, 12)))).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    ResultActions photo(Actor reader, String id) throws Exception {
        return as(reader, get("/api/v1/media/{id}", id));
    }
}
