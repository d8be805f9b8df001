package org.haochaping.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.bson.Document;
import org.haochaping.HaochapingApplication;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.system.store.EmbeddedMongoStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two instances of the application on one store, as behind a load balancer, both firing the monthly
 * schedule at the same moment: each month's report of each campaign and of the county is made once,
 * audited once, and its lead department told once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportsTwoInstancesTests {

    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;

    @BeforeAll
    void startTwoInstancesOnOneStore() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory(Path.of("target"), "two-instances-");
        // Instances on one database hash provenance with one key: here a file both read.
        String sharedKey = "--haochaping.privacy.provenance-key-file=" + dataDir.resolve("provenance.key");
        first = start("--haochaping.data-dir=" + dataDir, "--haochaping.embedded-store.port=" + port, sharedKey);
        second = start("--haochaping.data-dir=" + dataDir.resolve("second"), sharedKey, "--spring.mongodb.uri="
                + EmbeddedMongoStore.connectionString(dataDir.resolve("haochaping.mv.db"), port, "haochaping"));
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void the_monthly_reports_are_made_once_whichever_instance_fires() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> fire(first, together));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> fire(second, together));
        CompletableFuture.allOf(a, b).join();
        fire(second, new CyclicBarrier(1)); // and again later (a catch-up after a restart): nothing new

        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        List<ReportJob> jobs = mongo.findAll(ReportJob.class).stream().filter(job -> job.id().startsWith("monthly-" + month)).toList();
        long campaignsThatRan = first.getBean(CampaignCatalog.class).list(null).stream()
                .filter(c -> !c.getPeriod().start().isAfter(month.atEndOfMonth()) && !c.getPeriod().end().isBefore(month.atDay(1)))
                .count();
        assertThat(jobs).as("one per campaign that ran, and the county's").hasSize((int) campaignsThatRan + 1)
                .allMatch(job -> job.state() == ReportJob.State.DONE && job.scheduled());
        for (ReportJob job : jobs) {
            assertThat(mongo.getCollection("reports.files").countDocuments(new Document("metadata.job", job.id())))
                    .as("one file for " + job.id()).isEqualTo(1);
            assertThat(mongo.getCollection("audit_log").countDocuments(new Document("action", "REPORT_EXPORTED")
                    .append("details", java.util.regex.Pattern.compile("job=" + java.util.regex.Pattern.quote(job.id()) + "$"))))
                    .as("one export audited for " + job.id()).isEqualTo(1);
        }
        long notices = mongo.getCollection(ReportNotices.COLLECTION).find().into(new java.util.ArrayList<>()).stream()
                .mapToLong(inbox -> inbox.getList("items", Document.class).stream()
                        .filter(item -> item.getString("jobId").startsWith("monthly-" + month)).count())
                .sum();
        assertThat(notices).as("each campaign's lead department told once").isEqualTo(campaignsThatRan);
    }

    private static void fire(ConfigurableApplicationContext instance, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception interrupted) {
            throw new IllegalStateException(interrupted);
        }
        instance.getBean(MonthlyReports.class).produceLastMonth();
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--spring.main.banner-mode=off", "--haochaping.report.monthly-catch-up=false")).toArray(String[]::new);
        return new SpringApplicationBuilder(HaochapingApplication.class).web(WebApplicationType.NONE).run(all);
    }
}
