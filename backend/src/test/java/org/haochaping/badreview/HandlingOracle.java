package org.haochaping.badreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.satisfaction.HandlingCounts;

/**
 * The handling figures and the queue's counts computed the plain way from stored cases, for
 * tests to hold the books against. It shares no code with {@link CaseContribution},
 * {@code HandlingMetrics}, {@link QueueEntry}, {@link CaseAccess} or the books: it reads the
 * cases' raw facts (timeline, contact, disposition, rectification, appeal) rather than the
 * fields the state machine derives from them (contactedOnTime, handledOnTime, handlingDays).
 */
final class HandlingOracle {

    private static final int CASES = 0, OPEN = 1, OVERDUE = 2, CONTACT_SETTLED = 3, CONTACTED_ON_TIME = 4,
            HANDLED = 5, HANDLED_ON_TIME = 6, HANDLING_DAYS = 7, RERATINGS = 8, SATISFIED = 9, NOT_RERATED = 10,
            APPEAL_UPHELD = 11;

    private HandlingOracle() {
    }

    /**
     * Unit key → counts, for the cases of one campaign; units whose counts are all zero left out.
     *
     * @param immediateDays the campaign's 立行立改 deadline in working days (an explanation's too)
     */
    static Map<String, HandlingCounts> byUnit(List<BadReviewCase> cases, String campaign, WorkingDays days,
            int immediateDays) {
        Map<String, long[]> sums = new TreeMap<>();
        for (BadReviewCase c : cases) {
            if (c.getCampaignCode().equals(campaign)) {
                long[] sum = sums.computeIfAbsent(c.getUnit().key(), unit -> new long[12]);
                add(sum, c, days, immediateDays);
            }
        }
        Map<String, HandlingCounts> counts = new TreeMap<>();
        sums.forEach((unit, sum) -> counts.put(unit, counts(sum)));
        return counts;
    }

    /** All units of the campaign together. */
    static HandlingCounts ofCampaign(List<BadReviewCase> cases, String campaign, WorkingDays days, int immediateDays) {
        long[] sum = new long[12];
        cases.stream().filter(c -> c.getCampaignCode().equals(campaign)).forEach(c -> add(sum, c, days, immediateDays));
        return counts(sum);
    }

    private static void add(long[] sum, BadReviewCase c, WorkingDays days, int immediateDays) {
        if (c.getAppeal() != null && c.getAppeal().state() == Appeal.State.APPROVED) {
            sum[APPEAL_UPHELD]++;
            return;
        }
        sum[CASES]++;
        boolean closed = c.getStatus() == CaseStatus.CLOSED;
        sum[OPEN] += closed ? 0 : 1;
        sum[OVERDUE] += c.isOverdue() ? 1 : 0;

        Instant contactedAt = null; // when the contact was recorded
        boolean lateBeforeContact = false;
        for (CaseEvent event : c.getEvents()) {
            if (event.type() == CaseEvent.Type.CONTACTED && contactedAt == null) {
                contactedAt = event.at();
            }
            if (event.type() == CaseEvent.Type.OVERDUE && contactedAt == null) {
                lateBeforeContact = true;
            }
        }
        if (contactedAt != null || lateBeforeContact) {
            sum[CONTACT_SETTLED]++;
        }
        if (contactedAt != null && !lateBeforeContact && c.getContact().at().isBefore(c.getContactDueAt())) {
            sum[CONTACTED_ON_TIME]++;
        }

        if (closed) {
            Disposition last = c.getDisposition();
            boolean explained = last.kind() == DispositionKind.EXPLANATION;
            Instant finished = explained ? last.decidedAt() : c.getRectification().at();
            Instant due = explained ? days.dueAfter(c.getRoundStartedAt(), immediateDays) : last.dueAt();
            sum[HANDLED]++;
            sum[HANDLED_ON_TIME] += finished.isBefore(due) ? 1 : 0;
            sum[HANDLING_DAYS] += workingDaysAfter(c.getOpenedAt(), finished, days);
        }

        for (CaseEvent event : c.getEvents()) {
            if (event.type() == CaseEvent.Type.RERATED) {
                sum[RERATINGS]++;
                if (!Verdict.UNSATISFIED.name().equals(event.note())) {
                    sum[SATISFIED]++;
                }
            }
        }
        sum[NOT_RERATED] += c.getOutcome() == CaseOutcome.NOT_RERATED ? 1 : 0;
    }

    /** Working days after the day of {@code from} up to and including the day of {@code to}, day by day. */
    static long workingDaysAfter(Instant from, Instant to, WorkingDays days) {
        LocalDate day = LocalDate.ofInstant(from, days.zone()).plusDays(1);
        LocalDate last = LocalDate.ofInstant(to, days.zone());
        long n = 0;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            n += days.isWorkingDay(day) ? 1 : 0;
        }
        return n;
    }

    private static HandlingCounts counts(long[] v) {
        return new HandlingCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    /** The numbers on an official's navigation item, from the cases they may see. */
    static CaseQueue.Counts counts(List<BadReviewCase> cases, Actor actor, Instant now, WorkingDays days) {
        long open = 0;
        long dueSoon = 0;
        long overdue = 0;
        long appeals = 0;
        for (BadReviewCase c : cases) {
            if (c.getStatus() == CaseStatus.CLOSED || !sees(actor, c)) {
                continue;
            }
            open++;
            overdue += c.isOverdue() ? 1 : 0;
            appeals += c.getAppeal() != null && c.getAppeal().state() == Appeal.State.PENDING ? 1 : 0;
            if (!c.isOverdue() && c.getDueAt() != null && now.isBefore(c.getDueAt())
                    && workingDaysLeft(now, c.getDueAt(), days) <= 1) {
                dueSoon++;
            }
        }
        return new CaseQueue.Counts(open, dueSoon, overdue, appeals);
    }

    /** County-wide roles see all; the lead department's officials their campaigns'; a unit's officials its cases. */
    static boolean sees(Actor actor, BadReviewCase c) {
        Set<Role> roles = actor.roles();
        if (roles.contains(Role.SUPERVISOR) || roles.contains(Role.AUDITOR)) {
            return true;
        }
        boolean official = roles.contains(Role.HANDLER) || roles.contains(Role.MANAGER);
        if (official && c.getLeadDepartment().equals(actor.department())) {
            return true;
        }
        Unit unit = c.getUnit();
        return unit.kind() == Unit.Kind.DEPARTMENT ? unit.code().equals(actor.department())
                : unit.code().equals(actor.region());
    }

    /** Working days after today up to the last day of the deadline (the day that ends at {@code due}). */
    private static long workingDaysLeft(Instant now, Instant due, WorkingDays days) {
        LocalDate last = LocalDate.ofInstant(due.minusMillis(1), days.zone());
        LocalDate day = LocalDate.ofInstant(now, days.zone()).plusDays(1);
        long n = 0;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            n += days.isWorkingDay(day) ? 1 : 0;
        }
        return n;
    }

    /** Leaves out units whose counts are all zero (a unit all of whose cases moved elsewhere). */
    static Map<String, HandlingCounts> withoutEmpty(Map<String, HandlingCounts> byUnit) {
        Map<String, HandlingCounts> kept = new HashMap<>(byUnit);
        kept.values().removeIf(HandlingCounts.ZERO::equals);
        return new TreeMap<>(kept);
    }
}
