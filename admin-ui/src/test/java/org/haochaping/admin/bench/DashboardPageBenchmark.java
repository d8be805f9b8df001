package org.haochaping.admin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.haochaping.HaochapingApplication;
import org.haochaping.admin.base.Browser;
import org.haochaping.identity.Issuer;
import org.haochaping.rating.DemoRatings;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the dashboard takes to show in a real browser (headless Chromium): starts the whole
 * system with demo ratings, signs in as the supervisor (all ten campaigns), then loads the page
 * repeatedly and times it from navigation until every card and chart is drawn. See README.
 *
 * <p>Arguments: demo ratings (default 20,000), page loads (default 10).
 */
public final class DashboardPageBenchmark {

    public static void main(String[] args) throws Exception {
        long ratings = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path data = Files.createTempDirectory("haochaping-page-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HaochapingApplication.class)
                .run("--server.port=0", "--haochaping.data-dir=" + data, "--spring.main.banner-mode=off",
                        "--logging.level.root=warn", "--haochaping.embedded-store.durable-writes=false");
                Browser browser = new Browser()) {
            String base = app.getBean(Issuer.class).publicBaseUrl(); // on the port the server took
            app.getBean(DemoRatings.class).generate(ratings, (int) Math.max(1000, ratings / 4), new Random(11));
            browser.signIn(base + "/", "supervisor", password(data, "supervisor"));
            browser.waitForText("满意度仪表盘");
            long[] millis = new long[loads];
            for (int i = -3; i < loads; i++) {
                long start = System.nanoTime();
                browser.driver().get(base + "/");
                browser.waiting(Duration.ofSeconds(30)).until(driver ->
                        driver.findElements(By.cssSelector("[id^='card-']")).size() == 10
                                && driver.findElements(By.cssSelector(".echart canvas")).size() >= 11);
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                }
            }
            Arrays.sort(millis);
            System.out.printf("%nDashboard page (10 campaigns, %,d ratings) in headless Chromium: median %d ms, max %d ms over %d loads%n",
                    ratings, millis[loads / 2], millis[loads - 1], loads);
        }
    }

    private static String password(Path data, String username) throws IOException {
        return Files.readAllLines(data.resolve("local-accounts.txt")).stream().map(line -> line.split(" "))
                .filter(parts -> parts[0].equals(username)).map(parts -> parts[1]).findFirst().orElseThrow();
    }
}
