package org.haochaping.badreview;

import org.springframework.util.Assert;

/**
 * A campaign's deadlines in working days: contact (回访), 立行立改 (also an explanation), 限期整改.
 * The product's defaults are 1, 5 and 15.
 */
public record CaseDeadlines(int contactDays, int immediateDays, int scheduledDays) {

    public static final CaseDeadlines DEFAULT = new CaseDeadlines(1, 5, 15);
    public static final int MAX_DAYS = 60;

    public CaseDeadlines {
        Assert.isTrue(contactDays >= 1 && contactDays <= immediateDays && immediateDays <= scheduledDays
                && scheduledDays <= MAX_DAYS, "Deadlines must be 1 ≤ contact ≤ immediate ≤ scheduled ≤ 60 working days");
    }

    static boolean areValid(int contactDays, int immediateDays, int scheduledDays) {
        return contactDays >= 1 && contactDays <= immediateDays && immediateDays <= scheduledDays
                && scheduledDays <= MAX_DAYS;
    }
}
