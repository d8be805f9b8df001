package org.haochaping.admin.badreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.haochaping.admin.base.BrowserTestBase;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseOutcome;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.satisfaction.SatisfactionQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole loop of a 差评 in a real browser (issue 9): a resident rates through the REST API; the
 * town's handler contacts the resident, fixes the problem at once and completes it with a photo in
 * the console; the resident re-rates; the lead department's manager sees the case closed 满意; and
 * a supervisor approves the handler's appeal on another 差评, after which the campaign counts one
 * rating less.
 */
class BadReviewLoopBrowserTests extends BrowserTestBase {

    static final String CAMPAIGN = "property-management";

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = context -> context.getExecutionException()
            .ifPresent(failure -> browser.screenshot("failed-" + context.getRequiredTestMethod().getName()));

    @Autowired
    BadReviewHandling handling;
    @Autowired
    SatisfactionQueries queries;

    @Test
    void a_bad_review_is_contacted_fixed_with_a_photo_rerated_and_an_appealed_one_leaves_the_figures() throws Exception {
        Residents residents = new Residents(base(), DATA);
        Console console = new Console(browser);
        List<String> guhan = Residents.guhanCompounds();

        // A resident of 古韩镇 gives 非常不满意 with reasons, a comment and a photo, through the API.
        String photo = residents.uploadPhoto("resident7", new Color(0x8d, 0x6e, 0x63));
        String caseId = residents.rate("resident7", guhan.get(0), 1, List.of("dirty", "slow-repairs"),
                "楼道垃圾堆了一周没人清理", List.of(photo));

        // The town's handler finds it in the queue, with the counts on the navigation and the bell.
        signIn("/cases", "handler-guhan");
        console.byId("open-" + caseId);
        assertThat(Long.parseLong(console.text("nav-open-cases").replace(",", ""))).isPositive();
        assertThat(console.has("nav-appeals")).as("申诉复核 is for supervisors").isFalse();
        console.click("case-bell");
        assertThat(console.text("alert-assigned")).startsWith("新分派待回访");
        browser.screenshot("badreview-queue-handler");
        browser.driver().get(base() + "/cases/" + caseId);

        // The case page shows the rating with its reasons, comment and photo, and the contact form only.
        console.waitForText("case-status", "待回访");
        assertThat(console.text("case-level")).isEqualTo("非常不满意");
        assertThat(console.text("case-reasons")).isEqualTo("卫生脏乱、维修不及时");
        assertThat(console.text("case-comment")).isEqualTo("楼道垃圾堆了一周没人清理");
        browser.waiting(Duration.ofSeconds(30)).until(d -> console.imagesLoaded("rating-photos", 1));
        assertThat(console.has("contact-form")).isTrue();
        assertThat(console.has("disposition-form") || console.has("rectification-form") || console.has("reassign-form")
                || console.has("decision-form")).isFalse();
        browser.screenshot("badreview-case-awaiting-contact");

        // 回访核实 by phone, 属实.
        console.choose("contact-method", "电话");
        console.choose("contact-finding", "属实");
        console.type("contact-note", "已电话联系业主，情况属实，物业承诺当天清理。");
        console.click("submit-contact");
        console.waitForText("case-status", "已回访核实");

        // 立行立改.
        console.choose("disposition-kind", "立行立改");
        console.click("submit-disposition");
        console.waitForText("case-status", "整改中");

        // 整改完成 with a photo uploaded in the console.
        console.type("rectification-evidence", "楼道垃圾已清运，物业已建立每日巡查制度。");
        console.upload("rectification-photos", Residents.pngFile(new Color(0x43, 0xa0, 0x47)));
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .as("the media store takes the handler's evidence photo").doesNotContain("照片未能上传");
        console.click("submit-rectification");
        console.waitForText("case-status", "待复评");
        assertThat(console.text("case-evidence")).endsWith("楼道垃圾已清运，物业已建立每日巡查制度。");
        browser.waiting(Duration.ofSeconds(30)).until(d -> console.imagesLoaded("evidence-photos", 1));
        assertThat(console.text("case-timeline")).contains("生成差评工单", "回访核实", "确定处理方式", "整改完成");
        browser.screenshot("badreview-case-rectified");

        // The lead department's manager reads 整改满意率 on the dashboard; the resident re-rates the fix 满意,
        // through the API as the app does; the manager sees the rate move.
        signIn("/", "manager");
        String rateBefore = console.text("handling-satisfaction-rate");
        residents.rerate("resident7", caseId, "SATISFIED");
        browser.waiting(Duration.ofSeconds(30)).until(d -> {
            d.get(base() + "/");
            return !console.text("handling-satisfaction-rate").equals(rateBefore);
        });
        browser.screenshot("badreview-dashboard-rate-moved");
        Actor resident7 = new Actor("resident7", "居民7", Set.of(Role.RESIDENT), null, null);
        assertThat(handling.ofMyRating(resident7, caseId).orElseThrow().getOutcome()).isEqualTo(CaseOutcome.SATISFIED);

        // The lead department's manager sees the case closed 满意, with nothing left to do on it.
        signIn("/cases/" + caseId, "manager");
        console.waitForText("case-status", "已办结");
        assertThat(console.text("case-outcome")).startsWith("满意");
        assertThat(console.text("case-timeline")).contains("群众复评", "满意", "办结");
        assertThat(console.has("case-actions")).isFalse();
        browser.screenshot("badreview-case-closed-manager");

        // Another 差评 in the town, which the handler holds to be malicious, appeals.
        long before = settledCount();
        String appealed = residents.rate("resident8", guhan.get(2), 2, List.of("rude"), "态度差", List.of());
        browser.waiting(Duration.ofSeconds(30)).until(d -> settledCount() == before + 1);
        signIn("/cases/" + appealed, "handler-guhan");
        console.waitForText("case-status", "待回访");
        console.select("appeal-reason", "恶意差评");
        console.type("appeal-evidence", "该住户与物业存在经济纠纷，当日并未在小区。");
        console.click("submit-appeal");
        browser.waiting(Duration.ofSeconds(30)).until(d -> console.has("case-appeal"));
        assertThat(console.text("case-appeal")).startsWith("恶意差评").endsWith("待复核");
        assertThat(console.has("appeal-form")).as("one appeal per case").isFalse();
        assertThat(console.has("decision-form")).as("a handler does not decide").isFalse();

        // The supervisor sees the campaign's count with it, the appeal in the bell and in 申诉复核, and approves it.
        signIn("/", "supervisor");
        browser.waiting(Duration.ofSeconds(30)).until(d -> dashboardCount(console) == before + 1);
        console.click("case-bell");
        assertThat(console.text("alert-appeals")).startsWith("申诉待复核");
        browser.screenshot("badreview-bell-supervisor");
        console.click("alert-appeals");
        console.byId("open-" + appealed);
        assertThat(console.text("appeal-grid")).contains("申诉中");
        browser.screenshot("badreview-appeals-supervisor");
        console.click("open-" + appealed);
        console.waitForText("case-status", "待回访");
        console.type("decision-note", "经核实，该评价与办理事项无关。");
        console.click("approve-appeal");
        console.waitForText("case-status", "已办结");
        assertThat(console.text("case-outcome")).startsWith("申诉成立");
        assertThat(handling.get(supervisorActor(), appealed).getStatus()).isEqualTo(CaseStatus.CLOSED);
        browser.screenshot("badreview-appeal-approved");

        browser.driver().get(base() + "/");
        browser.waiting(Duration.ofSeconds(30)).until(d -> dashboardCount(console) == before);
        assertThat(queries.campaignTotal(CAMPAIGN).count()).isEqualTo(before);
        browser.screenshot("badreview-dashboard-after-appeal");
    }

    /** Signs in (the provider sends officials to the dashboard) and opens {@code path}. */
    private void signIn(String path, String username) {
        browser.signIn(base() + "/", username, password(username));
        browser.waiting(Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("current-user")).isEmpty());
        if (!path.equals("/")) {
            browser.driver().get(base() + path);
        }
    }

    /** The campaign's rating count once the rollups have caught up with what was submitted. */
    private long settledCount() {
        long count = queries.campaignTotal(CAMPAIGN).count();
        while (true) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            }
            long again = queries.campaignTotal(CAMPAIGN).count();
            if (again == count) {
                return count;
            }
            count = again;
        }
    }

    private static long dashboardCount(Console console) {
        var cards = console.driver().findElements(By.id("count-" + CAMPAIGN));
        return cards.isEmpty() ? -1 : Long.parseLong(cards.getFirst().getAttribute("data-count"));
    }

    private static Actor supervisorActor() {
        return new Actor("loop-test-supervisor", "监督员", Set.of(Role.SUPERVISOR), null, "140423");
    }
}
