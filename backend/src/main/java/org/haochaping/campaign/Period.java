package org.haochaping.campaign;

import java.time.LocalDate;

import org.springframework.util.Assert;

/** The days a campaign runs, both ends included. */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        Assert.notNull(start, "A period needs a start");
        Assert.notNull(end, "A period needs an end");
        Assert.isTrue(!end.isBefore(start), () -> "A period cannot end (" + end + ") before it starts (" + start + ")");
    }

    public static Period calendarYear(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
