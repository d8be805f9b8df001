package org.haochaping.admin.badreview.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.haochaping.badreview.calendar.WorkingDays;

/**
 * A deadline as officials read it: the last day (and hour, when it is not the end of a day) in
 * county time, and the working days left, or how far past it the case is.
 */
final class Deadlines {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Deadlines() {
    }

    /** "2026-03-02（剩 2 个工作日）", "2026-03-02（今日到期）", "2026-02-27（已超期 1 个工作日）". */
    static String of(Instant due, Instant now, WorkingDays days) {
        return when(due, days) + "（" + left(due, now, days) + "）";
    }

    /** The last moment of a deadline: a deadline at midnight is the end of the day before. */
    static String when(Instant due, WorkingDays days) {
        var at = due.atZone(days.zone());
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? DAY.format(at.minusDays(1))
                : DAY_AND_TIME.format(at);
    }

    static String left(Instant due, Instant now, WorkingDays days) {
        int left = days.workingDaysLeft(now, due);
        if (!now.isBefore(due)) {
            return left < 0 ? "已超期 " + -left + " 个工作日" : "已超期";
        }
        return left == 0 ? "今日到期" : "剩 " + left + " 个工作日";
    }

    /** A moment in county time, to the minute. */
    static String at(Instant instant, WorkingDays days) {
        return DAY_AND_TIME.format(instant.atZone(days.zone()));
    }
}
