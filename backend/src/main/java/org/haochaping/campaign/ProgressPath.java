package org.haochaping.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A plausible history of an outcome goal's progress, for demo data: slow at first, fastest mid-way,
 * levelling off (an S-curve), with some noise, never going back and never past the target. The
 * {@code pace} says where the last report stands against the straight line from zero at the start
 * to the target at the deadline: 1 on it, 1.2 ahead, 0.5 half-way behind. A maximum (no major
 * accidents) is kept: zero throughout. Pure; the same random gives the same path.
 */
final class ProgressPath {

    /** Steepness of the S-curve: 8 leaves a tenth of the work to each of the first and last quarters. */
    private static final double STEEPNESS = 8;
    /** Monthly figures wander by about this share around the curve. */
    private static final double NOISE = 0.06;

    private ProgressPath() {
    }

    /** The figure reported on each of {@code days} (oldest first), within {@link ProgressBounds}. */
    static List<BigDecimal> of(Goal goal, Period period, List<LocalDate> days, double pace, Random random) {
        List<BigDecimal> values = new ArrayList<>();
        if (goal.comparison() == Comparison.AT_MOST || days.isEmpty()) {
            days.forEach(day -> values.add(BigDecimal.ZERO));
            return values;
        }
        LocalDate start = period.start();
        LocalDate due = goal.dueIn(period);
        double target = goal.target().doubleValue();
        double lastShare = elapsed(start, due, days.getLast());
        double lastCurve = Math.max(sCurve(lastShare), Double.MIN_NORMAL);
        double reached = 0;
        for (LocalDate day : days) {
            double curve = pace * lastShare * sCurve(elapsed(start, due, day)) / lastCurve;
            double noisy = curve * (1 + NOISE * random.nextGaussian());
            reached = Math.clamp(noisy * target, reached, target);
            values.add(rounded(reached, goal.target()));
        }
        return values;
    }

    /** The share of the way from start to due that {@code day} is, 0 to 1. */
    private static double elapsed(LocalDate start, LocalDate due, LocalDate day) {
        long total = Math.max(1, ChronoUnit.DAYS.between(start, due) + 1);
        return Math.clamp((double) (ChronoUnit.DAYS.between(start, day) + 1) / total, 0, 1);
    }

    /** A logistic curve scaled to run from 0 at the start to 1 at the deadline. */
    private static double sCurve(double share) {
        double low = logistic(0);
        return (logistic(share) - low) / (logistic(1) - low);
    }

    private static double logistic(double share) {
        return 1 / (1 + Math.exp(-STEEPNESS * (share - 0.5)));
    }

    /** Whole households, projects and villages stay whole; other units keep one decimal. */
    private static BigDecimal rounded(double value, BigDecimal target) {
        int decimals = target.stripTrailingZeros().scale() <= 0 ? 0 : 1;
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).min(target);
    }
}
