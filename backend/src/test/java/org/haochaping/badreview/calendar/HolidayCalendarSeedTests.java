package org.haochaping.badreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped seed says exactly what DOMAIN.md's table (typed into {@link WorkingDaysTests}) says. */
class HolidayCalendarSeedTests {

    @Test
    void the_seed_holds_2025_and_2026_as_the_state_council_published_them() {
        List<YearArrangement> seeded = TestWorkingDays.shippedYears();

        assertThat(seeded).containsExactly(WorkingDaysTests.Y2025, WorkingDaysTests.Y2026);
        assertThat(seeded).allSatisfy(ArrangementRules::check);
    }
}
