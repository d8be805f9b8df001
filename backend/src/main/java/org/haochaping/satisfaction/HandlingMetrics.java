package org.haochaping.satisfaction;

import java.util.OptionalDouble;

/**
 * The bad-review handling figures, defined once beside {@link SatisfactionMetrics}: the console,
 * the API and the reports compute them here from {@link HandlingCounts}. A rate with nothing to
 * count is empty, not 0 or 100.
 */
public final class HandlingMetrics {

    private HandlingMetrics() {
    }

    /** 回访率: % of cases whose contact is decided that were contacted within the deadline. */
    public static OptionalDouble contactRate(HandlingCounts counts) {
        return percent(counts.contactedOnTime(), counts.contactSettled());
    }

    /** 按期办结率: % of closed cases whose unit finished its part by the deadline. */
    public static OptionalDouble onTimeRate(HandlingCounts counts) {
        return percent(counts.handledOnTime(), counts.handled());
    }

    /** 整改满意率: % of re-ratings that are 满意 or 基本满意. */
    public static OptionalDouble rectificationSatisfactionRate(HandlingCounts counts) {
        return percent(counts.satisfiedReratings(), counts.reratings());
    }

    /** Mean handling time in working days, opening to the unit's finish, over closed cases. */
    public static OptionalDouble meanHandlingDays(HandlingCounts counts) {
        return counts.handled() == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) counts.handlingDays() / counts.handled());
    }

    private static OptionalDouble percent(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * part / whole);
    }
}
