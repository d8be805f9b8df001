package org.haochaping.badreview.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haochaping.ApiContract.conforms;
import static org.haochaping.ApiContract.responseConforms;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;

import org.haochaping.IntegrationTest;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.identity.Actor;
import org.haochaping.identity.AuditTrail;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The officials' holiday calendar over HTTP on the whole application: the shipped years, a year
 * nobody entered, a supervisor entering and correcting a year (counted on at once, audited), stale
 * saves, broken rules and refusals; every answer held to the contract. Each test that saves uses a
 * year of its own, far from the ones deadlines are counted in.
 */
@IntegrationTest
class HolidayCalendarApiTests {

    static final String PATH = "/api/v1/admin/holiday-calendar/";

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    HolidayCalendar calendar;
    @Autowired
    AuditTrail auditTrail;

    @Test
    void any_official_reads_the_shipped_2026_arrangement_with_its_source() throws Exception {
        mvc.perform(get(PATH + "2026").header("Authorization", "Bearer " + token(Role.HANDLER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.arranged").value(true))
                .andExpect(jsonPath("$.holidays.length()").value(33))
                .andExpect(jsonPath("$.holidays[3]").value("2026-02-15"))
                .andExpect(jsonPath("$.makeUpWorkingDays[0]").value("2026-01-04"))
                .andExpect(jsonPath("$.source").value("国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04"))
                .andExpect(conforms());
    }

    @Test
    void a_year_nobody_entered_is_unarranged_with_version_0() throws Exception {
        mvc.perform(get(PATH + "2045").header("Authorization", "Bearer " + token(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.arranged").value(false))
                .andExpect(jsonPath("$.holidays").isEmpty())
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.source").doesNotExist())
                .andExpect(conforms());
    }

    @Test
    void a_supervisor_enters_a_year_then_corrects_it_and_deadlines_count_on_it_at_once() throws Exception {
        long read = calendar.year(2031).version();

        mvc.perform(save(2031, """
                {"holidays":["2031-10-01","2031-01-01"],"makeUpWorkingDays":["2031-10-11"],
                 "source":" 国务院办公厅关于2031年部分节假日安排的通知 ","version":%d}""".formatted(read)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.arranged").value(true))
                .andExpect(jsonPath("$.holidays[0]").value("2031-01-01"))
                .andExpect(jsonPath("$.source").value("国务院办公厅关于2031年部分节假日安排的通知"))
                .andExpect(jsonPath("$.version").value(read + 1))
                .andExpect(conforms());
        assertThat(calendar.workingDays().isWorkingDay(LocalDate.parse("2031-01-01"))).isFalse();
        assertThat(calendar.workingDays().isWorkingDay(LocalDate.parse("2031-10-11"))).as("make-up Saturday").isTrue();

        mvc.perform(save(2031, """
                {"holidays":["2031-01-01"],"version":%d}""".formatted(read + 1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.makeUpWorkingDays").isEmpty())
                .andExpect(jsonPath("$.source").doesNotExist())
                .andExpect(jsonPath("$.version").value(read + 2))
                .andExpect(conforms());
        assertThat(calendar.workingDays().isWorkingDay(LocalDate.parse("2031-10-11"))).isFalse();
        assertThat(auditTrail.newest(new Actor("reader", "审计", Set.of(Role.AUDITOR), null, null), 50))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("HOLIDAY_CALENDAR_SAVED");
                    assertThat(entry.target()).isEqualTo("holiday-calendar:2031");
                    assertThat(entry.roles()).containsExactly("SUPERVISOR");
                });
    }

    @Test
    void a_save_from_a_version_someone_replaced_is_a_409_and_changes_nothing() throws Exception {
        long read = calendar.year(2032).version();
        mvc.perform(save(2032, "{\"holidays\":[\"2032-01-01\"],\"version\":%d}".formatted(read))).andExpect(status().isOk());

        mvc.perform(save(2032, "{\"holidays\":[\"2032-05-03\"],\"version\":%d}".formatted(read)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CALENDAR_VERSION_CONFLICT"))
                .andExpect(jsonPath("$.type").value("https://haochaping.org/problems/calendar-version-conflict"))
                .andExpect(jsonPath("$.title").value("安排已被他人修改"))
                .andExpect(conforms());
        assertThat(calendar.year(2032).holidays()).containsExactly(LocalDate.parse("2032-01-01"));
        assertThat(calendar.year(2032).version()).isEqualTo(read + 1);
    }

    @Test
    void an_arrangement_that_breaks_a_rule_is_a_422_naming_the_rule_in_chinese_or_english() throws Exception {
        mvc.perform(save(2033, "{\"holidays\":[\"2033-01-03\"],\"makeUpWorkingDays\":[\"2033-02-09\"],\"version\":0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CALENDAR_MAKE_UP_DAY_NOT_WEEKEND"))
                .andExpect(jsonPath("$.title").value("调休上班日须为周末"))
                .andExpect(jsonPath("$.detail").value("2033-02-09 不是星期六或星期日；只有周末才需要调休上班。"))
                .andExpect(conforms());
        mvc.perform(save(2033, "{\"holidays\":[\"2034-01-02\"],\"version\":0}").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CALENDAR_DAY_OUTSIDE_YEAR"))
                .andExpect(jsonPath("$.detail").value("2034-01-02 is not a day of 2033."))
                .andExpect(conforms());
        assertThat(calendar.year(2033).isArranged()).isFalse();
    }

    @Test
    void residents_may_not_read_it_and_only_supervisors_may_save_it() throws Exception {
        mvc.perform(get(PATH + "2026").header("Authorization", "Bearer " + tokens.resident("calendar-resident")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                .andExpect(conforms());
        mvc.perform(put(PATH + "2034").header("Authorization", "Bearer " + token(Role.MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"holidays\":[\"2034-01-02\"],\"version\":0}"))
                .andExpect(status().isForbidden())
                .andExpect(conforms());
        mvc.perform(get(PATH + "2026")).andExpect(status().isUnauthorized()).andExpect(conforms());
        assertThat(calendar.year(2034).isArranged()).isFalse();
    }

    @Test
    void a_year_outside_2000_to_2100_is_no_calendar_year() throws Exception {
        mvc.perform(get(PATH + "1999").header("Authorization", "Bearer " + token(Role.SUPERVISOR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(responseConforms());
    }

    private MockHttpServletRequestBuilder save(int year, String json) {
        return put(PATH + year).header("Authorization", "Bearer " + token(Role.SUPERVISOR))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private String token(Role role) {
        return tokens.forRole("calendar-" + role.name().toLowerCase(), role,
                role == Role.HANDLER || role == Role.MANAGER ? "housing-construction" : null);
    }
}
