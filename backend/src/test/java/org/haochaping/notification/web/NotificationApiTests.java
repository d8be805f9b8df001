package org.haochaping.notification.web;

import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.haochaping.IntegrationTest;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.badreview.DispositionKind;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.media.PhotoLibrary;
import org.haochaping.rating.RatingSubmission;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** A resident's notifications through the API: newest first, page by page, the unread count, marking read; the problems. */
@IntegrationTest
class NotificationApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    RatingSubmission submission;
    @Autowired
    BadReviewHandling handling;
    @Autowired
    PhotoLibrary photos;

    Actor resident;
    String caseId;

    /** Contacted, a 限期整改 plan, fixed: three notifications. */
    @BeforeEach
    void aCaseHandledUpToTheFix() {
        CaseFixtures cases = new CaseFixtures(submission, handling, photos);
        resident = CaseFixtures.resident("notified-" + UUID.randomUUID());
        Actor handler = CaseFixtures.townHandler("notifier-" + UUID.randomUUID());
        caseId = cases.badReview(resident, "pm-011", List.of());
        cases.disposed(caseId, handler, DispositionKind.SCHEDULED);
        cases.rectified(caseId, handler, List.of());
    }

    @Test
    void notifications_come_newest_first_page_by_page_and_are_marked_read_up_to_one_or_by_id() throws Exception {
        String first = as(resident, get("/api/v1/me/notifications").param("limit", "2"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.unread").value(3))
                .andExpect(jsonPath("$.items[*].type", contains("RECTIFIED", "DISPOSED")))
                .andExpect(jsonPath("$.items[1].title").value("承办单位制定了整改方案"))
                .andExpect(jsonPath("$.items[1].body").value("古韩镇将限期整改，整改方案：三日内更换楼道灯"))
                .andExpect(jsonPath("$.items[0].ratingId").value(caseId))
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andReturn().getResponse().getContentAsString();
        String cursor = JsonPath.read(first, "$.nextCursor");
        String disposed = JsonPath.read(first, "$.items[1].id");
        String fixed = JsonPath.read(first, "$.items[0].id");
        as(resident, get("/api/v1/me/notifications").param("limit", "2").param("cursor", cursor))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items[*].type", contains("CONTACTED")))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());

        read(resident, "{\"upTo\":\"" + disposed + "\"}").andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.unread").value(1));
        as(resident, get("/api/v1/me/notifications")).andExpect(jsonPath("$.items[*].read", contains(false, true, true)));
        read(resident, "{\"ids\":[\"" + fixed + "\",\"1.someone-elses.1\"]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(0));
        read(resident, "{\"upTo\":\"" + disposed + "\"}").andExpect(jsonPath("$.unread").value(0));

        as(resident, get("/api/v1/me/notifications").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[0].title").value("Fixed: please re-rate"))
                .andExpect(jsonPath("$.items[1].body").value("Guhan Town will fix it by a date. The plan: 三日内更换楼道灯"));
    }

    @Test
    void others_have_none_of_them_and_bad_requests_are_problems() throws Exception {
        as(CaseFixtures.resident("someone-" + UUID.randomUUID()), get("/api/v1/me/notifications"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items", hasSize(0))).andExpect(jsonPath("$.unread").value(0));
        as(CaseFixtures.official("official-" + UUID.randomUUID(), Set.of(Role.SUPERVISOR), null, null), get("/api/v1/me/notifications"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(0)));
        as(null, get("/api/v1/me/notifications")).andExpect(status().isUnauthorized()).andExpect(responseConforms());
        as(resident, get("/api/v1/me/notifications").param("limit", "0")).andExpect(status().isBadRequest()).andExpect(responseConforms());
        as(resident, get("/api/v1/me/notifications").param("cursor", "bm90LWEtY3Vyc29y")).andExpect(status().isBadRequest())
                .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("INVALID_CURSOR"));

        read(resident, "{}").andExpect(status().isUnprocessableContent()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("NOTHING_TO_MARK_READ"));
        read(resident, "{\"upTo\":null,\"ids\":null}").andExpect(status().isUnprocessableContent());
        read(resident, "{\"upTo\":\"not-an-id\"}").andExpect(status().isBadRequest()).andExpect(responseConforms())
                .andExpect(jsonPath("$.errors[0].field").value("upTo"));
        read(resident, "{\"all\":true}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("all"));
        read(null, "{\"upTo\":\"1.abcdefghij.1\"}").andExpect(status().isUnauthorized()).andExpect(responseConforms());
        as(resident, get("/api/v1/me/notifications")).andExpect(jsonPath("$.unread").value(3));
    }

    private ResultActions read(@Nullable Actor reader, String json) throws Exception {
        return as(reader, post("/api/v1/me/notifications/read").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions as(@Nullable Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (actor != null) {
            request.header("Authorization", "Bearer " + CaseFixtures.token(tokens, actor));
        }
        return mvc.perform(request);
    }
}
