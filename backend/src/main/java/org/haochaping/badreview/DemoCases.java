package org.haochaping.badreview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.identity.Actor;
import org.haochaping.identity.Role;
import org.haochaping.rating.DemoRatingsGenerated;
import org.haochaping.rating.DemoRatingsStarted;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo data for the bad-review loop. The demo's 差评 open their cases as they are submitted
 * (backdated over the campaigns' periods), like any 差评; this walks each new case along a
 * {@link DemoCasePlan} drawn from the demo's seed, through {@link BadReviewHandling} as the unit's
 * handler, the lead department's manager, a supervisor and the resident would act, each at the time
 * the plan says, and through the {@link DeadlineWatch}'s steps at the moments its checks would have
 * run (overdue, escalation, 未复评). Whatever a plan puts after today is where the case stands now,
 * so recent cases are mid-way (fresh ones await contact, some are being fixed, overdue or await the
 * resident) and older ones are closed: a fresh demo shows a living queue. A few plans are set so
 * that every kind of case is there to see: one appeal approved, one rejected and one pending, and
 * one case under 督办.
 * <p>
 * The scheduled deadline checks are held meanwhile: at today's time, they would flag a case overdue
 * before its backdated contact.
 */
@Component
class DemoCases {

    /** How the walk went: cases walked, and cases whose walk stopped on a refusal (should be none). */
    record Outcome(int walked, int stopped) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final Actor SUPERVISOR = new Actor("demo-supervisor", "县政务服务监督员（演示）", Set.of(Role.SUPERVISOR),
            null, null);
    private static final String[] CONTACT_NOTES = {"已电话联系居民，核实反映情况。", "已上门走访，现场查看。", "已短信联系并约定上门时间。"};
    private static final String[] PLANS = {"制定整改方案，明确责任人，限期完成。", "督促物业服务企业限期整改到位。", "协调相关单位联合处置，按期完成。"};
    private static final String EXPLANATION = "经核实，相关事项已按规定办理，已向您说明政策依据和办理进度。";
    private static final String[] EVIDENCE = {"已完成整改，现场照片存档。", "问题已处理完毕，已向居民反馈。", "整改到位，经现场复查合格。"};
    private static final String APPEAL_EVIDENCE = "回访核实：所反映问题与事实不符，附现场核查记录。";
    private static final LocalTime OFFICE_OPENS = LocalTime.of(8, 30);
    private static final long OFFICE_MINUTES = 9 * 60;

    private final BadReviewCases cases;
    private final BadReviewHandling handling;
    private final DeadlineWatch watch;
    private final CaseRouting routing;
    private final HolidayCalendar calendar;
    private final Clock clock;
    /** Cases are walked in parallel: each step waits on the store, and the cases are independent. */
    private final int threads;

    DemoCases(BadReviewCases cases, BadReviewHandling handling, DeadlineWatch watch, CaseRouting routing,
            HolidayCalendar calendar, Clock clock, @Value("${haochaping.demo.threads:4}") int threads) {
        this.cases = cases;
        this.handling = handling;
        this.watch = watch;
        this.routing = routing;
        this.calendar = calendar;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    @EventListener
    void onStarted(DemoRatingsStarted started) {
        watch.hold();
    }

    @EventListener
    void onGenerated(DemoRatingsGenerated generated) {
        try {
            long began = System.nanoTime();
            Outcome outcome = walk(generated.seed(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            log.info("Handled {} demo bad-review cases up to today in {} s{}", outcome.walked(),
                    String.format("%.1f", (System.nanoTime() - began) / 1e9),
                    outcome.stopped() == 0 ? "" : " (" + outcome.stopped() + " stopped early, see the warnings)");
            log.info("Bad-review cases now: {}", census(cases.findAll()));
        } finally {
            watch.release();
        }
    }

    /** Walks every case the demo has opened and nobody has touched yet up to {@code now}. */
    Outcome walk(long seed, Instant now) {
        List<BadReviewCase> fresh = cases.findAll().stream()
                .filter(c -> c.getStatus() == CaseStatus.AWAITING_CONTACT && c.getEvents().size() == 1)
                .sorted(Comparator.comparing(BadReviewCase::getOpenedAt).thenComparing(BadReviewCase::getId))
                .toList();
        Map<String, DemoCasePlan> plans = new HashMap<>();
        for (BadReviewCase c : fresh) {
            plans.put(c.getId(), DemoCasePlan.draw(new Random(seedOf(seed, c))));
        }
        showcase(fresh, plans, now);
        WorkingDays days = calendar.workingDays();
        AtomicInteger stopped = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int worker = i;
            workers[i] = Thread.ofPlatform().name("demo-cases-" + i).start(() -> {
                for (int next = worker; next < fresh.size(); next += threads) {
                    BadReviewCase c = fresh.get(next);
                    try {
                        new Walk(c, plans.get(c.getId()), days, now).run();
                    } catch (RuntimeException refused) {
                        stopped.incrementAndGet();
                        log.warn("Demo case {} stopped: {}", c.getId(), refused.toString());
                    }
                }
            });
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while handling the demo cases", interrupted);
            }
        }
        return new Outcome(fresh.size(), stopped.get());
    }

    /**
     * The same case of the same demo draws the same plan, whatever order the ratings were stored in:
     * the seed is mixed with what the demo drew for the rating (its campaign, resident and time).
     */
    static long seedOf(long seed, BadReviewCase c) {
        String drawn = c.getCampaignCode() + "|" + c.getResident() + "|" + c.getOpenedAt().toEpochMilli();
        return seed * 0x9E3779B97F4A7C15L + drawn.hashCode();
    }

    /**
     * Sets the plans that make sure a demo shows each kind of case: a case under 督办 now (opened
     * about 16 days ago), a pending appeal (about 4 days ago), a case nobody has called (7 days ago)
     * and one not fixed in time (12 days ago), both overdue and escalated, and, if the draws gave
     * none, an approved and a rejected appeal among older cases. Property-management cases are preferred: their lead
     * department has the demo's manager account.
     */
    static void showcase(List<BadReviewCase> fresh, Map<String, DemoCasePlan> plans, Instant now) {
        List<String> taken = new ArrayList<>();
        closestTo(fresh, now.minus(Duration.ofDays(16)), taken).ifPresent(c ->
                plans.put(c, plans.get(c).underSupervision()));
        closestTo(fresh, now.minus(Duration.ofDays(4)), taken).ifPresent(c ->
                plans.put(c, plans.get(c).withAppeal(new DemoCasePlan.AppealPlan(AppealReason.MISTAKEN, null, 0, 0))));
        closestTo(fresh, now.minus(Duration.ofDays(7)), taken).ifPresent(c -> plans.put(c, plans.get(c).neglected()));
        closestTo(fresh, now.minus(Duration.ofDays(12)), taken).ifPresent(c -> plans.put(c, plans.get(c).fixOverdue()));
        List<BadReviewCase> old = fresh.stream().filter(c -> c.getOpenedAt().isBefore(now.minus(Duration.ofDays(30))))
                .filter(c -> !taken.contains(c.getId())).toList();
        for (boolean approve : new boolean[] {true, false}) {
            boolean drawn = old.stream().map(c -> plans.get(c.getId()).appeal())
                    .anyMatch(appeal -> appeal != null && Boolean.valueOf(approve).equals(appeal.approve()));
            if (!drawn && old.size() > 2) {
                String c = old.get(old.size() * (approve ? 1 : 2) / 3).getId();
                plans.put(c, plans.get(c).withAppeal(new DemoCasePlan.AppealPlan(AppealReason.MALICIOUS, approve, 2, 0.5)));
            }
        }
    }

    /** The case opened closest to {@code when} and not before it, property management first, not yet taken. */
    private static java.util.Optional<String> closestTo(List<BadReviewCase> fresh, Instant when, List<String> taken) {
        Predicate<BadReviewCase> free = c -> !taken.contains(c.getId()) && !c.getOpenedAt().isAfter(when);
        Comparator<BadReviewCase> closest = Comparator.comparing(c -> Duration.between(c.getOpenedAt(), when));
        java.util.Optional<BadReviewCase> pick = fresh.stream()
                .filter(free.and(c -> c.getCampaignCode().equals("property-management")))
                .filter(c -> Duration.between(c.getOpenedAt(), when).toDays() < 3).min(closest)
                .or(() -> fresh.stream().filter(free).min(closest));
        pick.ifPresent(c -> taken.add(c.getId()));
        return pick.map(BadReviewCase::getId);
    }

    /** One case's way from its opening to today. */
    private final class Walk {

        private BadReviewCase c;
        private final DemoCasePlan plan;
        private final WorkingDays days;
        private final Instant now;

        Walk(BadReviewCase c, DemoCasePlan plan, WorkingDays days, Instant now) {
            this.c = c;
            this.plan = plan;
            this.days = days;
            this.now = now;
        }

        void run() {
            for (Step step = next(); step != null && !step.at().isAfter(now); step = next()) {
                watchUntil(step.at());
                if (!c.getStatus().isOpen()) {
                    return;
                }
                c = step.action().apply(step.at());
            }
            watchUntil(now);
        }

        private record Step(Instant at, java.util.function.Function<Instant, BadReviewCase> action) {
        }

        /** The plan's next step from where the case stands; null if it has none (it waits). */
        private @Nullable Step next() {
            int round = c.getReopenings() + (c.isSupervised() ? 1 : 0);
            DemoCasePlan.Round r = plan.rounds().get(Math.min(round, plan.rounds().size() - 1));
            String id = c.getId();
            return switch (c.getStatus()) {
                case AWAITING_CONTACT -> {
                    Instant at = plan.contactLateDays() == 0 ? onTime(c.getOpenedAt(), c.getContactDueAt(), plan.contactAt())
                            : late(c.getContactDueAt(), plan.contactLateDays(), plan.contactAt());
                    yield step(at, t -> handling.recordContact(actor(), id, c.getVersion(), new Contact(t, plan.method(),
                            plan.finding(), CONTACT_NOTES[plan.method().ordinal()]), t));
                }
                case AWAITING_DISPOSITION -> round == 0 && plan.appeal() != null ? appealStep(r) : disposeStep(round, r);
                case RECTIFYING -> {
                    Instant due = c.getDueAt();
                    Instant at = r.lateDays() == 0 ? onTime(c.getDisposition().decidedAt(), due, r.fixAt())
                            : late(latest(due, c.getDisposition().decidedAt()), r.lateDays(), r.fixAt());
                    yield step(at, t -> handling.completeRectification(actor(), id, c.getVersion(),
                            EVIDENCE[round % EVIDENCE.length], List.of(), t));
                }
                case AWAITING_RERATING -> r.rerateHours() == 0 ? null
                        : step(c.getHandledAt().plus(Duration.ofHours(r.rerateHours())), t -> handling.rerate(
                                new Actor(c.getResident(), "居民", Set.of(Role.RESIDENT), null, null), id, r.verdict(),
                                "demo-rerating-" + round, t));
                case CLOSED -> null;
            };
        }

        private @Nullable Step appealStep(DemoCasePlan.Round r) {
            DemoCasePlan.AppealPlan planned = plan.appeal();
            Appeal appeal = c.getAppeal();
            String id = c.getId();
            if (appeal == null) {
                return step(c.getContact().at().plus(Duration.ofMinutes(r.disposeMinutes())), t -> handling.fileAppeal(
                        actor(), id, c.getVersion(), planned.reason(), APPEAL_EVIDENCE, List.of(), t));
            }
            if (appeal.isPending()) {
                Boolean approve = planned.approve();
                if (approve == null) {
                    return null; // the demo's pending appeal: a supervisor decides it in the console
                }
                Instant at = later(appeal.filedAt(), moment(workingDay(day(appeal.filedAt()), planned.decisionDays()),
                        planned.decisionAt()));
                return step(at, t -> handling.decideAppeal(SUPERVISOR, id, c.getVersion(), approve,
                        approve ? "经复核，评价与事实不符，申诉成立。" : "经复核，问题部分属实，申诉不成立，请继续办理。", t));
            }
            return step(appeal.decidedAt().plus(Duration.ofMinutes(r.disposeMinutes())), t -> handling.dispose(actor(), id,
                    c.getVersion(), new DispositionRequest(DispositionKind.EXPLANATION, null, EXPLANATION, null), t));
        }

        private Step disposeStep(int round, DemoCasePlan.Round r) {
            Instant at = round == 0 ? c.getContact().at().plus(Duration.ofMinutes(r.disposeMinutes()))
                    : onTime(c.getRoundStartedAt(), c.getDueAt(), r.disposeAt());
            String id = c.getId();
            return step(at, t -> handling.dispose(actor(), id, c.getVersion(), switch (r.kind()) {
                case IMMEDIATE -> new DispositionRequest(DispositionKind.IMMEDIATE, null, null, null);
                case SCHEDULED -> new DispositionRequest(DispositionKind.SCHEDULED, PLANS[round], null, dueDate(r, t));
                case EXPLANATION -> new DispositionRequest(DispositionKind.EXPLANATION, null, EXPLANATION, null);
            }, t));
        }

        /** The unit's own due date for 限期整改, within the campaign's limit; none (the limit) if it would be past. */
        private @Nullable LocalDate dueDate(DemoCasePlan.Round r, Instant disposedAt) {
            int limit = routing.ruleFor(c.getCampaignCode()).deadlines().scheduledDays();
            Instant end = days.dueAfter(c.getRoundStartedAt(), Math.min(r.scheduledDays(), limit));
            return end.isAfter(disposedAt) ? day(end).minusDays(1) : null;
        }

        private Step step(Instant at, java.util.function.Function<Instant, BadReviewCase> action) {
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
                        && !handling.terms(c).supervisorFrom(due).isAfter(at)) {
                    moment = handling.terms(c).supervisorFrom(due);
                } else {
                    return;
                }
                Instant last = c.getEvents().getLast().at();
                if (moment.isBefore(last)) {
                    moment = last; // a deadline already past when it was set: the next check flags it
                }
                BadReviewCase saved = watch.step(c, moment);
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

    /** Cases per status, overdue, under 督办 and with a pending appeal, for the log and the tests. */
    static Map<String, Long> census(List<BadReviewCase> all) {
        Map<String, Long> census = new java.util.LinkedHashMap<>();
        Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
        all.forEach(c -> byStatus.merge(c.getStatus(), 1L, Long::sum));
        byStatus.forEach((status, n) -> census.put(status.name(), n));
        all.stream().filter(c -> c.getOutcome() != null)
                .forEach(c -> census.merge("CLOSED_" + c.getOutcome().name(), 1L, Long::sum));
        census.put("overdue", all.stream().filter(BadReviewCase::isOverdue).count());
        census.put("supervisedOpen", all.stream().filter(c -> c.isSupervised() && c.getStatus().isOpen()).count());
        census.put("appealsPending", all.stream().filter(c -> c.getAppeal() != null && c.getAppeal().isPending()).count());
        return census;
    }
}
