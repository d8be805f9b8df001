package org.haochaping.admin.campaign.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.haochaping.admin.base.BrowserTestBase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An official signs in to the console in a real browser and finds the ten campaigns of the work report. */
class CampaignListBrowserTests extends BrowserTestBase {

    static final List<String> TEN_CAMPAIGNS = List.of("国资国企改革攻坚行动", "采煤沉陷治理攻坚行动",
            "优化营商环境“一件事一次办”攻坚行动", "移风易俗攻坚行动",
            "解决国有建设用地上房屋交易和不动产登记历史遗留问题攻坚行动", "城乡“两违”建筑整治攻坚行动",
            "压紧压实企业安全生产主体责任攻坚行动", "壮大村集体经济攻坚行动", "规范居民小区物业管理攻坚行动",
            "盘活经开区闲置资源攻坚行动");

    @Test
    void the_console_lists_the_ten_campaigns_in_chinese_with_their_goals() {
        browser.signIn(base() + "/", "manager", password("manager"));
        browser.waitForText("满意度仪表盘");
        browser.driver().get(base() + "/campaigns");

        browser.waiting(Duration.ofSeconds(60)).until(driver -> cellTexts().containsAll(TEN_CAMPAIGNS));
        browser.screenshot("campaign-list");

        List<String> cells = cellTexts();
        assertThat(browser.driver().getTitle()).contains("攻坚行动");
        assertThat(cells).contains("县住房和城乡建设管理局", "进行中");
        assertThat(String.join("\n", cells)).contains("解决不动产登记遗留问题的居民 ≥ 9,400 户", "盘活低效用地 ≥ 400 亩",
                "盘活闲置厂房 ≥ 10,000 平方米", "好评率 ≥ 90%");
        assertThat(browser.driver().findElement(By.tagName("vaadin-side-nav")).getText()).contains("攻坚行动");
    }

    @Test
    void a_manager_may_suspend_only_the_campaign_their_department_leads() {
        browser.signIn(base() + "/", "manager", password("manager"));
        browser.waitForText("满意度仪表盘");
        browser.driver().get(base() + "/campaigns");
        browser.waiting(Duration.ofSeconds(60)).until(driver -> cellTexts().containsAll(TEN_CAMPAIGNS));

        assertThat(browser.driver().findElements(By.id("suspend-property-management"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("vaadin-button[id^='suspend-']"))).hasSize(1);

        browser.driver().findElement(By.id("suspend-property-management")).click();
        browser.waiting(Duration.ofSeconds(30)).until(driver -> !driver.findElements(By.id("resume-property-management")).isEmpty());
        assertThat(cellTexts()).as("only the suspended campaign").containsOnlyOnce("已暂停");
        browser.driver().findElement(By.id("resume-property-management")).click();
        browser.waiting(Duration.ofSeconds(30)).until(driver -> !driver.findElements(By.id("suspend-property-management")).isEmpty());
    }

    private static List<String> cellTexts() {
        return browser.driver().findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .flatMap(text -> text.lines().map(String::strip))
                .toList();
    }
}
