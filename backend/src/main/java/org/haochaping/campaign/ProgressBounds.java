package org.haochaping.campaign;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What an outcome progress figure may be: a finite, non-negative number with at most four decimal
 * places, and not absurdly larger than its goal (a typo of a few extra zeros would otherwise bend
 * every chart and status). Pure rule, no Spring.
 */
final class ProgressBounds {

    static final int MAX_DECIMAL_PLACES = 4;
    /** Progress may overshoot a target, but not by more than this factor. */
    static final BigDecimal MAX_TARGET_MULTIPLE = BigDecimal.valueOf(1_000);
    /** For goals whose target is tiny or zero (e.g. at most 0 accidents): counts up to this stay possible. */
    static final BigDecimal MIN_CEILING = BigDecimal.valueOf(1_000);
    static final BigDecimal ABSOLUTE_CEILING = new BigDecimal("1e12");

    private ProgressBounds() {
    }

    /** The problem code {@code value} breaks for {@code goal}, if any. */
    static Optional<String> violation(BigDecimal value, Goal goal) {
        if (value.signum() < 0) {
            return Optional.of("INVALID_PROGRESS");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
            return Optional.of("PROGRESS_TOO_PRECISE");
        }
        if (value.compareTo(ceiling(goal)) > 0) {
            return Optional.of("PROGRESS_TOO_LARGE");
        }
        return Optional.empty();
    }

    /** The largest figure the goal accepts. */
    static BigDecimal ceiling(Goal goal) {
        return goal.target().multiply(MAX_TARGET_MULTIPLE).max(MIN_CEILING).min(ABSOLUTE_CEILING);
    }

    /** A figure from a floating-point source (a form, a spreadsheet): NaN and infinities are no figures. */
    static Optional<BigDecimal> finite(double value) {
        return Double.isFinite(value) ? Optional.of(BigDecimal.valueOf(value)) : Optional.empty();
    }
}
