package org.haochaping.admin.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.Set;

import org.haochaping.admin.base.BrowserTestBase;
import org.haochaping.badreview.HandlingFigures;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.DemoRatings;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.system.Figures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Officials see the dashboards of their scope, with the same numbers the API gives. */
class DashboardBrowserTests extends BrowserTestBase {

    @Autowired
    DemoRatings demo;
    @Autowired
    HandlingFigures handling;

    static boolean generated;

    @BeforeEach
    void someRatings() {
        if (!generated) {
            demo.generate(400, 300, new Random(5));
            generated = true;
        }
    }

    @Test
    void a_manager_sees_only_their_departments_campaign_and_the_numbers_match_the_api() throws Exception {
        browser.signIn(base() + "/", "manager", password("manager"));
        browser.waitForText("满意度仪表盘");
        browser.waiting(Duration.ofSeconds(30)).until(driver -> !driver.findElements(By.id("card-property-management")).isEmpty());
        browser.screenshot("dashboard-manager");

        assertThat(browser.driver().findElements(By.cssSelector("[id^='card-']"))).hasSize(1);
        JsonNode api = attainment("manager", "property-management");
        long shownCount = Long.parseLong(browser.driver().findElement(By.id("count-property-management")).getAttribute("data-count"));
        String shownRate = browser.driver().findElement(By.id("good-rate-property-management")).getText();

        assertThat(shownCount).isEqualTo(api.get("count").asLong()).isPositive();
        assertThat(shownRate).isEqualTo(Figures.percent(api.get("goodRate").asDouble()));
    }

    @Test
    void a_manager_sees_the_bad_review_handling_figures_of_their_campaign_as_the_figure_book_holds_them() {
        Actor manager = new Actor("manager", "经理", Set.of(Role.MANAGER), "housing-construction", null);
        HandlingCounts counts = handling.ofCampaign(manager, "property-management").total();
        assertThat(counts.cases()).as("the demo's 差评 opened cases").isPositive();

        browser.signIn(base() + "/", "manager", password("manager"));
        browser.waiting(Duration.ofSeconds(30)).until(driver -> !driver.findElements(By.id("handling-open")).isEmpty());
        browser.screenshot("dashboard-handling");

        assertThat(browser.driver().findElement(By.id("handling-open")).getText()).isEqualTo(Figures.count(counts.open()));
        assertThat(browser.driver().findElement(By.id("cases-property-management")).getAttribute("data-open"))
                .isEqualTo(String.valueOf(counts.open()));
        assertThat(browser.driver().findElement(By.id("handling-ranking")).getText()).contains("古韩镇");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
                browser.driver().findElement(By.id("handling")));
        browser.screenshot("dashboard-handling-ranking");
    }

    @Test
    void a_supervisor_sees_all_ten_campaigns_and_opens_one_whose_outcomes_nobody_reported_yet() {
        browser.signIn(base() + "/", "supervisor", password("supervisor"));
        browser.waiting(Duration.ofSeconds(30)).until(driver -> driver.findElements(By.cssSelector("[id^='card-']")).size() == 10);
        browser.screenshot("dashboard-supervisor");

        browser.driver().findElement(By.cssSelector("#card-one-thing-one-visit a")).click();
        browser.waitForText("目标达成");
        browser.waitForText("各镇排名");
        browser.waitForText("未填报进度");
        assertThat(browser.driver().findElements(By.id("progress-form"))).hasSize(1);
        browser.screenshot("campaign-detail");
    }

    private JsonNode attainment(String username, String campaign) throws Exception {
        Process script = new ProcessBuilder("bash", Path.of("..", "backend", "scripts", "pkce-login.sh").toString(),
                username, base(), DATA.toString()).start();
        String token = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(script.waitFor()).isZero();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v1/admin/campaigns/" + campaign + "/attainment"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
