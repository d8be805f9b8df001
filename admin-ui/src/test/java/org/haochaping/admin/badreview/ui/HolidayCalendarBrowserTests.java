package org.haochaping.admin.badreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.haochaping.admin.base.BrowserTestBase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The holiday calendar in a real browser: reached from the side navigation, the shipped 2026
 * arrangement shown, and a year nobody entered flagged. (Editing is covered without a browser,
 * in {@link HolidayCalendarViewTests}.)
 */
class HolidayCalendarBrowserTests extends BrowserTestBase {

    @Test
    void a_supervisor_finds_the_calendar_in_the_navigation_and_sees_an_unentered_year_flagged() {
        browser.signIn(base() + "/", "supervisor", password("supervisor"));
        browser.waitForText("满意度仪表盘");
        browser.driver().findElement(By.cssSelector("vaadin-side-nav-item[path='holiday-calendar']")).click();
        browser.waiting(Duration.ofSeconds(60)).until(driver -> driver.findElement(By.id("holiday-days")).getText()
                .contains("2026-02-15（星期日）"));

        browser.screenshot("holiday-calendar-2026");
        assertThat(browser.driver().getTitle()).contains("节假日日历");
        assertThat(browser.driver().findElement(By.id("make-up-days")).getText()).contains("2026-02-28（星期六）");
        assertThat(browser.driver().findElement(By.id("working-day-summary")).getText()).contains("2026 年共有 248 个工作日");
        // An invisible component is not sent to the browser at all.
        assertThat(browser.driver().findElements(By.id("unarranged-warning"))).noneMatch(WebElement::isDisplayed);

        WebElement year = browser.driver().findElement(By.cssSelector("#year input"));
        year.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2099", Keys.ENTER);
        browser.waiting(Duration.ofSeconds(30)).until(driver -> driver.findElements(By.id("unarranged-warning")).stream().anyMatch(WebElement::isDisplayed));
        browser.screenshot("holiday-calendar-unentered-year");
        assertThat(browser.driver().findElement(By.id("unarranged-warning")).getText())
                .startsWith("2099 年尚未录入国务院节假日安排，暂按周末计算。");
    }
}
