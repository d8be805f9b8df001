package org.haochaping.admin.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.haochaping.admin.base.BrowserTestBase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** A supervisor finds 报表中心 in the side navigation of a real browser, asks for a report and sees it follow. */
class ReportCenterBrowserTests extends BrowserTestBase {

    @Test
    void a_supervisor_opens_the_report_centre_from_the_menu_and_asks_for_a_report() {
        browser.signIn(base() + "/", "supervisor", password("supervisor"));
        browser.waitForText("满意度仪表盘");
        assertThat(browser.driver().findElement(By.tagName("vaadin-side-nav")).getText()).contains("报表中心");
        browser.driver().findElement(By.cssSelector("vaadin-side-nav-item[path='reports']")).click();

        browser.waitForText("报表列表");
        assertThat(browser.driver().getTitle()).contains("报表中心");
        assertThat(browser.driver().findElement(By.id("report-kind")).getText()).contains("月度满意度分析报告");
        assertThat(browser.driver().findElement(By.id("report-scope")).getText()).contains("全县");
        assertThat(browser.driver().findElement(By.id("report-format")).getText()).contains("PDF");

        browser.driver().findElement(By.id("report-submit")).click();

        browser.waiting(Duration.ofSeconds(30)).until(driver -> driver.findElement(By.id("report-progress")).isDisplayed());
        browser.waiting(Duration.ofSeconds(120)).until(driver -> {
            String state = driver.findElement(By.id("report-progress-text")).getText();
            return state.endsWith("已完成") || state.contains("失败");
        });
        assertThat(browser.driver().findElement(By.id("report-progress-text")).getText())
                .startsWith("月度满意度分析报告（全县，").endsWith("：已完成");
        WebElement download = browser.waiting(Duration.ofSeconds(30)).until(driver -> driver
                .findElements(By.cssSelector("a[id^='download-r-']")).stream().findFirst().orElse(null));
        assertThat(download.getText()).isEqualTo("下载");
        assertThat(download.getAttribute("href")).contains("VAADIN/dynamic/resource");
        browser.screenshot("report-centre");

        browser.driver().findElement(By.cssSelector("vaadin-button[id^='preview-r-']")).click();

        WebElement page = browser.waiting(Duration.ofSeconds(30)).until(driver -> driver
                .findElements(By.id("report-preview-image")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        browser.waiting(Duration.ofSeconds(30)).until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", page)));
        browser.screenshot("report-centre-preview");
    }
}
