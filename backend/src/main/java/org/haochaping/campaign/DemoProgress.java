package org.haochaping.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Demo progress reports: for every outcome goal, a monthly figure from the campaign's start up to
 * today along a {@link ProgressPath}, entered through {@link GoalProgress} as the lead department's
 * manager would, so the same rules and the audit apply. Months that already have an entry are left
 * alone, so running the demo again adds no second report for a month.
 */
@Component
public class DemoProgress {

    static final String NOTE = "月度填报（演示数据）";

    private final GoalProgress progress;
    private final CampaignCatalog catalog;
    private final Clock clock;

    DemoProgress(GoalProgress progress, CampaignCatalog catalog, Clock clock) {
        this.progress = progress;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Reports the progress of every campaign's outcome goals; {@code pace} gives, per campaign code,
     * where officials stand against the straight line (see {@link ProgressPath}). The same seed gives
     * the same figures. Returns how many entries were recorded.
     */
    public int report(long seed, ToDoubleFunction<String> pace) {
        int recorded = 0;
        for (Campaign campaign : catalog.list(null)) {
            List<LocalDate> days = monthlyReportDays(campaign.getPeriod(), LocalDate.now(clock));
            Actor manager = managerOf(campaign.getLeadDepartment());
            for (Goal goal : campaign.getGoals()) {
                if (goal.type() == GoalType.OUTCOME) {
                    recorded += report(manager, campaign, goal, days, pace.applyAsDouble(campaign.getCode()), seed);
                }
            }
        }
        return recorded;
    }

    private int report(Actor manager, Campaign campaign, Goal goal, List<LocalDate> days, double pace, long seed) {
        Set<YearMonth> reported = progress.history(campaign.getCode()).stream()
                .filter(entry -> entry.goalCode().equals(goal.code()))
                .map(entry -> YearMonth.from(entry.asOf()))
                .collect(Collectors.toSet());
        // One random per goal, drawn for every month whether it is skipped or not, so a rerun keeps the path.
        Random random = new Random(seed * 31 + (campaign.getCode() + "/" + goal.code()).hashCode());
        List<BigDecimal> values = ProgressPath.of(goal, campaign.getPeriod(), days, pace, random);
        int recorded = 0;
        for (int i = 0; i < days.size(); i++) {
            if (!reported.contains(YearMonth.from(days.get(i)))) {
                progress.record(manager, campaign.getCode(), goal.code(), values.get(i), days.get(i), NOTE);
                recorded++;
            }
        }
        return recorded;
    }

    /** The last day of each month from the start up to today (today for the month under way). */
    static List<LocalDate> monthlyReportDays(Period period, LocalDate today) {
        LocalDate last = today.isBefore(period.end()) ? today : period.end();
        List<LocalDate> days = new ArrayList<>();
        if (last.isBefore(period.start())) {
            return days;
        }
        for (YearMonth month = YearMonth.from(period.start()); !month.atDay(1).isAfter(last); month = month.plusMonths(1)) {
            LocalDate endOfMonth = month.atEndOfMonth();
            days.add(endOfMonth.isBefore(last) ? endOfMonth : last);
        }
        return days;
    }

    /** A manager of the department, as the demo's author of its reports. */
    static Actor managerOf(Department department) {
        return new Actor("demo-manager-" + department.code(), department.name().zh() + "（演示）", Set.of(Role.MANAGER),
                department.code(), null);
    }
}
