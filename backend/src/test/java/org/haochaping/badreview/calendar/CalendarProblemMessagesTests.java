package org.haochaping.badreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every problem the calendar answers with has a title and a detail in Chinese and in English. */
class CalendarProblemMessagesTests {

    static final List<String> CODES = List.of("CALENDAR_YEAR_OUT_OF_RANGE", "CALENDAR_TOO_MANY_DAYS",
            "CALENDAR_SOURCE_TOO_LONG", "CALENDAR_NO_HOLIDAYS", "CALENDAR_DAY_OUTSIDE_YEAR",
            "CALENDAR_MAKE_UP_DAY_NOT_WEEKEND", "CALENDAR_DAY_BOTH_HOLIDAY_AND_MAKE_UP", "CALENDAR_VERSION_CONFLICT");

    @Test
    void each_calendar_problem_is_worded_in_chinese_first_and_in_english() throws IOException {
        Properties chinese = read("/i18n/messages.properties");
        Properties english = read("/i18n/messages_en.properties");
        for (String code : CODES) {
            for (String part : List.of(".title", ".detail")) {
                assertThat(chinese.getProperty("problem." + code + part)).as(code + part + " zh").isNotBlank()
                        .containsPattern("\\p{IsHan}");
                assertThat(english.getProperty("problem." + code + part)).as(code + part + " en").isNotBlank()
                        .doesNotContainPattern("\\p{IsHan}");
            }
        }
    }

    private static Properties read(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(CalendarProblemMessagesTests.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
