package org.haochaping.satisfaction;

/**
 * The counts behind the bad-review handling figures, for a set of cases (a campaign, a unit, a
 * month). Counts add up, so a sum of per-case counts and a recount from the cases agree.
 *
 * @param cases cases counted (those whose rating an upheld appeal excluded are not)
 * @param contactSettled cases whose contact is decided: contacted, or its deadline passed without contact
 * @param contactedOnTime of those, contacted within the deadline
 * @param handled cases whose unit finished its part (整改完成 or 解释说明) and that are closed
 * @param handledOnTime of those, finished by the deadline
 * @param handlingDays the working days from opening to the unit's finish, summed over {@code handled}
 * @param reratings re-ratings given (a reopened case can have several)
 * @param satisfiedReratings of those, 满意 or 基本满意
 * @param notRerated cases closed as 未复评, counted apart
 * @param appealUpheld cases closed by an upheld appeal (their ratings left every figure)
 */
public record HandlingCounts(long cases, long open, long overdue, long contactSettled, long contactedOnTime,
        long handled, long handledOnTime, long handlingDays, long reratings, long satisfiedReratings,
        long notRerated, long appealUpheld) {

    public static final HandlingCounts ZERO = new HandlingCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public HandlingCounts plus(HandlingCounts o) {
        return new HandlingCounts(cases + o.cases, open + o.open, overdue + o.overdue,
                contactSettled + o.contactSettled, contactedOnTime + o.contactedOnTime, handled + o.handled,
                handledOnTime + o.handledOnTime, handlingDays + o.handlingDays, reratings + o.reratings,
                satisfiedReratings + o.satisfiedReratings, notRerated + o.notRerated, appealUpheld + o.appealUpheld);
    }

    public HandlingCounts minus(HandlingCounts o) {
        return plus(o.negated());
    }

    private HandlingCounts negated() {
        return new HandlingCounts(-cases, -open, -overdue, -contactSettled, -contactedOnTime, -handled,
                -handledOnTime, -handlingDays, -reratings, -satisfiedReratings, -notRerated, -appealUpheld);
    }
}
