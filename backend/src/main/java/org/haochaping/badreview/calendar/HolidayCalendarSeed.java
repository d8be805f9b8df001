package org.haochaping.badreview.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.haochaping.system.SeedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the arrangements the product ships (2025 and 2026, from the State Council's notices) on
 * start. It only adds years nothing is stored for, so a supervisor's corrections survive restarts,
 * and two instances starting at once add each year once. A seed year that breaks the calendar's
 * rules stops the start: deadlines must not be counted on a mistyped notice.
 */
@Component
class HolidayCalendarSeed implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(HolidayCalendarSeed.class);
    static final String ENTERED_BY = "seed";

    private final HolidayYears years;
    private final HolidayCalendar calendar;
    private final JsonMapper json;
    private final Clock clock;
    private final Resource seedFile;

    HolidayCalendarSeed(HolidayYears years, HolidayCalendar calendar, JsonMapper json, Clock clock,
            @Value("${haochaping.seed.holiday-calendar:classpath:seed/holiday-calendar.json}") Resource seedFile) {
        this.years = years;
        this.calendar = calendar;
        this.json = json;
        this.clock = clock;
        this.seedFile = seedFile;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int added = load();
        if (added > 0) {
            log.info("Loaded the holiday arrangements of {} years from {}", added, seedFile.getDescription());
        }
    }

    /** Adds the seed's years that are not stored yet; returns how many were added. */
    int load() {
        int added = 0;
        for (SeedYear entry : SeedFiles.read(json, seedFile, SeedFile.class).years()) {
            YearArrangement arrangement = entry.toArrangement();
            ArrangementRules.check(arrangement);
            if (years.find(arrangement.year()).isEmpty()
                    && years.insert(HolidayYears.StoredYear.of(arrangement, ENTERED_BY, clock.instant())).isPresent()) {
                added++;
            }
        }
        calendar.forget();
        return added;
    }

    record SeedFile(String about, List<SeedYear> years) {
    }

    /** A year as the notice words it: named holidays from one day to another, and the make-up days. */
    record SeedYear(int year, String source, List<Holiday> holidays, List<LocalDate> makeUpWorkingDays) {

        YearArrangement toArrangement() {
            List<LocalDate> days = holidays.stream().flatMap(Holiday::days).toList();
            return new YearArrangement(year, days, makeUpWorkingDays, source, 1);
        }
    }

    record Holiday(String name, LocalDate from, LocalDate to) {

        Stream<LocalDate> days() {
            return from.datesUntil(to.plusDays(1));
        }
    }
}
