package org.haochaping.admin.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.haochaping.admin.base.BrowserTestBase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Officials sign in through the embedded provider's page; residents are refused; logout ends the session. */
class ConsoleLoginBrowserTests extends BrowserTestBase {

    @Test
    void a_signed_out_visitor_is_sent_to_the_chinese_sign_in_page() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(base() + "/");

        browser.waitForText("统一身份认证");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(base() + "/idp/login");
        assertThat(browser.driver().getTitle()).contains("登录");
        browser.screenshot("sign-in");
    }

    @Test
    void an_auditor_signs_in_sees_name_role_and_the_audit_log_and_signs_out() {
        browser.signIn(base() + "/", "auditor", password("auditor"));

        browser.waitForText("十大攻坚行动");
        assertThat(browser.driver().findElement(By.id("current-user")).getText()).isEqualTo("县审计员 · 审计员");
        browser.driver().findElement(By.cssSelector("vaadin-side-nav-item[path='audit-log']")).click();
        browser.waitForText("县审计员 · 审计员");
        browser.waitForText("identity-provider");
        browser.screenshot("audit-log");

        browser.driver().findElement(By.id("logout")).click();
        browser.waiting(Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().startsWith(base() + "/idp/login"));
    }

    @Test
    void a_manager_does_not_see_the_audit_log() {
        browser.signIn(base() + "/", "manager", password("manager"));

        browser.waitForText("十大攻坚行动");
        assertThat(browser.driver().findElement(By.tagName("vaadin-side-nav")).getText()).doesNotContain("审计日志");
        browser.driver().get(base() + "/audit-log");
        browser.waitForText("无权访问此页面");
        assertThat(browser.driver().getPageSource()).doesNotContain("操作人");
    }

    @Test
    void a_resident_is_refused() {
        browser.signIn(base() + "/", "resident5", password("resident5"));

        browser.waitForText("无权访问管理平台");
        assertThat(browser.driver().findElement(By.id("refused")).getText()).isEqualTo("无权访问管理平台");
        assertThat(browser.driver().getPageSource()).doesNotContain("十大攻坚行动");
        browser.screenshot("resident-refused");
    }
}
