package org.haochaping.badreview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.identity.Actor;
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

    private final BadReviewCases cases;
    private final BadReviewHandling handling;
    private final DeadlineWatch watch;
    private final CaseRouting routing;
    private final HolidayCalendar calendar;
    private final Clock clock;
    /** Cases are walked in parallel: each step waits on the store, and the cases are independent. */
    private final int threads;
    private final DemoCaseWalk.Hands hands;

    DemoCases(BadReviewCases cases, BadReviewHandling handling, DeadlineWatch watch, CaseRouting routing,
            HolidayCalendar calendar, Clock clock, @Value("${haochaping.demo.threads:4}") int threads) {
        this.cases = cases;
        this.handling = handling;
        this.watch = watch;
        this.routing = routing;
        this.calendar = calendar;
        this.clock = clock;
        this.threads = Math.max(1, threads);
        this.hands = new ServiceHands();
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
                        new DemoCaseWalk(c, plans.get(c.getId()), days, now, hands).run();
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

    /** The steps through the services, as the officials and the resident take them, at the plan's times. */
    private final class ServiceHands implements DemoCaseWalk.Hands {

        @Override
        public BadReviewCase contact(BadReviewCase c, Actor actor, Contact contact, Instant at) {
            return handling.asOf(at, () -> handling.recordContact(actor, c.getId(), c.getVersion(), contact));
        }

        @Override
        public BadReviewCase dispose(BadReviewCase c, Actor actor, DispositionRequest disposition, Instant at) {
            return handling.asOf(at, () -> handling.dispose(actor, c.getId(), c.getVersion(), disposition));
        }

        @Override
        public BadReviewCase rectify(BadReviewCase c, Actor actor, String evidence, Instant at) {
            return handling.asOf(at, () -> handling.completeRectification(actor, c.getId(), c.getVersion(), evidence, List.of()));
        }

        @Override
        public BadReviewCase fileAppeal(BadReviewCase c, Actor actor, AppealReason reason, String evidence, Instant at) {
            return handling.asOf(at, () -> handling.fileAppeal(actor, c.getId(), c.getVersion(), reason, evidence, List.of()));
        }

        @Override
        public BadReviewCase decideAppeal(BadReviewCase c, Actor supervisor, boolean approve, String note, Instant at) {
            return handling.asOf(at, () -> handling.decideAppeal(supervisor, c.getId(), c.getVersion(), approve, note));
        }

        @Override
        public BadReviewCase rerate(BadReviewCase c, Actor resident, Verdict verdict, String idempotencyKey, Instant at) {
            return handling.asOf(at, () -> handling.rerate(resident, c.getId(), verdict, idempotencyKey));
        }

        @Override
        public @Nullable BadReviewCase watch(BadReviewCase c, Instant at) {
            return watch.step(c, at);
        }

        @Override
        public CaseTerms terms(BadReviewCase c) {
            return handling.terms(c);
        }

        @Override
        public CaseDeadlines deadlines(BadReviewCase c) {
            return routing.ruleFor(c.getCampaignCode()).deadlines();
        }
    }

    /** Cases per status and outcome, overdue, reopened, under 督办 (now, ever) and appealed, for the log. */
    static Map<String, Long> census(List<BadReviewCase> all) {
        Map<String, Long> census = new java.util.LinkedHashMap<>();
        Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
        all.forEach(c -> byStatus.merge(c.getStatus(), 1L, Long::sum));
        byStatus.forEach((status, n) -> census.put(status.name(), n));
        all.stream().filter(c -> c.getOutcome() != null)
                .forEach(c -> census.merge("CLOSED_" + c.getOutcome().name(), 1L, Long::sum));
        census.put("overdue", all.stream().filter(BadReviewCase::isOverdue).count());
        census.put("supervisedOpen", all.stream().filter(c -> c.isSupervised() && c.getStatus().isOpen()).count());
        census.put("reopened", all.stream().filter(c -> c.getReopenings() > 0).count());
        census.put("supervised", all.stream().filter(BadReviewCase::isSupervised).count());
        for (Appeal.State state : Appeal.State.values()) {
            census.put("appeals" + state, all.stream().filter(c -> c.getAppeal() != null && c.getAppeal().state() == state).count());
        }
        return census;
    }
}
