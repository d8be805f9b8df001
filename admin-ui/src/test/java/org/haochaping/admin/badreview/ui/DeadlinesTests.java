package org.haochaping.admin.badreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.haochaping.badreview.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

/** Deadlines as the queue and the case page word them, in county time and working days. */
class DeadlinesTests {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    static final WorkingDays DAYS = WorkingDays.of(COUNTY, List.of());
    /** Due at the end of Monday 30 November 2026. */
    static final Instant END_OF_MONDAY = at("2026-12-01T00:00");

    @Test
    void a_deadline_at_midnight_reads_as_the_day_it_ends_with_the_working_days_left() {
        assertThat(Deadlines.of(END_OF_MONDAY, at("2026-11-27T10:00"), DAYS)).isEqualTo("2026-11-30（剩 1 个工作日）");
        assertThat(Deadlines.of(END_OF_MONDAY, at("2026-11-28T10:00"), DAYS)).as("Saturday").isEqualTo("2026-11-30（剩 1 个工作日）");
        assertThat(Deadlines.of(END_OF_MONDAY, at("2026-11-30T09:00"), DAYS)).isEqualTo("2026-11-30（今日到期）");
        assertThat(Deadlines.of(END_OF_MONDAY, at("2026-11-25T09:00"), DAYS)).isEqualTo("2026-11-30（剩 3 个工作日）");
    }

    @Test
    void past_the_deadline_it_counts_the_working_days_overdue() {
        assertThat(Deadlines.of(at("2026-11-28T00:00"), at("2026-11-28T10:00"), DAYS))
                .as("due at the end of Friday, seen on Saturday: past it, no working day yet").isEqualTo("2026-11-27（已超期）");
        assertThat(Deadlines.of(END_OF_MONDAY, at("2026-12-01T00:00"), DAYS)).isEqualTo("2026-11-30（已超期 1 个工作日）");
        assertThat(Deadlines.of(END_OF_MONDAY, at("2026-12-01T09:00"), DAYS)).isEqualTo("2026-11-30（已超期 1 个工作日）");
        assertThat(Deadlines.of(END_OF_MONDAY, at("2026-12-03T09:00"), DAYS)).isEqualTo("2026-11-30（已超期 3 个工作日）");
    }

    @Test
    void a_deadline_within_a_day_keeps_its_time() {
        assertThat(Deadlines.when(at("2026-11-30T17:30"), DAYS)).isEqualTo("2026-11-30 17:30");
        assertThat(Deadlines.at(at("2026-11-30T17:30"), DAYS)).isEqualTo("2026-11-30 17:30");
    }

    private static Instant at(String countyTime) {
        return LocalDateTime.parse(countyTime).atZone(COUNTY).toInstant();
    }
}
