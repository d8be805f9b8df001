package org.haochaping.admin.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.haochaping.HaochapingApplication;
import org.haochaping.admin.base.Browser;
import org.haochaping.admin.base.RunningConsole;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.campaign.GoalType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fresh demo, started as an operator would ({@code --haochaping.demo.ratings}, a seed), shows
 * every feature on the dashboard and reads right on a desktop and on a phone. A system of its own,
 * beside the one the other console tests share.
 */
@SpringBootTest(classes = HaochapingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"haochaping.demo.ratings=2000", "haochaping.demo.seed=20261126"})
class FreshDemoBrowserTests {

    static final RunningConsole DEMO = RunningConsole.fresh("fresh-demo");
    /** Script prelude: {@code chart} is the 进展与感受 chart's ECharts instance, if drawn yet. */
    static final String CHART = "const element = document.getElementById('claimed-vs-felt');"
            + " const chart = element && echarts.getInstanceByDom(element);";
    static Browser browser;

    @Autowired
    CampaignCatalog campaigns;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        DEMO.register(registry);
    }

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void supervisorOnTheDashboard() {
        browser.driver().manage().window().setSize(new Dimension(1440, 2000));
        browser.signIn(RunningConsole.base(port) + "/", "supervisor", DEMO.password("supervisor"));
        browser.waiting(Duration.ofSeconds(60)).until(driver -> driver.findElements(By.cssSelector("[id^='card-']")).size() == 10);
    }

    @Test
    void every_campaign_with_an_outcome_goal_is_a_point_on_progress_and_feeling_and_they_disagree_somewhere() {
        List<String> withOutcomes = campaigns.list(null).stream()
                .filter(campaign -> campaign.getGoals().stream().anyMatch(goal -> goal.type() == GoalType.OUTCOME))
                .map(campaign -> campaign.getName().zh()).toList();

        List<Map<String, Object>> points = claimedVsFeltPoints();

        assertThat(withOutcomes).hasSize(10);
        assertThat(points).extracting(point -> point.get("name")).containsExactlyInAnyOrderElementsOf(withOutcomes);
        List<Double> progress = points.stream().map(point -> coordinate(point, 0)).toList();
        assertThat(progress.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - progress.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .as("progress spreads across the chart").isGreaterThan(30);
        assertThat(points).as("some claim much and are felt little")
                .anySatisfy(point -> assertThat(coordinate(point, 0) - coordinate(point, 1)).isGreaterThan(15));
        assertThat(points).as("some are behind but felt well")
                .anySatisfy(point -> assertThat(coordinate(point, 1) - coordinate(point, 0)).isGreaterThan(15));
    }

    @Test
    void on_a_desktop_the_cards_sit_in_three_or_more_columns_and_nothing_overflows() {
        browser.screenshot("fresh-demo-1440");

        assertThat(script("return window.innerWidth")).isEqualTo(1440L);
        assertThat(horizontalOverflow()).isZero();
        assertThat(columns()).isBetween(3L, 4L);
        assertThat(script(CHART + "return chart.getOption().series[0].label.show")).as("names beside the points").isEqualTo(true);
    }

    @Test
    void on_a_phone_the_cards_stack_in_one_column_the_chart_shrinks_and_nothing_overflows() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.waiting(Duration.ofSeconds(10)).until(driver -> columns() == 1
                && ((Number) script(CHART + "return chart.getWidth()")).longValue() <= 390);
        browser.screenshot("fresh-demo-390");

        assertThat(script("return window.innerWidth")).isEqualTo(390L);
        assertThat(horizontalOverflow()).isZero();
        assertThat(script(CHART + "return chart.getOption().series[0].label.show")).as("names only in the tooltip").isEqualTo(false);
        script("document.getElementById('claimed-vs-felt').scrollIntoView({block: 'end'})");
        browser.screenshot("fresh-demo-390-chart");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> claimedVsFeltPoints() {
        return browser.waiting(Duration.ofSeconds(30)).until(driver -> (List<Map<String, Object>>) script(
                CHART + "return chart ? chart.getOption().series[0].data : null;"));
    }

    @SuppressWarnings("unchecked")
    private static double coordinate(Map<String, Object> point, int axis) {
        return ((List<Number>) point.get("value")).get(axis).doubleValue();
    }

    /** How many CSS pixels the page is wider than the window (0: no horizontal scrolling). */
    private static long horizontalOverflow() {
        return (Long) script("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
    }

    /** The number of card columns: distinct left edges of the cards. */
    private static long columns() {
        return (Long) script("""
                const lefts = [...document.querySelectorAll("[id^='card-']")].map(card => Math.round(card.getBoundingClientRect().left));
                return new Set(lefts).size;""");
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
