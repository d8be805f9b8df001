package org.haochaping.badreview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.haochaping.badreview.calendar.WorkingDays;
import org.jspecify.annotations.Nullable;

/**
 * A case's deadlines as instants: its campaign's {@link CaseDeadlines} counted on the working-day
 * calendar. Pure: the calendar comes in as a function.
 */
public final class CaseTerms {

    /** The working-day calendar, as the deadlines need it. */
    public interface Calendar {
        /** "Within n working days" of an instant: the end of the n-th working day after its day. */
        Instant dueAfter(Instant start, int workingDays);

        /** Working days after the day of {@code from}, up to and including the day of {@code to}. */
        int workingDaysBetween(Instant from, Instant to);
    }

    /** Working days after the deadline at which an overdue case goes on to a SUPERVISOR. */
    static final int SUPERVISOR_AFTER_OVERDUE_DAYS = 2;

    private final Calendar calendar;
    private final CaseDeadlines deadlines;
    private final ZoneId zone;

    /** The terms of a campaign's deadlines on the working-day calendar. */
    public static CaseTerms of(WorkingDays days, CaseDeadlines deadlines) {
        return new CaseTerms(new Calendar() {
            @Override
            public Instant dueAfter(Instant start, int workingDays) {
                return days.dueAfter(start, workingDays);
            }

            @Override
            public int workingDaysBetween(Instant from, Instant to) {
                return days.workingDaysBetween(from, to);
            }
        }, deadlines, days.zone());
    }

    public CaseTerms(Calendar calendar, CaseDeadlines deadlines, ZoneId zone) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.zone = zone;
    }

    Instant contactDue(Instant opened) {
        return calendar.dueAfter(opened, deadlines.contactDays());
    }

    Instant immediateDue(Instant roundStart) {
        return calendar.dueAfter(roundStart, deadlines.immediateDays());
    }

    /**
     * The end of the requested day (county time), which must not pass the campaign's 限期整改 limit
     * nor be over already.
     */
    Instant scheduledDue(Instant roundStart, @Nullable LocalDate requested, Instant now) {
        Instant limit = calendar.dueAfter(roundStart, deadlines.scheduledDays());
        if (requested == null) {
            return limit;
        }
        Instant end = requested.plusDays(1).atStartOfDay(zone).toInstant();
        if (end.isAfter(limit)) {
            throw new CaseInputException("DUE_DATE_BEYOND_LIMIT", deadlines.scheduledDays());
        }
        if (!end.isAfter(now)) {
            throw new CaseInputException("DUE_DATE_IN_PAST");
        }
        return end;
    }

    int workingDaysBetween(Instant from, Instant to) {
        return calendar.workingDaysBetween(from, to);
    }

    /** From when an overdue case is escalated to a SUPERVISOR. */
    Instant supervisorFrom(Instant due) {
        return calendar.dueAfter(due, SUPERVISOR_AFTER_OVERDUE_DAYS);
    }
}
