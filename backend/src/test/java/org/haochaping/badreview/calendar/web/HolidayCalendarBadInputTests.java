package org.haochaping.badreview.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.haochaping.IntegrationTest;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.YearArrangement;
import org.haochaping.identity.Role;
import org.haochaping.identity.Tokens;
import org.haochaping.system.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-written bad input for a supervisor's save of a year (the calendar's part of the corpus in
 * {@code BadInputCorpusTests}): each case gets the status and problem code it deserves, names the
 * field when it is one field's fault, and changes nothing stored. The unchanged request the cases
 * are derived from is accepted, so each fails for what was changed and nothing else.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HolidayCalendarBadInputTests {

    /** A year of its own, far from the ones deadlines are counted in. */
    static final int YEAR = 2036;
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Expected(int status, String code, @Nullable String field) {
        static Expected invalid(@Nullable String field) {
            return new Expected(400, "INVALID_INPUT", field);
        }

        static Expected problem(int status, String code) {
            return new Expected(status, code, null);
        }
    }

    /** What is sent, a name saying what is wrong with it, and the answer it deserves (none for the control). */
    record Case(String name, int year, String contentType, byte[] body, @Nullable Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Tokens tokens;
    @Autowired
    HolidayCalendar calendar;

    YearArrangement before;

    @BeforeAll
    void theControlIsSavedFirst() throws Exception {
        MockHttpServletResponse response = send(new Case("valid", YEAR, MediaType.APPLICATION_JSON_VALUE,
                bytes(valid(calendar.year(YEAR).version())), null));
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        before = calendar.year(YEAR);
    }

    @AfterAll
    void nothingButTheControlWasStored() {
        assertThat(calendar.year(YEAR)).isEqualTo(before);
    }

    @Test
    void the_unchanged_save_the_cases_are_derived_from_was_accepted() {
        assertThat(before.isArranged()).isTrue();
        assertThat(before.makeUpWorkingDays()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void bad_saves_get_the_problem_they_deserve_and_change_nothing(Case bad) throws Exception {
        MockHttpServletResponse response = send(bad);
        String answer = bad.name() + " -> " + response.getStatus() + " " + response.getContentAsString(StandardCharsets.UTF_8);
        Expected expected = Objects.requireNonNull(bad.expected());

        assertThat(response.getStatus()).as(answer).isEqualTo(expected.status());
        assertThat(response.getContentType()).as(answer).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<?, ?> problem = JSON.readValue(response.getContentAsString(StandardCharsets.UTF_8), Map.class);
        assertThat(problem.get("code")).as(answer).isEqualTo(expected.code());
        assertThat(problem.get("type")).as(answer).isEqualTo(Problems.typeOf(expected.code()).toString());
        if (expected.field() != null) {
            assertThat(problem.get("errors")).as(answer).asInstanceOf(InstanceOfAssertFactories.LIST)
                    .extracting(error -> ((Map<?, ?>) error).get("field")).first().isEqualTo(expected.field());
        }
        assertThat(calendar.year(YEAR)).as(answer).isEqualTo(before);
    }

    Stream<Case> corpus() {
        long version = before.version();
        Map<String, Object> valid = valid(version);
        List<Case> corpus = new ArrayList<>();
        List<Object> wrongValues = List.of(123, "text", true, Map.of(), 1.5);
        for (String field : valid.keySet()) {
            for (Object value : wrongValues) {
                if (!sameKind(valid.get(field), value)) {
                    corpus.add(json("wrong type: " + field + "=" + value, with(valid, field, value), Expected.invalid(field)));
                }
            }
        }
        corpus.add(json("impossible date", with(valid, "holidays", List.of(YEAR + "-02-30")), Expected.invalid("holidays[0]")));
        corpus.add(json("not a date", with(valid, "makeUpWorkingDays", List.of("下周六")), Expected.invalid("makeUpWorkingDays[0]")));
        corpus.add(json("date and time", with(valid, "holidays", List.of(YEAR + "-10-01T00:00:00")), Expected.invalid("holidays[0]")));
        corpus.add(json("repeated holiday", with(valid, "holidays", List.of(YEAR + "-10-01", YEAR + "-10-01")),
                Expected.invalid("holidays[1]")));
        List<Object> withNull = new ArrayList<>();
        withNull.add(YEAR + "-10-01");
        withNull.add(null);
        corpus.add(json("null holiday", with(valid, "holidays", withNull), Expected.invalid("holidays[1]")));
        corpus.add(json("61 holidays", with(valid, "holidays",
                IntStream.rangeClosed(1, 61).mapToObj(day -> LocalDate.ofYearDay(YEAR, day).toString()).toList()),
                Expected.invalid("holidays")));
        corpus.add(json("overlong source", with(valid, "source", "通".repeat(201)), Expected.invalid("source")));
        corpus.add(json("negative version", with(valid, "version", -1), Expected.invalid("version")));
        corpus.add(json("fractional version", with(valid, "version", 1.5), Expected.invalid("version")));
        corpus.add(json("version as text", with(valid, "version", String.valueOf(version)), Expected.invalid("version")));
        Map<String, Object> noVersion = new LinkedHashMap<>(valid);
        noVersion.remove("version");
        corpus.add(json("missing version", noVersion, Expected.invalid("version")));
        corpus.add(json("year in the body", with(valid, "year", YEAR), Expected.invalid("year")));
        corpus.add(json("unknown field", with(valid, "arranged", true), Expected.invalid("arranged")));

        corpus.add(json("stale version", with(valid, "version", version - 1), Expected.problem(409, "CALENDAR_VERSION_CONFLICT")));
        corpus.add(json("version from the future", with(valid, "version", version + 7), Expected.problem(409, "CALENDAR_VERSION_CONFLICT")));
        corpus.add(json("holiday of another year", with(valid, "holidays", List.of((YEAR + 1) + "-01-01")),
                Expected.problem(422, "CALENDAR_DAY_OUTSIDE_YEAR")));
        corpus.add(json("make-up day on a Wednesday", with(valid, "makeUpWorkingDays", List.of(YEAR + "-10-08")),
                Expected.problem(422, "CALENDAR_MAKE_UP_DAY_NOT_WEEKEND")));
        corpus.add(json("holiday and make-up day at once", with(with(valid, "holidays", List.of(YEAR + "-10-04")),
                "makeUpWorkingDays", List.of(YEAR + "-10-04")), Expected.problem(422, "CALENDAR_DAY_BOTH_HOLIDAY_AND_MAKE_UP")));
        corpus.add(json("no holidays", with(valid, "holidays", List.of()), Expected.problem(422, "CALENDAR_NO_HOLIDAYS")));
        Map<String, Object> noHolidays = new LinkedHashMap<>(valid);
        noHolidays.remove("holidays");
        corpus.add(json("holidays left out", noHolidays, Expected.problem(422, "CALENDAR_NO_HOLIDAYS")));
        corpus.add(new Case("year 2101", 2101, MediaType.APPLICATION_JSON_VALUE, bytes(valid), Expected.invalid("year")));
        corpus.add(new Case("year 1999", 1999, MediaType.APPLICATION_JSON_VALUE, bytes(valid), Expected.invalid("year")));
        corpus.add(new Case("days of the body, saved under another year", YEAR + 1, MediaType.APPLICATION_JSON_VALUE,
                bytes(with(valid, "version", 0)), Expected.problem(422, "CALENDAR_DAY_OUTSIDE_YEAR")));

        corpus.add(text("truncated JSON", "{\"holidays\":[\"" + YEAR + "-10-01\""));
        corpus.add(text("JSON array", "[" + new String(bytes(valid), StandardCharsets.UTF_8) + "]"));
        corpus.add(text("JSON null", "null"));
        corpus.add(text("empty body", ""));
        corpus.add(text("duplicate key", "{\"version\":" + version + ",\"version\":0,\"holidays\":[\"" + YEAR + "-10-01\"]}"));
        corpus.add(new Case("wrong content type", YEAR, MediaType.TEXT_PLAIN_VALUE, bytes(valid),
                Expected.problem(415, "UNSUPPORTED_MEDIA_TYPE")));
        corpus.add(new Case("oversize body", YEAR, MediaType.APPLICATION_JSON_VALUE,
                bytes(with(valid, "source", "x".repeat(100_000))), Expected.problem(413, "PAYLOAD_TOO_LARGE")));
        return corpus.stream();
    }

    /** New Year's Day and three National Day holidays (Wednesday to Friday), two make-up Sundays, in {@link #YEAR}. */
    private static Map<String, Object> valid(long version) {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("holidays", List.of(YEAR + "-01-01", YEAR + "-10-01", YEAR + "-10-02", YEAR + "-10-03"));
        valid.put("makeUpWorkingDays", List.of(YEAR + "-09-28", YEAR + "-10-12"));
        valid.put("source", "国务院办公厅关于" + YEAR + "年部分节假日安排的通知（测试）");
        valid.put("version", version);
        return valid;
    }

    private MockHttpServletResponse send(Case sent) throws Exception {
        return mvc.perform(put("/api/v1/admin/holiday-calendar/" + sent.year())
                        .header("Authorization", "Bearer " + tokens.forRole("calendar-corpus", Role.SUPERVISOR, null))
                        .contentType(sent.contentType()).content(sent.body()))
                .andReturn().getResponse();
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, @Nullable Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(base);
        changed.put(field, value);
        return changed;
    }

    private static Case json(String name, Object value, Expected expected) {
        return new Case(name, YEAR, MediaType.APPLICATION_JSON_VALUE, bytes(value), expected);
    }

    private static boolean sameKind(@Nullable Object a, Object b) {
        return a instanceof Number && b instanceof Integer || a instanceof String && b instanceof String;
    }

    /** Text that is no JSON an arrangement can be read from. */
    private static Case text(String name, String json) {
        return new Case(name, YEAR, MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8),
                Expected.problem(400, "MALFORMED_BODY"));
    }

    private static byte[] bytes(Object value) {
        return JSON.writeValueAsBytes(value);
    }
}
