package org.haochaping.badreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.haochaping.IntegrationTest;
import org.haochaping.badreview.CaseFixtures;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The whole loop through the API, as a resident's app and a 12345 hotline integration would drive
 * it: a 差评 is contacted about, fixed with a photo, re-rated and closed; 不满意 twice sends it to
 * the lead department (督办); two officials acting at once cannot both win; an appeal is never
 * decided by its filer, and an upheld one takes the rating out of the campaign's count.
 */
@IntegrationTest
class BadReviewLoopIntegrationTests {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;

    CaseApi api;
    Actor resident;
    Actor handler;

    @BeforeEach
    void callers() {
        api = new CaseApi(mvc, tokens);
        resident = CaseFixtures.resident("loop-resident-" + UUID.randomUUID());
        handler = CaseFixtures.townHandler("loop-handler-" + UUID.randomUUID());
    }

    @Test
    void a_bad_review_is_contacted_about_fixed_with_a_photo_rerated_satisfied_and_closed() throws Exception {
        String id = api.badReview(resident, "pm-003");
        api.myRating(resident, id).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("AWAITING_CONTACT"))
                .andExpect(jsonPath("$.handling.status").value("AWAITING_CONTACT"))
                .andExpect(jsonPath("$.handling.statusText").value("等待承办单位回访"))
                .andExpect(jsonPath("$.handling.unitName.zh").value("古韩镇"))
                .andExpect(jsonPath("$.handling.steps[*].type", contains("OPENED")))
                .andExpect(jsonPath("$.handling.canRerate").value(false));

        api.as(handler, get("/api/v1/admin/bad-reviews").param("town", CaseFixtures.TOWN).param("status", "AWAITING_CONTACT")
                        .param("limit", "100"))
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
        String seen = api.getCase(handler, id).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("AWAITING_CONTACT"))
                .andExpect(jsonPath("$.unit.kind").value("TOWN"))
                .andExpect(jsonPath("$.unit.code").value(CaseFixtures.TOWN))
                .andExpect(jsonPath("$.rating.level").value(2))
                .andExpect(jsonPath("$.rating.reasonTags", contains("dirty")))
                .andExpect(jsonPath("$.rating.comment").value("楼道灯坏了一个月"))
                .andExpect(jsonPath("$.actions", contains("CONTACT", "APPEAL")))
                .andExpect(jsonPath("$.resident").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(seen).doesNotContain(resident.subject());
        long version = ((Number) JsonPath.read(seen, "$.version")).longValue();

        version = versionOf(api.contact(handler, id, version).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("AWAITING_DISPOSITION"))
                .andExpect(jsonPath("$.contact.method").value("PHONE")));
        LocalDate due = LocalDate.now(COUNTY).plusDays(3);
        version = versionOf(api.dispose(handler, id, version,
                        "\"kind\":\"SCHEDULED\",\"plan\":\"三日内更换楼道灯\",\"dueDate\":\"" + due + "\"")
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("RECTIFYING"))
                .andExpect(jsonPath("$.disposition.kind").value("SCHEDULED"))
                .andExpect(jsonPath("$.dueAt").value(due.plusDays(1).atStartOfDay(COUNTY).toInstant().toString())));
        api.myRating(resident, id).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("BEING_HANDLED"))
                .andExpect(jsonPath("$.handling.status").value("RECTIFYING"))
                .andExpect(jsonPath("$.handling.disposition").value("SCHEDULED"))
                .andExpect(jsonPath("$.handling.fixDueAt").exists())
                .andExpect(jsonPath("$.handling.steps[2].title").value("承办单位制定了整改方案，限期整改"))
                .andExpect(jsonPath("$.handling.steps[2].text").value("三日内更换楼道灯"));

        String photo = api.upload(handler);
        api.rectify(handler, id, version, "已更换楼道灯，见照片", photo).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("AWAITING_RERATING"))
                .andExpect(jsonPath("$.rectification.photoIds", contains(photo)));
        api.myRating(resident, id).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("FIXED_AWAITING_RERATING"))
                .andExpect(jsonPath("$.handling.status").value("AWAITING_RERATING"))
                .andExpect(jsonPath("$.handling.canRerate").value(true))
                .andExpect(jsonPath("$.handling.rerateBy").exists())
                .andExpect(jsonPath("$.handling.evidencePhotoIds", contains(photo)))
                .andExpect(jsonPath("$.handling.steps[*].type", contains("OPENED", "CONTACTED", "DISPOSED", "RECTIFIED")));

        api.photo(resident, photo).andExpect(status().isOk());
        api.photo(CaseFixtures.resident("loop-stranger-" + UUID.randomUUID()), photo).andExpect(status().isNotFound());
        api.photo(CaseFixtures.leadManager("loop-manager"), photo).andExpect(status().isOk());
        api.photo(CaseFixtures.official("loop-other-manager", Set.of(Role.MANAGER), "approval-services", null), photo)
                .andExpect(status().isForbidden());

        api.notifications(resident).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.unread").value(3))
                .andExpect(jsonPath("$.items[*].type", contains("RECTIFIED", "DISPOSED", "CONTACTED")))
                .andExpect(jsonPath("$.items[1].body").value("古韩镇将限期整改，整改方案：三日内更换楼道灯"))
                .andExpect(jsonPath("$.items[0].title").value("整改已完成，请您复评"));
        api.as(resident, get("/api/v1/me/notifications").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[0].title").value("Fixed: please re-rate"));

        String key = "rerate-" + UUID.randomUUID();
        api.rerate(resident, id, key, "SATISFIED").andExpect(status().isOk()).andExpect(conforms())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.handling.status").value("CLOSED"))
                .andExpect(jsonPath("$.handling.outcome").value("SATISFIED"))
                .andExpect(jsonPath("$.handling.statusText").value("已办结（您对整改满意）"))
                .andExpect(jsonPath("$.handling.canRerate").value(false));
        api.rerate(resident, id, key, "SATISFIED").andExpect(status().isOk()).andExpect(conforms())
                .andExpect(header().string("Idempotent-Replayed", "true"));
        api.rerate(resident, id, key, "UNSATISFIED").andExpect(status().isUnprocessableContent()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        api.rerate(resident, id, "rerate-" + UUID.randomUUID(), "UNSATISFIED").andExpect(status().isConflict())
                .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("NOT_AWAITING_RERATING"));

        api.getCase(handler, id).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("SATISFIED"))
                .andExpect(jsonPath("$.reratings", hasSize(1)))
                .andExpect(jsonPath("$.actions", hasSize(0)));
        api.notifications(resident).andExpect(jsonPath("$.items[0].type").value("CLOSED"))
                .andExpect(jsonPath("$.unread").value(4));
    }

    @Test
    void unsatisfied_twice_reopens_the_case_once_then_sends_it_to_the_lead_departments_manager() throws Exception {
        String id = api.badReview(resident, "pm-004");
        long version = versionOf(api.contact(handler, id, api.version(id)));
        version = versionOf(api.dispose(handler, id, version, "\"kind\":\"IMMEDIATE\""));
        api.rectify(handler, id, version, "已清扫楼道").andExpect(status().isOk());
        api.rerate(resident, id, "first-" + UUID.randomUUID(), "UNSATISFIED").andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.handling.status").value("CONTACTED"))
                .andExpect(jsonPath("$.handling.steps[-1].type").value("REOPENED"))
                .andExpect(jsonPath("$.handling.unitName.zh").value("古韩镇"));

        version = versionOf(api.getCase(handler, id).andExpect(jsonPath("$.reopenings").value(1))
                .andExpect(jsonPath("$.supervised").value(false)).andExpect(jsonPath("$.status").value("AWAITING_DISPOSITION")));
        api.dispose(handler, id, version, "\"kind\":\"EXPLANATION\",\"explanation\":\"保洁已按合同每日两次清扫\"")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("AWAITING_RERATING"));
        api.myRating(resident, id).andExpect(jsonPath("$.handling.steps[-1].title").value("承办单位作出了解释说明"))
                .andExpect(jsonPath("$.handling.steps[-1].text").value("保洁已按合同每日两次清扫"))
                .andExpect(jsonPath("$.handling.canRerate").value(true));
        api.rerate(resident, id, "second-" + UUID.randomUUID(), "UNSATISFIED").andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.handling.steps[-1].type").value("SUPERVISED"))
                .andExpect(jsonPath("$.handling.unitName.zh").value("县住房和城乡建设管理局"));

        Actor manager = CaseFixtures.leadManager("loop-lead-manager-" + UUID.randomUUID());
        version = versionOf(api.getCase(manager, id).andExpect(status().isOk())
                .andExpect(jsonPath("$.supervised").value(true))
                .andExpect(jsonPath("$.escalation").value("MANAGER"))
                .andExpect(jsonPath("$.unit.kind").value("DEPARTMENT"))
                .andExpect(jsonPath("$.unit.code").value(CaseFixtures.LEAD))
                .andExpect(jsonPath("$.actions", hasItem("DISPOSE"))));
        api.dispose(handler, id, version, "\"kind\":\"IMMEDIATE\"").andExpect(status().isForbidden()).andExpect(responseConforms());
        api.dispose(manager, id, version, "\"kind\":\"IMMEDIATE\"").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECTIFYING"));
        api.notifications(resident).andExpect(jsonPath("$.items[*].type", hasItem("SUPERVISED")))
                .andExpect(jsonPath("$.items[*].type", hasItem("REOPENED")));
    }

    @Test
    void two_officials_acting_at_once_one_wins_and_the_other_gets_409_case_changed() throws Exception {
        Actor other = CaseFixtures.townHandler("loop-other-handler-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String id = api.badReview(CaseFixtures.resident("race-" + UUID.randomUUID()), "pm-00" + (1 + round));
                long version = api.version(id);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<MockHttpServletResponse>> both = new ArrayList<>();
                for (Actor official : List.of(handler, other)) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return api.contact(official, id, version).andReturn().getResponse();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<MockHttpServletResponse> answer : both) {
                    MockHttpServletResponse response = answer.get();
                    statuses.add(response.getStatus());
                    if (response.getStatus() == 409) {
                        assertThat(JsonPath.<String>read(response.getContentAsString(), "$.code")).isEqualTo("CASE_CHANGED");
                    }
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
                api.getCase(handler, id).andExpect(jsonPath("$.timeline[?(@.type == 'CONTACTED')]", hasSize(1)))
                        .andExpect(jsonPath("$.version").value((int) version + 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_stale_version_is_a_409_and_changes_nothing() throws Exception {
        String id = api.badReview(resident, "pm-005");
        long version = api.version(id);
        api.contact(handler, id, version).andExpect(status().isOk());
        api.dispose(handler, id, version, "\"kind\":\"IMMEDIATE\"").andExpect(status().isConflict()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("CASE_CHANGED"))
                .andExpect(jsonPath("$.title").value("工单已被他人更新"));
        api.getCase(handler, id).andExpect(jsonPath("$.status").value("AWAITING_DISPOSITION"))
                .andExpect(jsonPath("$.version").value((int) version + 1));
    }

    @Test
    void an_appeal_is_never_decided_by_its_filer_even_a_supervisor_and_an_upheld_one_drops_the_campaigns_count()
            throws Exception {
        Actor handlerAndSupervisor = CaseFixtures.official("loop-both-" + UUID.randomUUID(), Set.of(Role.HANDLER, Role.SUPERVISOR),
                "guhan-town", CaseFixtures.TOWN);
        Actor supervisor = CaseFixtures.supervisor("loop-supervisor-" + UUID.randomUUID());
        String id = api.badReview(resident, "pm-006");
        long counted = summaryCount();

        long version = versionOf(api.appeal(handlerAndSupervisor, id, api.version(id)).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.appeal.state").value("PENDING"))
                .andExpect(jsonPath("$.appeal.filedBy").value(handlerAndSupervisor.subject()))
                .andExpect(jsonPath("$.actions", not(hasItem("DECIDE_APPEAL")))));
        api.decide(handlerAndSupervisor, id, version, true).andExpect(status().isConflict()).andExpect(responseConforms())
                .andExpect(jsonPath("$.code").value("OWN_APPEAL"));
        api.decide(handlerAndSupervisor, id, version, false).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("OWN_APPEAL"));
        api.getCase(supervisor, id).andExpect(jsonPath("$.actions", hasItem("DECIDE_APPEAL")))
                .andExpect(jsonPath("$.version").value((int) version));
        assertThat(summaryCount()).as("nothing changed by the refused decision").isEqualTo(counted);

        api.decide(supervisor, id, version, true).andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("APPEAL_UPHELD"))
                .andExpect(jsonPath("$.appeal.state").value("APPROVED"))
                .andExpect(jsonPath("$.rating.invalidated").value(true));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (summaryCount() != counted - 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(summaryCount()).as("the campaign's count once the rollups flushed").isEqualTo(counted - 1);

        api.myRating(resident, id).andExpect(conforms())
                .andExpect(jsonPath("$.handling.outcome").value("EXCLUDED_AFTER_REVIEW"))
                .andExpect(jsonPath("$.handling.steps[*].type", hasItem("APPEAL_APPROVED")))
                .andExpect(jsonPath("$.handling.steps[*].text", not(hasItem(containsString("申诉属实")))));
        api.notifications(resident).andExpect(jsonPath("$.items[*].type", contains("APPEAL_APPROVED")))
                .andExpect(jsonPath("$.items[0].title").value("经复核，您的评价不计入统计"));
    }

    @Test
    void a_rejected_appeal_lets_the_case_go_on_and_the_resident_is_not_told() throws Exception {
        String id = api.badReview(resident, "pm-007");
        long version = versionOf(api.appeal(handler, id, api.version(id)).andExpect(status().isOk()));
        version = versionOf(api.decide(CaseFixtures.supervisor("loop-supervisor"), id, version, false)
                .andExpect(status().isOk()).andExpect(conforms())
                .andExpect(jsonPath("$.status").value("AWAITING_CONTACT"))
                .andExpect(jsonPath("$.appeal.state").value("REJECTED")));
        api.appeal(handler, id, version).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_APPEALED"));
        api.contact(handler, id, version).andExpect(status().isOk());
        api.myRating(resident, id).andExpect(jsonPath("$.handling.steps[*].type", contains("OPENED", "CONTACTED")));
        api.notifications(resident).andExpect(jsonPath("$.items[*].type", contains("CONTACTED")));
    }

    @Test
    void only_the_rater_may_rerate_anyone_else_gets_a_404() throws Exception {
        String id = api.badReview(resident, "pm-008");
        long version = versionOf(api.contact(handler, id, api.version(id)));
        api.dispose(handler, id, version, "\"kind\":\"EXPLANATION\",\"explanation\":\"已说明\"").andExpect(status().isOk());

        for (Actor someoneElse : List.of(CaseFixtures.resident("loop-intruder-" + UUID.randomUUID()), handler,
                CaseFixtures.supervisor("loop-supervisor"))) {
            api.rerate(someoneElse, id, "intruder-" + UUID.randomUUID(), "SATISFIED").andExpect(status().isNotFound())
                    .andExpect(responseConforms()).andExpect(jsonPath("$.code").value("RATING_NOT_FOUND"));
        }
        api.rerate(resident, id, "owner-" + UUID.randomUUID(), "BASICALLY_SATISFIED").andExpect(status().isOk())
                .andExpect(jsonPath("$.handling.outcome").value("BASICALLY_SATISFIED"));
    }

    private long summaryCount() throws Exception {
        String body = mvc.perform(get("/api/v1/campaigns/property-management/summary")).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.count")).longValue();
    }

    private static long versionOf(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.version")).longValue();
    }
}
