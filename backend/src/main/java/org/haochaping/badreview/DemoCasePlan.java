package org.haochaping.badreview;

import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * How one demo case goes, drawn once from a seeded {@link Random}: how soon its unit contacts the
 * resident, what it finds and decides in each round, whether it fixes in time, whether and how the
 * resident re-rates. {@link DemoCases} walks the case along it through the real services, up to
 * today; whatever the plan puts after today is where the case stands now. Pure: no Spring, no clock.
 *
 * @param contactLateDays 0 if the unit calls within its deadline, else on the n-th working day after it
 * @param contactAt where in the allowed time the call falls (0 soonest … 1 last moment)
 * @param appeal the unit's 申诉 after finding the complaint untrue, or null
 * @param rounds the first round, the one after a 不满意 reopens the case, the one under 督办
 */
record DemoCasePlan(int contactLateDays, double contactAt, ContactMethod method, Finding finding,
        @Nullable AppealPlan appeal, List<Round> rounds) {

    /** Shares of the demo, as a county's handling figures might look in the campaign's first year. */
    static final double CONTACT_LATE = 0.12;
    static final double NOT_CONFIRMED = 0.10;
    static final double APPEALED_WHEN_NOT_CONFIRMED = 0.15;
    static final double APPEAL_APPROVED = 0.4;
    static final double RECTIFIED_LATE = 0.12;
    static final double RERATED = 0.82;
    /** 不满意 in the first round, after a reopening, under 督办. */
    static final double[] UNSATISFIED = {0.15, 0.22, 0.10};

    /**
     * The unit's appeal: filed soon after the call, decided some working days later by a SUPERVISOR.
     *
     * @param approve null while it waits for the decision (the demo's pending appeal)
     */
    record AppealPlan(AppealReason reason, @Nullable Boolean approve, int decisionDays, double decisionAt) {
    }

    /**
     * One round of handling.
     *
     * @param disposeMinutes how long after the call (first round) the disposition is entered
     * @param disposeAt in later rounds, where in the 立行立改 time the new disposition falls
     * @param scheduledDays for 限期整改, the working days to the due date the unit sets (capped at the campaign's limit)
     * @param lateDays 0 if fixed in time, else fixed on the n-th working day after the deadline
     * @param fixAt where in the allowed time the fix falls
     * @param rerateHours hours from the fix to the resident's re-rating; 0: no re-rating (未复评)
     */
    record Round(DispositionKind kind, int disposeMinutes, double disposeAt, int scheduledDays, int lateDays,
            double fixAt, int rerateHours, Verdict verdict) {
    }

    static DemoCasePlan draw(Random random) {
        int contactLateDays = random.nextDouble() < CONTACT_LATE ? 1 + random.nextInt(6) : 0;
        double contactAt = random.nextDouble();
        ContactMethod method = pick(random, ContactMethod.values(), 0.7, 0.2, 0.1);
        Finding finding = random.nextDouble() < NOT_CONFIRMED ? Finding.NOT_CONFIRMED
                : random.nextDouble() < 0.6 ? Finding.CONFIRMED : Finding.PARTLY_CONFIRMED;
        AppealPlan appeal = null;
        if (finding == Finding.NOT_CONFIRMED && random.nextDouble() < APPEALED_WHEN_NOT_CONFIRMED) {
            appeal = new AppealPlan(pick(random, new AppealReason[] {AppealReason.MISTAKEN, AppealReason.MALICIOUS,
                    AppealReason.OUTSIDE_SERVICE_SCOPE}, 0.5, 0.3, 0.2), random.nextDouble() < APPEAL_APPROVED,
                    1 + random.nextInt(3), random.nextDouble());
        }
        Round first = round(random, finding == Finding.NOT_CONFIRMED ? DispositionKind.EXPLANATION
                : pick(random, DispositionKind.values(), 0.55, 0.3, 0.15), UNSATISFIED[0]);
        Round reopened = round(random, random.nextDouble() < 0.7 ? DispositionKind.IMMEDIATE : DispositionKind.SCHEDULED,
                UNSATISFIED[1]);
        Round supervised = round(random, random.nextDouble() < 0.6 ? DispositionKind.IMMEDIATE : DispositionKind.SCHEDULED,
                UNSATISFIED[2]);
        return new DemoCasePlan(contactLateDays, contactAt, method, finding, appeal, List.of(first, reopened, supervised));
    }

    private static Round round(Random random, DispositionKind kind, double unsatisfied) {
        int lateDays = random.nextDouble() < RECTIFIED_LATE ? 1 + random.nextInt(5) : 0;
        double fixAt = Math.pow(random.nextDouble(), 1.5); // most fix early in the time they have
        int rerateHours = random.nextDouble() < RERATED ? 1 + (int) (160 * Math.pow(random.nextDouble(), 2)) : 0;
        double v = random.nextDouble();
        Verdict verdict = v < unsatisfied ? Verdict.UNSATISFIED
                : v < unsatisfied + (1 - unsatisfied) * 0.62 ? Verdict.SATISFIED : Verdict.BASICALLY_SATISFIED;
        return new Round(kind, 5 + random.nextInt(116), Math.pow(random.nextDouble(), 2), 6 + random.nextInt(10),
                lateDays, fixAt, rerateHours, verdict);
    }

    /** The plan with another first finding and appeal (the demo's showcase of the appeal outcomes). */
    DemoCasePlan withAppeal(AppealPlan showcase) {
        Round first = rounds.getFirst();
        return new DemoCasePlan(0, contactAt, method, Finding.NOT_CONFIRMED, showcase,
                List.of(new Round(DispositionKind.EXPLANATION, first.disposeMinutes(), first.disposeAt(),
                        first.scheduledDays(), 0, first.fixAt(), first.rerateHours(), first.verdict()), rounds.get(1),
                        rounds.get(2)));
    }

    /**
     * The plan of a case that goes all the way to 督办 quickly and is being fixed under it now: called
     * in time, fixed at once twice, 不满意 twice, then a 限期整改 by the lead department.
     */
    DemoCasePlan underSupervision() {
        Round quick = new Round(DispositionKind.IMMEDIATE, 30, 0, 6, 0, 0.2, 20, Verdict.UNSATISFIED);
        Round supervised = new Round(DispositionKind.SCHEDULED, 60, 0.1, 15, 0, 0.95, 24, Verdict.SATISFIED);
        return new DemoCasePlan(0, 0.3, method, Finding.CONFIRMED, null, List.of(quick, quick, supervised));
    }

    /** The plan of a case its unit has not called in weeks (overdue, escalated to a SUPERVISOR). */
    DemoCasePlan neglected() {
        return new DemoCasePlan(60, contactAt, method, finding, null, rounds);
    }

    /** The plan of a case called in time, to be fixed at once, and still not fixed weeks later (overdue). */
    DemoCasePlan fixOverdue() {
        Round first = rounds.getFirst();
        return new DemoCasePlan(0, contactAt, method, Finding.CONFIRMED, null, List.of(new Round(DispositionKind.IMMEDIATE,
                first.disposeMinutes(), first.disposeAt(), first.scheduledDays(), 40, first.fixAt(), first.rerateHours(),
                first.verdict()), rounds.get(1), rounds.get(2)));
    }

    private static <T> T pick(Random random, T[] values, double... weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[weights.length - 1];
    }
}
