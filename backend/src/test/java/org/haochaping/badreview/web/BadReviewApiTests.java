package org.haochaping.badreview.web;

import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Each endpoint of the officials' API (tag {@code bad-reviews}) and the residents' re-rating, with
 * every problem the server answers: 400 for what the contract forbids, 401 without a token, 403 for
 * a role or scope that does not allow it, 404 for no such case, 409 for a step the case does not
 * allow now, 422 for content the step cannot take; each response held to the contract.
 */
@IntegrationTest
class BadReviewApiTests {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    static final String UNKNOWN_CASE = "NoSuchCase0123456789";

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

    CaseApi api;
    CaseFixtures cases;
    Actor handler;
    Actor supervisor;
    Actor resident;

    @BeforeEach
    void callers() {
        api = new CaseApi(mvc, tokens);
        cases = new CaseFixtures(submission, handling, photos);
        handler = CaseFixtures.townHandler("api-handler-" + UUID.randomUUID());
        supervisor = CaseFixtures.supervisor("api-supervisor-" + UUID.randomUUID());
        resident = CaseFixtures.resident("api-resident-" + UUID.randomUUID());
    }

    @Test
    void the_queue_lists_the_callers_cases_filtered_and_paged_and_refuses_bad_parameters() throws Exception {
        String first = cases.badReview();
        String second = cases.badReview();
        cases.contacted(second, handler);
        api.as(handler, get("/api/v1/admin/bad-reviews").param("status", "AWAITING_DISPOSITION").param("limit", "100"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items[*].id", hasItem(second)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(first))))
                .andExpect(jsonPath("$.items[*].status", everyItem(is("AWAITING_DISPOSITION"))));
        String page = api.as(supervisor, get("/api/v1/admin/bad-reviews").param("campaign", "property-management").param("limit", "1"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").exists())
                .andReturn().getResponse().getContentAsString();
        api.as(supervisor, get("/api/v1/admin/bad-reviews").param("campaign", "property-management").param("limit", "1")
                        .param("cursor", com.jayway.jsonpath.JsonPath.<String>read(page, "$.nextCursor")))
                .andExpect(status().isOk()).andExpect(conforms());
        Actor elsewhere = CaseFixtures.official("api-other-town-" + UUID.randomUUID(), Set.of(Role.HANDLER), "xiliang-town", "140423101");
        api.as(elsewhere, get("/api/v1/admin/bad-reviews").param("limit", "100")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem(first))));

        api.as(null, get("/api/v1/admin/bad-reviews")).andExpect(status().isUnauthorized()).andExpect(responseConforms());
        api.as(resident, get("/api/v1/admin/bad-reviews")).andExpect(status().isForbidden()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        for (String[] bad : List.of(new String[] {"limit", "0"}, new String[] {"limit", "101"}, new String[] {"status", "OPEN"},
                new String[] {"town", "古韩镇"}, new String[] {"dueSoon", "maybe"})) {
            api.as(handler, get("/api/v1/admin/bad-reviews").param(bad[0], bad[1])).andExpect(status().isBadRequest())
                    .andExpect(responseConforms());
        }
        api.as(handler, get("/api/v1/admin/bad-reviews").param("cursor", "bm90LWEtY3Vyc29y")).andExpect(status().isBadRequest())
                .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void a_case_is_for_officials_in_scope_and_an_unknown_one_is_a_404() throws Exception {
        String id = cases.badReview();
        api.getCase(handler, id).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.leadDepartment.code").value(CaseFixtures.LEAD))
                .andExpect(jsonPath("$.leadDepartment.name.zh").value("县住房和城乡建设管理局"))
                .andExpect(jsonPath("$.unit.name.zh").value("古韩镇"))
                .andExpect(jsonPath("$.timeline[0].type").value("OPENED"))
                .andExpect(jsonPath("$.dueSoon").isBoolean());
        api.getCase(CaseFixtures.official("api-auditor", Set.of(Role.AUDITOR), null, null), id).andExpect(status().isOk())
                .andExpect(jsonPath("$.actions").isEmpty());
        api.getCase(null, id).andExpect(status().isUnauthorized()).andExpect(responseConforms());
        api.getCase(resident, id).andExpect(status().isForbidden()).andExpect(responseConforms());
        api.getCase(resident, UNKNOWN_CASE).andExpect(status().isForbidden()).andExpect(responseConforms());
        api.getCase(CaseFixtures.official("api-other-manager", Set.of(Role.MANAGER), "approval-services", null), id)
                .andExpect(status().isForbidden()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        api.getCase(handler, UNKNOWN_CASE).andExpect(status().isNotFound()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("CASE_NOT_FOUND"))
                .andExpect(jsonPath("$.title").value("工单不存在"));
        api.getCase(handler, "bad id!").andExpect(status().isBadRequest()).andExpect(responseConforms());
    }

    @Test
    void contact_refuses_a_bad_body_the_wrong_caller_a_stale_version_a_second_contact_and_a_time_in_the_future() throws Exception {
        String id = cases.badReview();
        long version = api.version(id);
        api.step(handler, id, "contact", "{\"version\":" + version + ",\"method\":\"PHONE\",\"finding\":\"CONFIRMED\"}")
                .andExpect(status().isBadRequest()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value("at"));
        api.step(handler, id, "contact", contact(version, Instant.now(), "FAX")).andExpect(status().isBadRequest())
                .andExpect(responseConforms()).andExpect(jsonPath("$.errors[0].field").value("method"));
        api.step(handler, id, "contact", contact(version, Instant.now().plus(1, ChronoUnit.HOURS), "PHONE"))
                .andExpect(status().isUnprocessableContent()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("CONTACT_TIME_OUT_OF_RANGE"));
        api.step(handler, id, "contact", contact(version, Instant.parse("2020-01-01T00:00:00Z"), "PHONE"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("CONTACT_TIME_OUT_OF_RANGE"));
        api.step(null, id, "contact", contact(version, Instant.now(), "PHONE")).andExpect(status().isUnauthorized())
                .andExpect(responseConforms());
        for (Actor notHandling : List.of(supervisor, CaseFixtures.leadManager("api-manager"),
                CaseFixtures.official("api-auditor", Set.of(Role.AUDITOR), null, null), resident)) {
            api.step(notHandling, id, "contact", contact(version, Instant.now(), "PHONE")).andExpect(status().isForbidden())
                    .andExpect(responseConforms());
        }
        api.step(handler, UNKNOWN_CASE, "contact", contact(version, Instant.now(), "PHONE")).andExpect(status().isNotFound())
                .andExpect(responseConforms());
        api.step(handler, id, "contact", contact(version + 1, Instant.now(), "PHONE")).andExpect(status().isConflict())
                .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("CASE_CHANGED"));
        api.step(handler, id, "contact", contact(version, Instant.now(), "VISIT")).andExpect(status().isOk()).andExpect(conforms());
        api.step(handler, id, "contact", contact(version + 1, Instant.now(), "VISIT")).andExpect(status().isConflict())
                .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("ILLEGAL_CASE_TRANSITION"));
        api.step(handler, id, "contact", "{\"version\":1,\"at\":\"" + Instant.now() + "\",\"method\":\"PHONE\","
                + "\"finding\":\"CONFIRMED\",\"isAdmin\":true}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("isAdmin"));
        api.as(handler, post("/api/v1/admin/bad-reviews/{id}/contact", id).contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(responseConforms());
        api.step(handler, id, "contact", "{\"version\":1,\"note\":\"" + "x".repeat(70_000) + "\"}")
                .andExpect(status().isPayloadTooLarge()).andExpect(responseConforms());
    }

    @Test
    void a_disposition_needs_its_plan_or_explanation_and_a_due_date_within_the_limit() throws Exception {
        String id = cases.badReview();
        api.dispose(handler, id, api.version(id), "\"kind\":\"IMMEDIATE\"").andExpect(status().isConflict())
                .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("ILLEGAL_CASE_TRANSITION"))
                .andExpect(jsonPath("$.detail").exists());
        long version = cases.contacted(id, handler).getVersion();
        LocalDate today = LocalDate.now(COUNTY);
        expect422(api.dispose(handler, id, version, "\"kind\":\"SCHEDULED\",\"plan\":\"  \""), "PLAN_REQUIRED");
        expect422(api.dispose(handler, id, version, "\"kind\":\"EXPLANATION\""), "EXPLANATION_REQUIRED");
        expect422(api.dispose(handler, id, version, "\"kind\":\"IMMEDIATE\",\"dueDate\":\"" + today.plusDays(1) + "\""),
                "DUE_DATE_ONLY_FOR_SCHEDULED");
        expect422(api.dispose(handler, id, version, "\"kind\":\"SCHEDULED\",\"plan\":\"p\",\"dueDate\":\"" + today.plusDays(60) + "\""),
                "DUE_DATE_BEYOND_LIMIT");
        expect422(api.dispose(handler, id, version, "\"kind\":\"SCHEDULED\",\"plan\":\"p\",\"dueDate\":\"" + today.minusDays(1) + "\""),
                "DUE_DATE_IN_PAST");
        api.dispose(handler, id, version, "\"kind\":\"SCHEDULED\",\"plan\":\"" + "方".repeat(1001) + "\"")
                .andExpect(status().isBadRequest()).andExpect(responseConforms()).andExpect(jsonPath("$.errors[0].field").value("plan"));
        api.dispose(handler, id, version, "\"kind\":\"LATER\"").andExpect(status().isBadRequest()).andExpect(responseConforms());
        api.dispose(CaseFixtures.leadManager("api-manager"), id, version, "\"kind\":\"IMMEDIATE\"")
                .andExpect(status().isForbidden()).andExpect(responseConforms());
        api.dispose(handler, id, version, "\"kind\":\"SCHEDULED\",\"plan\":\"一周内更换\",\"dueDate\":null")
                .andExpect(status().isOk()).andExpect(conforms()).andExpect(jsonPath("$.disposition.plan").value("一周内更换"));
    }

    @Test
    void a_rectification_needs_evidence_and_takes_only_the_callers_own_free_photos() throws Exception {
        String id = cases.badReview();
        long version = cases.disposed(id, handler, DispositionKind.IMMEDIATE).getVersion();
        String mine = api.upload(handler);
        String othersPhoto = api.upload(CaseFixtures.townHandler("api-colleague-" + UUID.randomUUID()));
        expect422(api.rectify(handler, id, version, "   ", mine), "EVIDENCE_REQUIRED");
        expect422(api.rectify(handler, id, version, "已完成", othersPhoto), "UNKNOWN_PHOTO");
        expect422(api.rectify(handler, id, version, "已完成", "0123456789abcdef01234567"), "UNKNOWN_PHOTO");
        api.rectify(handler, id, version, "已完成", mine, mine).andExpect(status().isBadRequest()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
        String[] seven = cases.photos(handler, 7).toArray(String[]::new);
        api.rectify(handler, id, version, "已完成", seven).andExpect(status().isBadRequest()).andExpect(responseConforms())
                .andExpect(jsonPath("$.errors[0].field").value("photoIds"));
        api.rectify(handler, id, version, "", mine).andExpect(status().isBadRequest()).andExpect(responseConforms());
        api.rectify(handler, id, version, "已完成", mine).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.rectification.evidence").value("已完成"));
        api.rectify(handler, id, version + 1, "再次完成").andExpect(status().isConflict()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("ILLEGAL_CASE_TRANSITION"));

        String another = cases.badReview();
        long anotherVersion = cases.disposed(another, handler, DispositionKind.IMMEDIATE).getVersion();
        expect422(api.rectify(handler, another, anotherVersion, "同一张照片", mine), "UNKNOWN_PHOTO");
    }

    @Test
    void reassignment_is_for_the_lead_departments_manager_and_supervisors_with_a_reason_to_a_known_unit() throws Exception {
        String id = cases.badReview();
        long version = api.version(id);
        Actor manager = CaseFixtures.leadManager("api-manager-" + UUID.randomUUID());
        api.reassign(handler, id, version, "DEPARTMENT", "urban-management").andExpect(status().isForbidden()).andExpect(responseConforms());
        api.reassign(CaseFixtures.official("api-other-manager", Set.of(Role.MANAGER), "approval-services", null), id, version,
                "DEPARTMENT", "urban-management").andExpect(status().isForbidden());
        expect422(api.reassign(manager, id, version, "TOWN", "999999999"), "UNKNOWN_UNIT");
        expect422(api.reassign(manager, id, version, "TOWN", "140423100001"), "UNKNOWN_UNIT");
        expect422(api.reassign(manager, id, version, "DEPARTMENT", "Urban-Management"), "UNKNOWN_UNIT");
        api.reassign(manager, id, version, "DEPARTMENT", "urban_management").andExpect(status().isBadRequest())
                .andExpect(responseConforms());
        api.reassign(manager, id, version, "COUNTY", "urban-management").andExpect(status().isBadRequest());
        expect422(api.step(manager, id, "reassignment", """
                {"version":%d,"unit":{"kind":"DEPARTMENT","code":"urban-management"},"reason":" "}""".formatted(version)),
                "REASSIGNMENT_REASON_REQUIRED");
        api.reassign(manager, id, version, "TOWN", CaseFixtures.TOWN).andExpect(status().isConflict()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("ALREADY_ASSIGNED"));
        api.reassign(manager, id, version, "DEPARTMENT", "urban-management").andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.unit.code").value("urban-management"))
                .andExpect(jsonPath("$.timeline[-1].type").value("REASSIGNED"))
                .andExpect(jsonPath("$.timeline[-1].note").value("属于该单位职责"));
        api.getCase(handler, id).andExpect(status().isForbidden()).andExpect(responseConforms());
        Actor urban = CaseFixtures.official("api-urban-" + UUID.randomUUID(), Set.of(Role.HANDLER), "urban-management", null);
        api.getCase(urban, id).andExpect(status().isOk()).andExpect(jsonPath("$.actions", contains("CONTACT", "APPEAL")));
    }

    @Test
    void appeals_are_filed_once_by_a_handler_and_decided_by_a_supervisor_with_a_note() throws Exception {
        String id = cases.badReview();
        long version = api.version(id);
        api.appeal(CaseFixtures.leadManager("api-manager"), id, version).andExpect(status().isForbidden()).andExpect(responseConforms());
        api.appeal(supervisor, id, version).andExpect(status().isForbidden());
        expect422(api.step(handler, id, "appeal", "{\"version\":%d,\"reason\":\"MISTAKEN\",\"evidence\":\"\\t\"}".formatted(version)),
                "EVIDENCE_REQUIRED");
        api.step(handler, id, "appeal", "{\"version\":%d,\"reason\":\"DISLIKED\",\"evidence\":\"e\"}".formatted(version))
                .andExpect(status().isBadRequest()).andExpect(responseConforms()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.decide(supervisor, id, version, false).andExpect(status().isConflict()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("NO_PENDING_APPEAL"));
        version = cases.appealed(id, handler).getVersion();
        api.appeal(handler, id, version).andExpect(status().isConflict()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("ALREADY_APPEALED"));
        api.decide(handler, id, version, true).andExpect(status().isForbidden()).andExpect(responseConforms());
        api.decide(CaseFixtures.official("api-auditor", Set.of(Role.AUDITOR), null, null), id, version, true)
                .andExpect(status().isForbidden());
        expect422(api.step(supervisor, id, "appeal/decision", "{\"version\":%d,\"approve\":true,\"note\":\" \"}".formatted(version)),
                "DECISION_NOTE_REQUIRED");
        api.step(supervisor, id, "appeal/decision", "{\"version\":%d,\"approve\":\"yes\",\"note\":\"n\"}".formatted(version))
                .andExpect(status().isBadRequest()).andExpect(responseConforms());
        api.getCase(supervisor, id).andExpect(jsonPath("$.rating.invalidated").value(false))
                .andExpect(jsonPath("$.version").value((int) version));
        api.decide(supervisor, id, version, false).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.appeal.state").value("REJECTED"))
                .andExpect(jsonPath("$.appeal.decidedBy").value(supervisor.subject()));
    }

    @Test
    void the_routing_is_read_by_officials_and_configured_by_supervisors_with_valid_deadlines() throws Exception {
        String path = "/api/v1/admin/campaigns/{code}/case-routing";
        api.as(handler, get(path, "soe-reform")).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.route").value("LEAD_DEPARTMENT"))
                .andExpect(jsonPath("$.contactDays").value(1));
        api.as(handler, get(path, "property-management")).andExpect(jsonPath("$.route").value("TOWN"));
        api.as(resident, get(path, "soe-reform")).andExpect(status().isForbidden()).andExpect(responseConforms());
        api.as(null, get(path, "soe-reform")).andExpect(status().isUnauthorized()).andExpect(responseConforms());
        api.as(handler, get(path, "no-such-campaign")).andExpect(status().isNotFound()).andExpect(responseConforms());
        long version = com.jayway.jsonpath.JsonPath.<Number>read(api.as(handler, get(path, "soe-reform")).andReturn().getResponse()
                .getContentAsString(), "$.version").longValue();

        routing(CaseFixtures.leadManager("api-manager"), "soe-reform", version, "LEAD_DEPARTMENT", null, 1, 5, 15)
                .andExpect(status().isForbidden()).andExpect(responseConforms());
        expect422(routing(supervisor, "soe-reform", version, "LEAD_DEPARTMENT", null, 5, 2, 15), "INVALID_DEADLINES");
        expect422(routing(supervisor, "soe-reform", version, "DEPARTMENT", null, 1, 5, 15), "DEPARTMENT_REQUIRED");
        routing(supervisor, "soe-reform", version, "LEAD_DEPARTMENT", null, 1, 5, 61).andExpect(status().isBadRequest())
                .andExpect(responseConforms()).andExpect(jsonPath("$.errors[0].field").value("scheduledDays"));
        routing(supervisor, "no-such-campaign", version, "LEAD_DEPARTMENT", null, 1, 5, 15).andExpect(status().isNotFound());
        routing(supervisor, "soe-reform", version + 7, "LEAD_DEPARTMENT", null, 1, 5, 15).andExpect(status().isConflict())
                .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("ROUTING_CHANGED"));
        String saved = routing(supervisor, "soe-reform", version, "DEPARTMENT", "state-assets", 2, 6, 20)
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.configured").value(true))
                .andExpect(jsonPath("$.department").value("state-assets"))
                .andReturn().getResponse().getContentAsString();
        long stored = com.jayway.jsonpath.JsonPath.<Number>read(saved, "$.version").longValue();
        routing(supervisor, "soe-reform", stored, "LEAD_DEPARTMENT", null, 1, 5, 15).andExpect(status().isOk())
                .andExpect(jsonPath("$.department").doesNotExist());
    }

    @Test
    void rerating_needs_a_key_and_a_verdict_and_a_case_that_awaits_it() throws Exception {
        String id = cases.badReview(resident, "pm-009", List.of());
        api.rerate(resident, id, "key-" + UUID.randomUUID(), "SATISFIED").andExpect(status().isConflict())
                .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("NOT_AWAITING_RERATING"))
                .andExpect(jsonPath("$.title").value("目前不能复评"));
        api.as(resident, post("/api/v1/ratings/{id}/rerating", id).header("Accept-Language", "en").header("Idempotency-Key", "key-12345678")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"SATISFIED\"}"))
                .andExpect(jsonPath("$.title").value("Not open for re-rating"));
        cases.disposed(id, handler, DispositionKind.EXPLANATION);
        api.as(resident, post("/api/v1/ratings/{id}/rerating", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"SATISFIED\"}"))
                .andExpect(status().isBadRequest()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value("MISSING_PARAMETER"));
        api.rerate(resident, id, "short", "SATISFIED").andExpect(status().isBadRequest()).andExpect(responseConforms());
        api.rerate(resident, id, "key-" + UUID.randomUUID(), "HAPPY").andExpect(status().isBadRequest()).andExpect(responseConforms())
                .andExpect(jsonPath("$.errors[0].field").value("verdict"));
        api.rerate(resident, "NoSuchRating01234", "key-" + UUID.randomUUID(), "SATISFIED").andExpect(status().isNotFound())
                .andExpect(responseConforms());
        api.as(null, post("/api/v1/ratings/{id}/rerating", id).header("Idempotency-Key", "key-12345678")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"SATISFIED\"}"))
                .andExpect(status().isUnauthorized()).andExpect(responseConforms());

        String good = com.jayway.jsonpath.JsonPath.read(api.as(resident, post("/api/v1/ratings").header("Idempotency-Key", "good-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"campaignCode":"property-management","formVersion":1,"subjectId":"pm-010","regionCode":"%s","level":5,"reasonTags":["clean"]}"""
                        .formatted(org.haochaping.rating.RatingFixtures.regionOf("pm-010"))))
                .andReturn().getResponse().getContentAsString(), "$.id");
        api.rerate(resident, good, "key-" + UUID.randomUUID(), "SATISFIED").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_AWAITING_RERATING"));
        api.myRating(resident, good).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("RECORDED")).andExpect(jsonPath("$.handling").doesNotExist());
        api.rerate(resident, id, "key-" + UUID.randomUUID(), "UNSATISFIED").andExpect(status().isOk()).andExpect(conforms());
    }

    private ResultActions routing(Actor actor, String campaign, long version, String route, String department, int contact,
            int immediate, int scheduled) throws Exception {
        return api.as(actor, put("/api/v1/admin/campaigns/{code}/case-routing", campaign).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"version":%d,"route":"%s","department":%s,"contactDays":%d,"immediateDays":%d,"scheduledDays":%d}"""
                        .formatted(version, route, department == null ? "null" : "\"" + department + "\"", contact, immediate, scheduled)));
    }

    private static String contact(long version, Instant at, String method) {
        return """
                {"version":%d,"at":"%s","method":"%s","finding":"NOT_CONFIRMED"}""".formatted(version,
                at.truncatedTo(ChronoUnit.MILLIS), method);
    }

    private static void expect422(ResultActions result, String code) throws Exception {
        result.andExpect(status().isUnprocessableContent()).andExpect(responseConforms()).andExpect(jsonPath("$.code").value(code));
    }
}
