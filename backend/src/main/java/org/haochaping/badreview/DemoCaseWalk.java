package org.haochaping.badreview;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * One demo case's way from its opening up to {@code now}, along its {@link DemoCasePlan}: each
 * step at the moment the plan gives it (in office hours, on working days), with the deadline
 * checks that would have run in between (overdue at the deadline, a SUPERVISOR some working days
 * later, 未复评 when the resident's week is up), each at its own moment. The {@link Hands} carry
 * the steps out: {@link DemoCases} through the services, a benchmark's bulk load on the aggregate
 * in memory; both through the same state machine.
 */
final class DemoCaseWalk {

    /** Who carries out the steps; each returns the case as it now is. */
    interface Hands {
        BadReviewCase contact(BadReviewCase c, Actor actor, Contact contact, Instant at);

        BadReviewCase dispose(BadReviewCase c, Actor actor, DispositionRequest disposition, Instant at);

        BadReviewCase rectify(BadReviewCase c, Actor actor, String evidence, Instant at);

        BadReviewCase fileAppeal(BadReviewCase c, Actor actor, AppealReason reason, String evidence, Instant at);

        BadReviewCase decideAppeal(BadReviewCase c, Actor supervisor, boolean approve, String note, Instant at);

        BadReviewCase rerate(BadReviewCase c, Actor resident, Verdict verdict, String idempotencyKey, Instant at);

        /** The deadline watch's step at {@code at}; null if it had nothing to do. */
        @Nullable BadReviewCase watch(BadReviewCase c, Instant at);

        CaseTerms terms(BadReviewCase c);

        CaseDeadlines deadlines(BadReviewCase c);
    }

    static final Actor SUPERVISOR = new Actor("demo-supervisor", "县政务服务监督员（演示）", Set.of(Role.SUPERVISOR),
            null, null);
    private static final String[] CONTACT_NOTES = {"已电话联系居民，核实反映情况。", "已上门走访，现场查看。", "已短信联系并约定上门时间。"};
    private static final String[] PLANS = {"制定整改方案，明确责任人，限期完成。", "督促物业服务企业限期整改到位。", "协调相关单位联合处置，按期完成。"};
    private static final String EXPLANATION = "经核实，相关事项已按规定办理，已向您说明政策依据和办理进度。";
    private static final String[] EVIDENCE = {"已完成整改，现场照片存档。", "问题已处理完毕，已向居民反馈。", "整改到位，经现场复查合格。"};
    private static final String APPEAL_EVIDENCE = "回访核实：所反映问题与事实不符，附现场核查记录。";
    private static final LocalTime OFFICE_OPENS = LocalTime.of(8, 30);
    private static final long OFFICE_MINUTES = 9 * 60;

    private BadReviewCase c;
    private final DemoCasePlan plan;
    private final WorkingDays days;
    private final Instant now;
    private final Hands hands;

    DemoCaseWalk(BadReviewCase c, DemoCasePlan plan, WorkingDays days, Instant now, Hands hands) {
        this.c = c;
        this.plan = plan;
        this.days = days;
        this.now = now;
        this.hands = hands;
    }

    /** Walks the case up to now; returns it as it stands. */
    BadReviewCase run() {
        for (Step step = next(); step != null && !step.at().isAfter(now); step = next()) {
            watchUntil(step.at());
            if (!c.getStatus().isOpen()) {
                return c;
            }
            c = step.action().apply(step.at());
        }
        watchUntil(now);
        return c;
    }

    private record Step(Instant at, Function<Instant, BadReviewCase> action) {
    }

    /** The plan's next step from where the case stands; null if it has none (it waits). */
    private @Nullable Step next() {
        int round = c.getReopenings() + (c.isSupervised() ? 1 : 0);
        DemoCasePlan.Round r = plan.rounds().get(Math.min(round, plan.rounds().size() - 1));
        return switch (c.getStatus()) {
            case AWAITING_CONTACT -> {
                Instant at = plan.contactLateDays() == 0 ? onTime(c.getOpenedAt(), c.getContactDueAt(), plan.contactAt())
                        : late(c.getContactDueAt(), plan.contactLateDays(), plan.contactAt());
                yield step(at, t -> hands.contact(c, actor(), new Contact(t, plan.method(),
                        plan.finding(), CONTACT_NOTES[plan.method().ordinal()]), t));
            }
            case AWAITING_DISPOSITION -> round == 0 && plan.appeal() != null ? appealStep(r) : disposeStep(round, r);
            case RECTIFYING -> {
                Instant due = c.getDueAt();
                Instant at = r.lateDays() == 0 ? onTime(c.getDisposition().decidedAt(), due, r.fixAt())
                        : late(latest(due, c.getDisposition().decidedAt()), r.lateDays(), r.fixAt());
                yield step(at, t -> hands.rectify(c, actor(), EVIDENCE[round % EVIDENCE.length], t));
            }
            case AWAITING_RERATING -> r.rerateHours() == 0 ? null
                    : step(c.getHandledAt().plus(Duration.ofHours(r.rerateHours())), t -> hands.rerate(c,
                            new Actor(c.getResident(), "居民", Set.of(Role.RESIDENT), null, null), r.verdict(),
                            "demo-rerating-" + round, t));
            case CLOSED -> null;
        };
    }

    private @Nullable Step appealStep(DemoCasePlan.Round r) {
        DemoCasePlan.AppealPlan planned = plan.appeal();
        Appeal appeal = c.getAppeal();
        if (appeal == null) {
            return step(c.getContact().at().plus(Duration.ofMinutes(r.disposeMinutes())), t -> hands.fileAppeal(c,
                    actor(), planned.reason(), APPEAL_EVIDENCE, t));
        }
        if (appeal.isPending()) {
            Boolean approve = planned.approve();
            if (approve == null) {
                return null; // the demo's pending appeal, left for a supervisor to decide
            }
            Instant at = later(appeal.filedAt(), moment(workingDay(day(appeal.filedAt()), planned.decisionDays()),
                    planned.decisionAt()));
            return step(at, t -> hands.decideAppeal(c, SUPERVISOR, approve,
                    approve ? "经复核，评价与事实不符，申诉成立。" : "经复核，问题部分属实，申诉不成立，请继续办理。", t));
        }
        return step(appeal.decidedAt().plus(Duration.ofMinutes(r.disposeMinutes())), t -> hands.dispose(c, actor(),
                new DispositionRequest(DispositionKind.EXPLANATION, null, EXPLANATION, null), t));
    }

    private Step disposeStep(int round, DemoCasePlan.Round r) {
        Instant at = round == 0 ? c.getContact().at().plus(Duration.ofMinutes(r.disposeMinutes()))
                : onTime(c.getRoundStartedAt(), c.getDueAt(), r.disposeAt());
        return step(at, t -> hands.dispose(c, actor(), switch (r.kind()) {
            case IMMEDIATE -> new DispositionRequest(DispositionKind.IMMEDIATE, null, null, null);
            case SCHEDULED -> new DispositionRequest(DispositionKind.SCHEDULED, PLANS[round], null, dueDate(r, t));
            case EXPLANATION -> new DispositionRequest(DispositionKind.EXPLANATION, null, EXPLANATION, null);
        }, t));
    }

    /** The unit's own due date for 限期整改, within the campaign's limit; none (the limit) if it would be past. */
    private @Nullable LocalDate dueDate(DemoCasePlan.Round r, Instant disposedAt) {
        int limit = hands.deadlines(c).scheduledDays();
        Instant end = days.dueAfter(c.getRoundStartedAt(), Math.min(r.scheduledDays(), limit));
        return end.isAfter(disposedAt) ? day(end).minusDays(1) : null;
    }

    private Step step(Instant at, Function<Instant, BadReviewCase> action) {
        return new Step(at.truncatedTo(ChronoUnit.MILLIS), action);
    }

    /**
     * The deadline checks that would have run before {@code at}: 未复评 once the resident's week
     * is up, overdue at the deadline, a SUPERVISOR some working days later, each at its moment.
     */
    private void watchUntil(Instant at) {
        for (int checks = 0; checks < 10 && c.getStatus().isOpen(); checks++) {
            Instant due = c.getDueAt();
            Instant moment;
            if (c.getRerateBy() != null && !c.getRerateBy().isAfter(at)) {
                moment = c.getRerateBy();
            } else if (due != null && !c.isOverdue() && !due.isAfter(at)) {
                moment = due;
            } else if (due != null && c.isOverdue() && c.getEscalation() != Escalation.SUPERVISOR
                    && !hands.terms(c).supervisorFrom(due).isAfter(at)) {
                moment = hands.terms(c).supervisorFrom(due);
            } else {
                return;
            }
            Instant last = c.getEvents().getLast().at();
            if (moment.isBefore(last)) {
                moment = last; // a deadline already past when it was set: the next check flags it
            }
            BadReviewCase saved = hands.watch(c, moment);
            if (saved == null) {
                throw new IllegalStateException("The deadline check did nothing at " + moment);
            }
            c = saved;
        }
    }

    /** Whoever acts for the unit: its handler, or under 督办 the lead department's manager. */
    private Actor actor() {
        if (c.isSupervised()) {
            return new Actor("demo-manager-" + c.getLeadDepartment(), "牵头部门负责人（演示）", Set.of(Role.MANAGER),
                    c.getLeadDepartment(), null);
        }
        Unit unit = c.getUnit();
        return switch (unit.kind()) {
            case DEPARTMENT -> new Actor("demo-handler-" + unit.code(), "差评办理员（演示）", Set.of(Role.HANDLER),
                    unit.code(), null);
            case TOWN -> new Actor("demo-handler-" + unit.code(), "乡镇差评办理员（演示）", Set.of(Role.HANDLER), null,
                    unit.code());
        };
    }

    /** A moment in office hours between {@code from} and {@code due}, {@code where} along the working days between. */
    private Instant onTime(Instant from, Instant due, double where) {
        List<LocalDate> open = new ArrayList<>();
        for (LocalDate d = day(from); d.isBefore(day(due)) && open.size() < 60; d = d.plusDays(1)) {
            if (days.isWorkingDay(d)) {
                open.add(d);
            }
        }
        if (open.isEmpty()) {
            return from.plus(Duration.ofMinutes(10));
        }
        double x = where * open.size();
        int index = Math.min((int) x, open.size() - 1);
        Instant at = later(from, moment(open.get(index), x - index));
        return at.isBefore(due) ? at : later(from, due.minus(Duration.ofMinutes(1)));
    }

    /** A moment in office hours on the {@code n}-th working day from the day of {@code since} (a deadline, or later). */
    private Instant late(Instant since, int n, double where) {
        return later(since, moment(workingDay(day(since), n - 1), where));
    }

    /** {@code at}, or a little after {@code from} if that is not before. */
    private static Instant later(Instant from, Instant at) {
        return at.isAfter(from) ? at : from.plus(Duration.ofMinutes(10));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The first working day on or after {@code from}, then {@code n} working days further. */
    private LocalDate workingDay(LocalDate from, int n) {
        LocalDate d = from;
        while (!days.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (days.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    private Instant moment(LocalDate day, double where) {
        return day.atTime(OFFICE_OPENS).plusMinutes((long) (where * OFFICE_MINUTES)).atZone(days.zone()).toInstant();
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, days.zone());
    }
}
