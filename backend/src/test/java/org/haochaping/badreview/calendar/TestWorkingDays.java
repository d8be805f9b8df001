package org.haochaping.badreview.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The calendar the product ships (2025 and 2026, read from {@code seed/holiday-calendar.json}) for
 * tests of anything counted in working days, without Spring or a store.
 */
public final class TestWorkingDays {

    public static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    private TestWorkingDays() {
    }

    /** 2025 and 2026 as seeded; every other year weekends only. */
    public static WorkingDays shipped() {
        return WorkingDays.of(COUNTY, shippedYears());
    }

    static List<YearArrangement> shippedYears() {
        try (InputStream in = TestWorkingDays.class.getResourceAsStream("/seed/holiday-calendar.json")) {
            HolidayCalendarSeed.SeedFile seed = JsonMapper.builder().build().readValue(in, HolidayCalendarSeed.SeedFile.class);
            return seed.years().stream().map(HolidayCalendarSeed.SeedYear::toArrangement).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
