package org.haochaping.admin.badreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.haochaping.admin.base.BrowserTestBase;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseStatus;
import org.haochaping.badreview.Contact;
import org.haochaping.badreview.ContactMethod;
import org.haochaping.badreview.Finding;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case page and the queue per role, in a real browser: each official sees only the actions
 * their role allows on the case as it stands, a refusal or a conflict reads as the API's problem
 * in Chinese, and the queue filters as the address says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseViewBrowserTests extends BrowserTestBase {

    /** Another official of 古韩镇, acting on the same case from elsewhere. */
    static final Actor OTHER_GUHAN_HANDLER = new Actor("other-guhan-handler", "古韩镇另一办理员", Set.of(Role.HANDLER),
            "guhan-town", "140423100");

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = context -> context.getExecutionException()
            .ifPresent(failure -> browser.screenshot("failed-" + context.getRequiredTestMethod().getName()));

    @Autowired
    BadReviewHandling handling;

    Console console;
    /** A 差评 in 古韩镇 awaiting contact, left as it is. */
    String untouched;
    String conflicted;
    String disposed;
    /** A 差评 in 古韩镇 contacted (by another handler) before the tests. */
    String contacted;

    @BeforeAll
    void badReviews() throws Exception {
        console = new Console(browser);
        Residents residents = new Residents(base(), DATA);
        List<String> guhan = Residents.guhanCompounds();
        untouched = residents.rate("resident9", guhan.get(4), 2, List.of("parking-chaos"), "车位被占", List.of());
        conflicted = residents.rate("resident10", guhan.get(5), 1, List.of("dirty"), "垃圾没人收", List.of());
        disposed = residents.rate("resident11", guhan.get(6), 2, List.of("slow-repairs"), "电梯坏了一个月", List.of());
        contacted = residents.rate("resident12", guhan.get(7), 2, List.of("rude"), "保安态度恶劣", List.of());
        handling.recordContact(OTHER_GUHAN_HANDLER, contacted, handling.get(OTHER_GUHAN_HANDLER, contacted).getVersion(),
                new Contact(openedAt(contacted), ContactMethod.PHONE, Finding.CONFIRMED, ""));
    }

    @Test
    void the_handler_of_the_town_contacts_and_appeals_the_manager_reassigns_the_auditor_only_reads() {
        signIn("/cases/" + untouched, "handler-guhan");
        console.waitForText("case-status", "待回访");
        assertThat(forms()).containsExactlyInAnyOrder("contact-form", "appeal-form");

        signIn("/cases/" + untouched, "manager");
        console.waitForText("case-status", "待回访");
        assertThat(forms()).containsExactly("reassign-form");
        browser.screenshot("badreview-case-manager");

        signIn("/cases/" + untouched, "handler");
        console.waitForText("case-status", "待回访");
        assertThat(forms()).as("the lead department's handler sees the town's case, and does not handle it").isEmpty();

        signIn("/cases/" + untouched, "auditor");
        console.waitForText("case-status", "待回访");
        assertThat(console.has("case-actions")).isFalse();
        assertThat(console.text("case-timeline")).contains("生成差评工单");

        signIn("/cases/" + untouched, "supervisor");
        console.waitForText("case-status", "待回访");
        assertThat(forms()).as("supervisors reassign; nobody appealed yet").containsExactly("reassign-form");
    }

    @Test
    void an_official_of_another_department_is_refused_the_case_and_a_resident_the_queue() {
        signIn("/cases/" + untouched, "manager-approval");
        browser.waitForText("无权查看此工单");
        assertThat(console.text("case-refused")).isNotBlank();
        assertThat(browser.driver().getPageSource()).doesNotContain("车位被占");

        browser.signIn(base() + "/", "resident5", password("resident5"));
        browser.waitForText("无权访问管理平台");
        browser.driver().get(base() + "/cases");
        browser.waitForText("无权访问");
        assertThat(browser.driver().getPageSource()).doesNotContain("差评工单 · ");
    }

    @Test
    void when_someone_else_acted_first_the_handler_reads_why_and_sees_the_case_as_it_now_is() {
        signIn("/cases/" + conflicted, "handler-guhan");
        console.waitForText("case-status", "待回访");
        long shownVersion = handling.get(OTHER_GUHAN_HANDLER, conflicted).getVersion();
        handling.recordContact(OTHER_GUHAN_HANDLER, conflicted, shownVersion,
                new Contact(openedAt(conflicted), ContactMethod.VISIT, Finding.PARTLY_CONFIRMED, "上门核实"));

        console.choose("contact-method", "电话");
        console.choose("contact-finding", "属实");
        console.click("submit-contact");

        browser.waitForText("您查看之后，工单已被其他人处理。请刷新后重试。");
        console.waitForText("case-status", "已回访核实");
        assertThat(console.has("disposition-form")).isTrue();
        assertThat(console.text("case-handled")).contains("上门", "部分属实");
        browser.screenshot("badreview-case-conflict");
    }

    @Test
    void a_scheduled_fix_without_a_plan_is_refused_in_the_words_of_the_api_and_the_form_stays() {
        long version = handling.get(OTHER_GUHAN_HANDLER, disposed).getVersion();
        handling.recordContact(OTHER_GUHAN_HANDLER, disposed, version,
                new Contact(openedAt(disposed), ContactMethod.PHONE, Finding.CONFIRMED, ""));
        signIn("/cases/" + disposed, "handler-guhan");
        console.waitForText("case-status", "已回访核实");

        console.choose("disposition-kind", "限期整改");
        console.click("submit-disposition");

        browser.waitForText("限期整改需要填写整改方案。");
        assertThat(console.text("case-status")).isEqualTo("已回访核实");
        console.type("disposition-plan", "一个月内更换电梯主机，期间每日巡检。");
        console.click("submit-disposition");
        console.waitForText("case-status", "整改中");
        assertThat(console.text("case-handled")).contains("限期整改", "一个月内更换电梯主机");
        assertThat(handling.get(OTHER_GUHAN_HANDLER, disposed).getStatus()).isEqualTo(CaseStatus.RECTIFYING);
    }

    @Test
    void the_queue_filters_by_status_from_the_address_and_by_the_boxes() {
        signIn("/cases?status=AWAITING_CONTACT", "handler-guhan");
        console.byId("open-" + untouched);
        assertThat(browser.driver().findElements(By.id("open-" + contacted))).isEmpty();
        assertThat(console.text("case-grid")).doesNotContain("已回访核实");
        long awaitingContact = Long.parseLong(console.byId("case-total").getAttribute("data-total"));
        assertThat(awaitingContact).isPositive();

        browser.driver().get(base() + "/cases");
        console.byId("open-" + contacted);
        long all = Long.parseLong(console.byId("case-total").getAttribute("data-total"));
        assertThat(all).isGreaterThan(awaitingContact);

        console.click("filter-appeal-pending");
        browser.waiting(Duration.ofSeconds(30)).until(d -> Long.parseLong(d.findElement(By.id("case-total"))
                .getAttribute("data-total")) < all
                && d.findElements(By.id("open-" + contacted)).stream().noneMatch(link -> link.isDisplayed()));
        browser.screenshot("badreview-queue-filtered");
    }

    /** The action forms on the page. */
    private List<String> forms() {
        return browser.driver().findElements(By.cssSelector("#case-actions vaadin-form-layout")).stream()
                .map(form -> form.getDomAttribute("id")).toList();
    }

    /** A contact time the case accepts: its opening (no earlier, and no later than now). */
    private Instant openedAt(String caseId) {
        return handling.get(OTHER_GUHAN_HANDLER, caseId).getOpenedAt();
    }

    private void signIn(String path, String username) {
        browser.signIn(base() + "/", username, password(username));
        browser.waiting(Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("current-user")).isEmpty());
        browser.driver().get(base() + path);
    }
}
