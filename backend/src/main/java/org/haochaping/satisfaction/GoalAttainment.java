package org.haochaping.satisfaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.haochaping.campaign.Comparison;
import org.haochaping.campaign.Goal;
import org.haochaping.campaign.ParticipationMeasure;
import org.haochaping.campaign.Period;
import org.jspecify.annotations.Nullable;

/**
 * Where each goal of a campaign stands. Pure: the figures, the day and the rules are handed in.
 *
 * <ul>
 * <li>Rate goals (好评率 ≥ X, 差评率 ≤ Y) compare the 95% Wilson interval with the target: MET when
 * the whole interval is on the right side, ON_TRACK when the estimate is, AT_RISK when the interval
 * still reaches the target, OFF_TRACK otherwise; INSUFFICIENT_DATA below {@code minimumSample}.</li>
 * <li>Counted goals (participation, and outcomes from officials' progress reports) compare the value
 * with the straight line from zero at the start of the period to the target at the deadline:
 * ON_TRACK at or above the line, AT_RISK within 80% of it, OFF_TRACK below; a deadline passed
 * without the target is OFF_TRACK. An outcome with a maximum (e.g. no major accidents) is ON_TRACK
 * while within it and MET once the deadline passes within it. An outcome nobody reported on is
 * NO_PROGRESS_REPORTED: a missing report is the officials' gap, not a lack of residents' ratings.</li>
 * </ul>
 */
public final class GoalAttainment {

    /** What a goal's evaluation says. {@code interval} only for rate goals. */
    public record Evaluation(Goal goal, @Nullable BigDecimal value, AttainmentStatus status, @Nullable Interval interval,
            long sample) {
    }

    static final double AT_RISK_SHARE_OF_TRAJECTORY = 0.8;

    private final int minimumSample;

    public GoalAttainment(int minimumSample) {
        this.minimumSample = minimumSample;
    }

    public Evaluation evaluate(Goal goal, Period period, Tally tally, @Nullable Long participants,
            @Nullable ProgressReport progress, LocalDate today) {
        return switch (goal.type()) {
            case SATISFACTION -> rate(goal, tally, tally.goodCount());
            case BAD_REVIEW_LIMIT -> rate(goal, tally, tally.badCount());
            case PARTICIPATION -> {
                Long count = goal.measure() == ParticipationMeasure.RATINGS ? Long.valueOf(tally.count()) : participants;
                yield count == null ? new Evaluation(goal, null, AttainmentStatus.INSUFFICIENT_DATA, null, 0)
                        : counted(goal, period, BigDecimal.valueOf(count), today, tally.count());
            }
            case OUTCOME -> progress == null
                    ? new Evaluation(goal, null, AttainmentStatus.NO_PROGRESS_REPORTED, null, 0)
                    : counted(goal, period, progress.value(), progress.asOf().isAfter(today) ? today : progress.asOf(), 0);
        };
    }

    private Evaluation rate(Goal goal, Tally tally, long hits) {
        long n = tally.count();
        double percent = n == 0 ? 0 : 100.0 * hits / n;
        BigDecimal value = BigDecimal.valueOf(percent).setScale(2, RoundingMode.HALF_UP);
        Interval interval = Interval.wilson(hits, n);
        if (n < minimumSample) {
            return new Evaluation(goal, n == 0 ? null : value, AttainmentStatus.INSUFFICIENT_DATA, n == 0 ? null : interval, n);
        }
        double target = goal.target().doubleValue();
        boolean atLeast = goal.comparison() == Comparison.AT_LEAST;
        double cautious = atLeast ? interval.low() : interval.high();
        double hopeful = atLeast ? interval.high() : interval.low();
        AttainmentStatus status = reaches(cautious, target, atLeast) ? AttainmentStatus.MET
                : reaches(percent, target, atLeast) ? AttainmentStatus.ON_TRACK
                : reaches(hopeful, target, atLeast) ? AttainmentStatus.AT_RISK
                : AttainmentStatus.OFF_TRACK;
        return new Evaluation(goal, value, status, interval, n);
    }

    private static Evaluation counted(Goal goal, Period period, BigDecimal value, LocalDate asOf, long sample) {
        LocalDate due = goal.dueIn(period);
        boolean dueDayPassed = asOf.isAfter(due);
        if (goal.comparison() == Comparison.AT_MOST) {
            AttainmentStatus status = !goal.isMetBy(value) ? AttainmentStatus.OFF_TRACK
                    : dueDayPassed ? AttainmentStatus.MET : AttainmentStatus.ON_TRACK;
            return new Evaluation(goal, value, status, null, sample);
        }
        if (goal.isMetBy(value)) {
            return new Evaluation(goal, value, AttainmentStatus.MET, null, sample);
        }
        if (dueDayPassed) {
            return new Evaluation(goal, value, AttainmentStatus.OFF_TRACK, null, sample);
        }
        double expected = goal.target().doubleValue() * elapsedShare(period.start(), due, asOf);
        double actual = value.doubleValue();
        AttainmentStatus status = actual >= expected ? AttainmentStatus.ON_TRACK
                : actual >= AT_RISK_SHARE_OF_TRAJECTORY * expected ? AttainmentStatus.AT_RISK
                : AttainmentStatus.OFF_TRACK;
        return new Evaluation(goal, value, status, null, sample);
    }

    /** How much of the way from start to deadline {@code day} is, 0 to 1, counting both ends as days. */
    static double elapsedShare(LocalDate start, LocalDate due, LocalDate day) {
        long total = ChronoUnit.DAYS.between(start, due) + 1;
        long elapsed = ChronoUnit.DAYS.between(start, day) + 1;
        return Math.clamp((double) elapsed / total, 0, 1);
    }

    private static boolean reaches(double value, double target, boolean atLeast) {
        return atLeast ? value >= target : value <= target;
    }
}
