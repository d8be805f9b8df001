/**
 * The working-day calendar bad-review deadlines are counted on: the State Council's holidays and
 * make-up working days of each year ({@link org.haochaping.badreview.calendar.HolidayCalendar}), and
 * the pure rule that counts with them ({@link org.haochaping.badreview.calendar.WorkingDays}).
 */
@NullMarked
package org.haochaping.badreview.calendar;

import org.jspecify.annotations.NullMarked;
