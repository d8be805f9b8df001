package org.haochaping.report;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.CampaignCatalog;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The scheduled 月度满意度分析报告: on the 1st at 08:00 county time, last month's PDF for every campaign that
 * ran in it and for the county, and the lead departments' MANAGERs told. Exactly once however many
 * instances run: the run holds a ShedLock lock, and each report's id names its month and scope, so a
 * second attempt (a lock that expired, a catch-up after a restart) finds it made and skips it.
 */
@Component
public class MonthlyReports {

    /** The schedule reads as an AUDITOR: county-wide, changing nothing. */
    static final Actor SCHEDULE = new Actor("system:monthly-reports", "月度报告定时任务", Set.of(Role.AUDITOR), null, null);
    static final String COUNTY_SCOPE = "county";

    private final CampaignCatalog campaigns;
    private final ReportCenter center;
    private final ReportRunner runner;
    private final ReportNotices notices;
    private final MongoTemplate mongo;
    private final Clock clock;

    MonthlyReports(CampaignCatalog campaigns, ReportCenter center, ReportRunner runner, ReportNotices notices,
            MongoTemplate mongo, Clock clock) {
        this.campaigns = campaigns;
        this.center = center;
        this.runner = runner;
        this.notices = notices;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(cron = "${haochaping.report.monthly-cron:0 0 8 1 * *}", zone = "${haochaping.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "monthly-reports", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
    public void produceLastMonth() {
        produce(YearMonth.now(clock).minusMonths(1));
    }

    /** Makes the month's reports not made yet; returns the ones this call made. */
    List<ReportJob> produce(YearMonth month) {
        List<ReportJob> made = new ArrayList<>();
        for (Campaign campaign : campaigns.list(null)) {
            if (ranIn(campaign, month)) {
                make(month, campaign.getCode()).ifPresent(job -> {
                    made.add(job);
                    if (job.state() == ReportJob.State.DONE) {
                        notices.tell(campaign.getLeadDepartment().code(),
                                new ReportNotices.Notice(job.id(), job.fileName(), clock.instant()));
                    }
                });
            }
        }
        make(month, null).ifPresent(made::add);
        return made;
    }

    static String jobId(YearMonth month, @org.jspecify.annotations.Nullable String campaignCode) {
        return "monthly-" + month + "-" + (campaignCode == null ? COUNTY_SCOPE : campaignCode);
    }

    private java.util.Optional<ReportJob> make(YearMonth month, @org.jspecify.annotations.Nullable String campaignCode) {
        ReportRequest request = ReportRequest.month(ReportKind.MONTHLY_ANALYSIS, campaignCode, month, ReportFormat.PDF);
        ReportJob job = center.newJob(jobId(month, campaignCode), request, null, null);
        try {
            mongo.insert(job);
        } catch (DuplicateKeyException alreadyMade) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(runner.run(job, SCHEDULE));
    }

    private static boolean ranIn(Campaign campaign, YearMonth month) {
        return !campaign.getPeriod().start().isAfter(month.atEndOfMonth()) && !campaign.getPeriod().end().isBefore(month.atDay(1));
    }
}
