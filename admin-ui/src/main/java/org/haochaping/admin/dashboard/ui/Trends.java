package org.haochaping.admin.dashboard.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.Tally;

/** Daily rollups summed into weeks (starting Monday), oldest first. */
final class Trends {

    private Trends() {
    }

    static Map<LocalDate, Tally> weekly(List<CampaignDashboard.DayPoint> days) {
        Map<LocalDate, Tally> weeks = new LinkedHashMap<>();
        days.forEach(point -> weeks.merge(point.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                point.tally(), Tally::plus));
        return weeks;
    }
}
