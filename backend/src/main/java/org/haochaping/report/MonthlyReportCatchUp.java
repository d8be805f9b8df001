package org.haochaping.report;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A system that was down at 08:00 on the 1st still makes last month's reports: at start, once the month's
 * reporting moment has passed, the schedule runs in the background (under its lock; reports made already
 * are skipped), so a fresh install shows last month's reports too.
 */
@Component
class MonthlyReportCatchUp {

    private final MonthlyReports reports;
    private final TaskExecutor executor;
    private final Clock clock;
    private final boolean enabled;

    MonthlyReportCatchUp(MonthlyReports reports, @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock,
            @Value("${haochaping.report.monthly-catch-up:true}") boolean enabled) {
        this.reports = reports;
        this.executor = executor;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        LocalDateTime now = LocalDateTime.now(clock);
        if (enabled && !now.isBefore(now.withDayOfMonth(1).toLocalDate().atTime(8, 0))) {
            executor.execute(reports::produceLastMonth);
        }
    }
}
